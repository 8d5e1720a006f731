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

// A run of terminal punctuation, any closing quotes or brackets, then a space or the end.
const TERMINATOR = /[.!?…]+['"”’)\]]*(?=\s|$)/g;

export function segment(article: Article): Sentence[] {
  const sentences: Sentence[] = [];
  const linksOf = linksByBlock(article);
  let section: string | null = null;
  const lastSentenceOfBlock = new Map<number, string>();
  article.blocks.forEach((block, blockIndex) => {
    const text = article.text.slice(block.start, block.end);
    const kind: SentenceKind = block.kind === 'heading' ? 'heading' : block.kind === 'list-item' ? 'list-item' : 'sentence';
    const leadIn = block.leadIn !== null ? lastSentenceOfBlock.get(block.leadIn) ?? null : null;
    const spans = block.kind === 'heading' ? [[0, text.length] as const] : sentenceSpans(text);
    for (const [s, e] of spans) {
      const start = block.start + s;
      const end = block.start + e;
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
    if (spans.length > 0) lastSentenceOfBlock.set(blockIndex, sentences[sentences.length - 1]!.text);
    if (block.kind === 'heading') section = text;
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
  const spans: (readonly [number, number])[] = [];
  let from = 0;
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    if (end < text.length && !endsSentence(text, m.index, end)) continue;
    pushCapped(spans, text, from, end);
    from = end;
  }
  pushCapped(spans, text, from, text.length);
  return spans;
}

// Looked at one character at a time near the terminator: slicing the rest of the block (or
// matching `[\p{L}.]+$` against all of it before) made every full stop cost the block's length.
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DOT = /^[\p{L}.]$/u;

function endsSentence(text: string, dot: number, after: number): boolean {
  let n = after;
  while (n < text.length && SPACE.test(text[n]!)) n++;
  const next = text.charAt(n);
  // "e.g. the dose" or "vs. placebo": a lower-case continuation is the same sentence.
  if (LOWER.test(next)) return false;
  if (text.charAt(dot) !== '.' || text.startsWith('..', dot)) return true;
  const word = text.slice(wordStartBefore(text, dot), dot).toLowerCase();
  if (word === '') return true;
  // A single letter is an initial ("J. Younger"), and so is a run of them ("U.S.").
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return false;
  if (!ABBREVIATIONS.has(word)) return true;
  return SENTENCE_FINAL_ABBREVIATIONS.has(word) && /^\p{Lu}/u.test(next);
}

/** Start of the run of letters (code points, as `\p{L}` reads them) and dots that ends at `end`. */
function wordStartBefore(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const pair = i >= 2 && /[\udc00-\udfff]/.test(text[i - 1]!) && /[\ud800-\udbff]/.test(text[i - 2]!);
    const width = pair ? 2 : 1;
    if (!LETTER_OR_DOT.test(text.slice(i - width, i))) break;
    i -= width;
  }
  return i;
}

/** Adds a trimmed span, cutting spans over MAX_SENTENCE_CHARS at a clause or word break. */
function pushCapped(spans: (readonly [number, number])[], text: string, from: number, to: number): void {
  let s = from;
  while (s < to && /\s/.test(text.charAt(s))) s++;
  let e = to;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  while (e - s > MAX_SENTENCE_CHARS) {
    const window = text.slice(s, s + MAX_SENTENCE_CHARS);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf(' '));
    const stop = cut > MAX_SENTENCE_CHARS / 2 ? s + cut + 1 : s + MAX_SENTENCE_CHARS;
    let stopTrim = stop;
    while (stopTrim > s && /\s/.test(text.charAt(stopTrim - 1))) stopTrim--;
    spans.push([s, stopTrim]);
    s = stop;
    while (s < e && /\s/.test(text.charAt(s))) s++;
  }
  if (e > s) spans.push([s, e]);
}
