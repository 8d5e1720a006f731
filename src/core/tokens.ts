/**
 * Word tokens with their character offsets. The lexicon's forms and the page's sentences go
 * through the same function, so "Crohn’s", "crohns" and "CROHN'S" meet as one token.
 */
export interface Token {
  /** Lower case, accents and apostrophes removed: "Sjögren’s" -> "sjogrens". */
  norm: string;
  /** For a possessive ("naltrexone’s"): the word without it ("naltrexone"). */
  alt?: string;
  start: number;
  end: number;
}

// Numbers keep their decimal part ("4.5"); words keep inner apostrophes ("don't"); a few
// punctuation marks are tokens because they end a clause or carry meaning (% and ?). Tokens are
// read by a scanner over character codes, not a regular expression: this runs on every word of
// every page, and the scanner costs a third of the expression with `\p{…}` classes.
const MARKS = /[\p{M}'’]/gu;
const POSSESSIVE = /\p{L}{2,}['’]s$/u;
/** Anything beyond plain ASCII, or an apostrophe: only such words need the full normalisation. */
const NEEDS_NORMALIZING = /[^\x00-\x26\x28-\x7f]/;
const MARK_CHARS = '%?;:$';

/** A punctuation token (`%`, `?`, `;`, `:`, `$`), not a word. */
export function isMark(t: Token): boolean {
  return t.end - t.start === 1 && MARK_CHARS.includes(t.norm);
}

export function normalizeWord(word: string): string {
  // Most words are plain ASCII, for which NFD and mark removal change nothing.
  if (!NEEDS_NORMALIZING.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const OTHER = 0;
const DIGIT = 1;
/** A letter or a combining mark. */
const LETTER = 2;
const MARK = 3;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER;
for (const m of MARK_CHARS) ASCII_CLASS[m.charCodeAt(0)] = MARK;

const wideClasses = new Map<number, number>();
/** Set when `classAt` meets a character beyond ASCII: the token being read needs the full normalisation. */
let sawWide = false;
const IS_NUMBER = /^\p{N}$/u;
const IS_LETTER = /^[\p{L}\p{M}]$/u;

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  sawWide = true;
  const cp = text.codePointAt(i)!;
  let cls = wideClasses.get(cp);
  if (cls === undefined) {
    const ch = String.fromCodePoint(cp);
    cls = IS_NUMBER.test(ch) ? DIGIT : IS_LETTER.test(ch) ? LETTER : OTHER;
    wideClasses.set(cp, cls);
  }
  return cls;
}

/** UTF-16 units of the code point at `i`. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Past a run of code points of class `cls` from `i`. */
function runEnd(text: string, i: number, cls: number): number {
  while (i < text.length && classAt(text, i) === cls) i += widthAt(text, i);
  return i;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const cls = classAt(text, i);
    if (cls === OTHER) {
      i += widthAt(text, i);
      continue;
    }
    sawWide = false;
    let plain = true;
    let end: number;
    if (cls === MARK) {
      end = i + 1;
    } else {
      end = runEnd(text, i, cls);
      // A number goes on over "." or "," followed by digits; a word over an apostrophe followed by letters.
      for (;;) {
        const c = text.charCodeAt(end);
        const joins = cls === DIGIT ? c === 46 || c === 44 : c === APOSTROPHE || c === RIGHT_QUOTE;
        if (!joins || end + 1 >= text.length || classAt(text, end + 1) !== cls) break;
        plain = false;
        end = runEnd(text, end + 1, cls);
      }
    }
    const word = text.slice(i, end);
    const start = offset + i;
    // Plain ASCII (no apostrophe, nothing wider) only needs lower case, and cannot be a possessive.
    plain &&= !sawWide;
    const token: Token = { norm: plain ? word.toLowerCase() : normalizeWord(word), start, end: start + word.length };
    if (!plain && cls === LETTER && POSSESSIVE.test(word)) token.alt = normalizeWord(word.slice(0, -2));
    tokens.push(token);
    i = end;
  }
  return tokens;
}
