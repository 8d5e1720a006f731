/** Text helpers the cite stage shares. */
import { isSpace } from '../segment';

/**
 * Every identifier (its digits) and every year holds four digits in a row; most sentences hold
 * none, and skip each pattern that needs one. A pattern of four digits is also among the cheapest
 * to look for: the search can step four characters at a time over text without digits.
 */
export const FOUR_DIGITS = /\d{4}/;

/**
 * `s` without its trailing full stops and spaces, as `s.replace(/[.\s]+$/, '')` gives; that pattern
 * is tried at every position of `s`, this loop reads only the end.
 */
export function trimDotsAndSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 0x2e || isSpace(s.charCodeAt(end - 1)))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s.split(/\s+/).length >= n` (the pieces between runs of spaces, an empty first or last one included), counted without splitting. */
export function hasSpaceSeparatedPieces(s: string, n: number): boolean {
  let pieces = 1;
  for (let i = 0; i < s.length && pieces < n; i++) {
    if (isSpace(s.charCodeAt(i)) && (i === 0 || !isSpace(s.charCodeAt(i - 1)))) pieces++;
  }
  return pieces >= n;
}

/**
 * The matches of a global pattern, as `[...text.matchAll(re)]` gives them, without the copy of the
 * pattern that `matchAll` makes at every call.
 */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // As matchAll does, step past an empty match instead of finding it again.
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}
