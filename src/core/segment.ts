/**
 * segment: Article -> sentences with exact offsets and their context (section heading, list
 * lead-in, links). Sentence ends are found per block, so headings and list items without final
 * punctuation are sentences of their own.
 */
import type { Article } from './article';
import { MAX_SENTENCE_CHARS } from './limits';

export type SentenceKind = 'heading' | 'sentence' | 'list-item';

export interface Sentence {
  index: number;
  /** Always `article.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  kind: SentenceKind;
  block: number;
  /** Text of the nearest heading above the sentence. */
  section: string | null;
  /** For a list item: the sentence that introduces the list ("LDN may help with:"); for a table cell, its row's first cell. */
  leadIn: string | null;
  /** Targets of the links inside the sentence. */
  links: string[];
}

/**
 * Words after which a full stop does not end a sentence. Lower case, without the final dot.
 * Months and titles are here because "Jan. 2024" and "Dr. Smith" are common in health writing.
 */
const ABBREVIATIONS = new Set([
  'dr', 'drs', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'sr', 'jr', 'rev', 'hon', 'gen', 'col', 'capt', 'lt', 'sgt',
  'vs', 'v', 'e.g', 'i.e', 'eg', 'ie', 'cf', 'viz', 'al', 'approx', 'ca', 'circa', 'est', 'fig', 'figs', 'no', 'nos',
  'vol', 'vols', 'pp', 'p', 'ed', 'eds', 'ch', 'sec', 'ref', 'refs', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'e.u', 'ph.d', 'm.d', 'b.sc', 'm.sc', 'd.o', 'n.d', 'r.n', 'pharm.d', 'a.m', 'p.m',
  'mt', 'ft', 'approx', 'min', 'max', 'avg', 'yr', 'yrs', 'wk', 'wks', 'hr', 'hrs', 'mo', 'mos', 'tab', 'tabs', 'cap', 'caps',
]);
/** Abbreviations that end a sentence when a capitalised word follows ("... and so on, etc. The next"). */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'yrs', 'hrs', 'wks']);

// Terminal punctuation is found with `indexOf` (a few times faster than a regular expression or
// a loop over character codes); what follows it is read from character codes: a unicode regex
// test per character, and matchAll's match arrays, cost more than the rest of segmenting.
const FULL_STOP = 0x2e;
const TERMINALS = ['.', '!', '?', '…'];

/**
 * Terminal punctuation from left to right, in a text read block by block: each character's next
 * occurrence is kept, so that the text after a block is not searched again for every block.
 */
class TerminalSearch {
  /** Each of TERMINALS' first occurrence at or after `from` (-1: none). */
  private readonly next: number[];
  private from = 0;

  constructor(private readonly text: string) {
    this.next = TERMINALS.map((t) => text.indexOf(t));
  }

  /** The first terminal punctuation at or after `i`, or -1. */
  firstFrom(i: number): number {
    let first = -1;
    for (let k = 0; k < TERMINALS.length; k++) {
      let at = this.next[k]!;
      if (i < this.from || (at !== -1 && at < i)) this.next[k] = at = this.text.indexOf(TERMINALS[k]!, i);
      if (at !== -1 && (first === -1 || at < first)) first = at;
    }
    this.from = i;
    return first;
  }
}

/** Terminal punctuation: . ! ? … */
function isTerminal(c: number): boolean {
  return c === FULL_STOP || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Closing quotes and brackets after terminal punctuation: ' " ” ’ ) ] */
function isCloser(c: number): boolean {
  return c === 0x27 || c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d;
}

/** Exactly the code units `\s` matches: ASCII spaces and controls, and Unicode's spaces and line separators. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export function segment(article: Article): Sentence[] {
  const sentences: Sentence[] = [];
  const linksOf = linksByBlock(article);
  let section: string | null = null;
  const lastSentenceOfBlock = new Map<number, string>();
  const terminals = new TerminalSearch(article.text);
  // Sentence bounds of the current block, as start, end, start, end...: one array for the page,
  // not an array per block and a pair per sentence.
  const bounds: number[] = [];
  article.blocks.forEach((block, blockIndex) => {
    const kind: SentenceKind = block.kind === 'heading' ? 'heading' : block.kind === 'list-item' ? 'list-item' : 'sentence';
    const leadIn = block.leadIn !== null ? lastSentenceOfBlock.get(block.leadIn) ?? null : null;
    bounds.length = 0;
    if (block.kind === 'heading') bounds.push(block.start, block.end);
    else boundsWithin(bounds, article.text, block.start, block.end, terminals);
    for (let k = 0; k < bounds.length; k += 2) {
      const start = bounds[k]!;
      const end = bounds[k + 1]!;
      sentences.push({
        index: sentences.length,
        text: article.text.slice(start, end),
        start,
        end,
        kind,
        block: blockIndex,
        section: block.kind === 'heading' ? null : section,
        leadIn,
        links: linksWithin(linksOf[blockIndex] ?? [], start, end),
      });
    }
    if (bounds.length > 0) lastSentenceOfBlock.set(blockIndex, sentences[sentences.length - 1]!.text);
    if (block.kind === 'heading') section = article.text.slice(block.start, block.end);
  });
  return sentences;
}

/**
 * Each block's links (every link overlapping it), in the article's order. A sentence need only
 * look at its own block's links: looking at all of them made a long page quadratic.
 */
function linksByBlock(article: Article): Article['links'][] {
  const out: Article['links'][] = [];
  const { blocks } = article;
  for (const l of article.links) {
    // The last block starting at or before the link (blocks are in text order).
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= l.start) lo = mid;
      else hi = mid - 1;
    }
    for (let b = lo; b < blocks.length && (b === lo || blocks[b]!.start < l.end); b++) (out[b] ??= []).push(l);
  }
  return out;
}

function linksWithin(links: Article['links'], start: number, end: number): string[] {
  const hrefs: string[] = [];
  for (const l of links) if (l.start < end && l.end > start) hrefs.push(l.href);
  return hrefs;
}

/** Sentence spans [start, end) within one block of text, trimmed of surrounding spaces. */
export function sentenceSpans(text: string): (readonly [number, number])[] {
  const bounds: number[] = [];
  boundsWithin(bounds, text, 0, text.length, new TerminalSearch(text));
  const spans: (readonly [number, number])[] = [];
  for (let k = 0; k < bounds.length; k += 2) spans.push([bounds[k]!, bounds[k + 1]!]);
  return spans;
}

/**
 * `sentenceSpans` of `text.slice(start, end)`, in offsets of `text` and flat (start, end, start,
 * end...), added to `bounds`: segment reads each block in place, as searching a slice is slower.
 * A sentence may end after a run of terminal punctuation and any closing quotes or brackets,
 * followed by a space or the end of the block.
 */
function boundsWithin(bounds: number[], text: string, start: number, end: number, terminals: TerminalSearch): void {
  let from = start;
  let i = start;
  for (;;) {
    const dot = terminals.firstFrom(i);
    if (dot === -1 || dot >= end) break;
    i = dot + 1;
    while (i < end && isTerminal(text.charCodeAt(i))) i++;
    while (i < end && isCloser(text.charCodeAt(i))) i++;
    if (i < end && (!isSpace(text.charCodeAt(i)) || !endsSentence(text, start, end, dot, i))) continue;
    pushCapped(bounds, text, from, i);
    from = i;
  }
  pushCapped(bounds, text, from, end);
}

// Looked at one character at a time near the terminator: slicing the rest of the block (or
// matching `[\p{L}.]+$` against all of it before) made every full stop cost the block's length.
// ASCII is read from character codes; other characters keep the unicode patterns.
const LOWER = /\p{Ll}/u;
const LETTER_OR_DOT = /^[\p{L}.]$/u;

function isLowerCase(c: number): boolean {
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : LOWER.test(String.fromCharCode(c));
}

/** Whether the terminal punctuation at `dot`, followed by a space at `after`, ends a sentence of the block [start, end). */
function endsSentence(text: string, start: number, end: number, dot: number, after: number): boolean {
  let n = after;
  while (n < end && isSpace(text.charCodeAt(n))) n++;
  // "e.g. the dose" or "vs. placebo": a lower-case continuation is the same sentence.
  if (n < end && isLowerCase(text.charCodeAt(n))) return false;
  if (text.charCodeAt(dot) !== FULL_STOP || text.charCodeAt(dot + 1) === FULL_STOP) return true;
  const raw = text.slice(wordStartBefore(text, start, dot), dot);
  const word = raw.toLowerCase();
  if (word === '') return true;
  if (isInitials(word)) return false;
  if (!ABBREVIATIONS.has(word)) return true;
  // In capitals it is an acronym, not a title: "people with MS. The trial" ends at "MS.", while
  // "Ms. Smith" goes on.
  const capitalNext = n < end && /^\p{Lu}/u.test(text.charAt(n));
  if (raw.length > 1 && raw === raw.toUpperCase()) return capitalNext;
  return SENTENCE_FINAL_ABBREVIATIONS.has(word) && capitalNext;
}

/**
 * A single letter is an initial ("J. Younger"), and so is a run of them ("U.S."). `word` is letters
 * and dots; in ASCII each code unit is one of them, so the dots must fall on every other one.
 */
function isInitials(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
    if ((c === FULL_STOP) !== (i % 2 === 1)) return false;
  }
  return word.length % 2 === 1;
}

/** Start of the run of letters (code points, as `\p{L}` reads them) and dots that ends at `end`, not before `start`. */
function wordStartBefore(text: string, start: number, end: number): number {
  let i = end;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c < 0x80) {
      if (!isAsciiLetter(c) && c !== FULL_STOP) break;
      i--;
      continue;
    }
    const pair = i >= start + 2 && c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
    const width = pair ? 2 : 1;
    if (!LETTER_OR_DOT.test(text.slice(i - width, i))) break;
    i -= width;
  }
  return i;
}

/** Adds a trimmed span's bounds, cutting spans over MAX_SENTENCE_CHARS at a clause or word break. */
function pushCapped(bounds: number[], text: string, from: number, to: number): void {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  let e = to;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  while (e - s > MAX_SENTENCE_CHARS) {
    const window = text.slice(s, s + MAX_SENTENCE_CHARS);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf(' '));
    const stop = cut > MAX_SENTENCE_CHARS / 2 ? s + cut + 1 : s + MAX_SENTENCE_CHARS;
    let stopTrim = stop;
    while (stopTrim > s && isSpace(text.charCodeAt(stopTrim - 1))) stopTrim--;
    bounds.push(s, stopTrim);
    s = stop;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) bounds.push(s, e);
}
