/**
 * Re-finds a report's sentences in the live page. A sentence is described by a quote selector:
 * its exact text plus a little text before and after it (as W3C Web Annotation's
 * TextQuoteSelector does), all taken from the article text the report refers to.
 *
 * Two tries, cheap first: the whitespace-normalised text (src/extension/text-map.ts), then a
 * "loose" projection keeping only letters and digits, lower-cased, which survives typographic
 * quotes, dashes and punctuation that extraction spelled differently. A sentence that occurs
 * more than once is placed by its context, then by its position in the article.
 */
import { buildTextMap, domSpan, normalizeText, type DomSpan, type TextMap } from './text-map';

/** Characters of context kept on each side of a quote; enough to tell repeated sentences apart. */
export const CONTEXT_CHARS = 32;

/** Stop looking at further occurrences after this many (a sentence repeated more is boilerplate). */
const MAX_CANDIDATES = 200;

// Scoring of a candidate occurrence. Context decides; position only breaks ties.
/** Weight of a fully matching prefix. */
const PREFIX_WEIGHT = 20;
/** Weight of a fully matching suffix. */
const SUFFIX_WEIGHT = 20;
/** Weight of being at the same relative position in the page as in the article. */
const POSITION_WEIGHT = 2;

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote sits in its source text, 0 (start) to 1 (end): a tie-breaker. */
  position: number;
}

export function quoteFrom(text: string, start: number, end: number): Quote {
  return {
    exact: normalizeText(text.slice(start, end)).trimStart(),
    prefix: normalizeText(text.slice(Math.max(0, start - CONTEXT_CHARS * 2), start)).slice(-CONTEXT_CHARS),
    suffix: normalizeText(text.slice(end, end + CONTEXT_CHARS * 2)).trimStart().slice(0, CONTEXT_CHARS),
    position: text.length === 0 ? 0 : start / text.length,
  };
}

export interface Anchor {
  /** Span in the map's normalised text. */
  start: number;
  end: number;
  span: DomSpan;
  /** Which try found it. */
  method: 'exact' | 'loose';
}

/** A loose projection of the map's text: letters and digits only, lower-cased, mapped back. */
interface Loose {
  text: string;
  /** For each loose character, its index in the map's text. */
  back: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function looseOf(s: string): Loose {
  const chars: string[] = [];
  const back: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (WORD_CHAR.test(ch)) {
      chars.push(ch.toLowerCase());
      back.push(i);
    }
  }
  return { text: chars.join(''), back: Int32Array.from(back) };
}

/** Finds quotes in one page; builds the page's maps once and reuses them for every quote. */
export class Anchorer {
  readonly map: TextMap;
  private loose: Loose | null = null;

  /** `maxChars`: how much of the page's text to search (see `buildTextMap`). */
  constructor(root: Node, maxChars = Infinity) {
    this.map = buildTextMap(root, maxChars);
  }

  find(quote: Quote): Anchor | null {
    if (quote.exact === '') return null;
    const exact = this.best(this.map.text, quote.exact, quote.prefix, quote.suffix, quote.position);
    if (exact !== null) return this.anchor(exact, exact + quote.exact.length, 'exact');
    this.loose ??= looseOf(this.map.text);
    const lq = looseOf(quote.exact).text;
    if (lq.length === 0) return null;
    const hit = this.best(this.loose.text, lq, looseOf(quote.prefix).text, looseOf(quote.suffix).text, quote.position);
    if (hit === null) return null;
    // The loose text has no punctuation: widen the hit over the quote's leading and trailing
    // punctuation (an opening quote mark, the final full stop) where the page has some too.
    let start = this.loose.back[hit]!;
    let end = this.loose.back[hit + lq.length - 1]! + 1;
    const text = this.map.text;
    for (let n = edgePunctuation(quote.exact, 'start'); n > 0 && start > 0 && isPunct(text[start - 1]!); n--) start--;
    for (let n = edgePunctuation(quote.exact, 'end'); n > 0 && end < text.length && isPunct(text[end]!); n--) end++;
    return this.anchor(start, end, 'loose');
  }

  private anchor(start: number, end: number, method: Anchor['method']): Anchor | null {
    const span = domSpan(this.map, start, end);
    return span ? { start, end, span, method } : null;
  }

  /** Index of the best-scoring occurrence of `exact` in `hay`, or null when there is none. */
  private best(hay: string, exact: string, prefix: string, suffix: string, position: number): number | null {
    let bestAt: number | null = null;
    let bestScore = -1;
    let seen = 0;
    const p = prefix.trimEnd();
    const q = suffix.trimStart();
    for (let at = hay.indexOf(exact); at !== -1 && seen < MAX_CANDIDATES; at = hay.indexOf(exact, at + 1), seen++) {
      const before = hay.slice(Math.max(0, at - p.length - 1), at).trimEnd();
      const after = hay.slice(at + exact.length, at + exact.length + q.length + 1).trimStart();
      const score =
        (p.length ? (commonSuffix(before, p) / p.length) * PREFIX_WEIGHT : 0) +
        (q.length ? (commonPrefix(after, q) / q.length) * SUFFIX_WEIGHT : 0) +
        (1 - Math.abs(at / Math.max(1, hay.length) - position)) * POSITION_WEIGHT;
      if (score > bestScore) {
        bestScore = score;
        bestAt = at;
      }
    }
    return bestAt;
  }
}

/** A character that is neither a letter, a digit nor a space. */
function isPunct(ch: string): boolean {
  return ch !== ' ' && !WORD_CHAR.test(ch);
}

/** How many punctuation characters the quote has at one end. */
function edgePunctuation(s: string, side: 'start' | 'end'): number {
  let n = 0;
  while (n < s.length && isPunct(side === 'start' ? s[n]! : s[s.length - 1 - n]!)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
