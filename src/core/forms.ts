/**
 * Surface forms: the small pattern language of the lexicon.
 *   "pain relief"     the words in order (case, accents and apostrophes ignored)
 *   "reduc* .. pain"  `reduc*` is any word starting with "reduc"; `..` skips up to MAX_GAP words
 *   "*mab"            (a form of one word only) any word ending in "mab", at least SUFFIX_MIN_WORD letters long
 * Forms compile to steps; a `FormIndex` finds every form of every entry in a token list in one pass.
 */
import { normalizeWord, tokenize, type Token } from './tokens';

/** How many words `..` may skip: enough for "reduce the level of pain", short enough to stay in one phrase. */
export const MAX_GAP = 3;

export type Step = { word: string } | { prefix: string } | { suffix: string } | { gap: true };

/** A suffix form matches only words this long, so "*vir" finds "tenofovir" but not "vir". */
export const SUFFIX_MIN_WORD = 6;

export function compileForm(form: string): Step[] {
  if (/^\*\p{L}+$/u.test(form.trim())) return [{ suffix: normalizeWord(form.trim().slice(1)) }];
  const steps: Step[] = [];
  for (const raw of form.trim().split(/\s+/)) {
    if (raw === '..') {
      steps.push({ gap: true });
    } else if (raw.endsWith('*') && raw.length > 1) {
      steps.push({ prefix: normalizeWord(raw.slice(0, -1)) });
    } else {
      // A raw word may split into several tokens ("IL-6" -> "il", "6"; "1.5mg" -> "1.5", "mg").
      for (const t of tokenize(raw)) steps.push({ word: t.norm });
    }
  }
  if (steps.length === 0 || 'gap' in steps[0]! || 'gap' in steps[steps.length - 1]!) {
    throw new Error(`form "${form}" must start and end with a word`);
  }
  return steps;
}

export interface Hit<K> {
  key: K;
  /** Token index range [first, last] in the sentence. */
  first: number;
  last: number;
  /** Token indexes the form's own words matched (a `..` gap's words are not among them). */
  words: number[];
}

interface Entry<K> {
  key: K;
  steps: Step[];
}

function stepMatches(step: Step, token: Token): boolean {
  if ('word' in step) return step.word === token.norm || step.word === token.alt;
  if ('prefix' in step) return token.norm.startsWith(step.prefix);
  if ('suffix' in step) return token.norm.length >= SUFFIX_MIN_WORD && token.norm.endsWith(step.suffix);
  return false;
}

/**
 * Shortest match of `steps[s..]` starting at token `i`, pushing the indexes of matched words
 * onto `words`; returns the last token index or -1 (and leaves `words` as it found it).
 */
function matchFrom(steps: Step[], s: number, tokens: Token[], i: number, words: number[]): number {
  if (s === steps.length) return i - 1;
  const step = steps[s]!;
  if ('gap' in step) {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= tokens.length; skip++) {
      // A gap never crosses a clause mark: "reduces fatigue; pain" is not "reduces pain".
      if (skip > 0 && CLAUSE_MARKS.has(tokens[i + skip - 1]!.norm)) break;
      const end = matchFrom(steps, s + 1, tokens, i + skip, words);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (i >= tokens.length || !stepMatches(step, tokens[i]!)) return -1;
  words.push(i);
  const end = matchFrom(steps, s + 1, tokens, i + 1, words);
  if (end < 0) words.pop();
  return end;
}

const CLAUSE_MARKS = new Set([';', ':', '?']);

/**
 * All forms of all entries, indexed by their first step so a sentence costs one map lookup per
 * token (plus one per prefix length for wildcard first words), whatever the lexicon's size.
 */
export class FormIndex<K> {
  private readonly byWord = new Map<string, Entry<K>[]>();
  private readonly byPrefix = new Map<string, Entry<K>[]>();
  private readonly bySuffix = new Map<string, Entry<K>[]>();
  private maxPrefix = 0;
  private maxSuffix = 0;

  add(key: K, form: string): void {
    const steps = compileForm(form);
    const first = steps[0]!;
    let map: Map<string, Entry<K>[]>;
    let k: string;
    if ('word' in first) [map, k] = [this.byWord, first.word];
    else if ('prefix' in first) [map, k, this.maxPrefix] = [this.byPrefix, first.prefix, Math.max(this.maxPrefix, first.prefix.length)];
    else if ('suffix' in first) [map, k, this.maxSuffix] = [this.bySuffix, first.suffix, Math.max(this.maxSuffix, first.suffix.length)];
    else throw new Error(`form "${form}" must start with a word`);
    const list = map.get(k);
    if (list) list.push({ key, steps });
    else map.set(k, [{ key, steps }]);
  }

  find(tokens: Token[]): Hit<K>[] {
    const hits: Hit<K>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const { norm, alt } = tokens[i]!;
      this.tryAll(this.byWord.get(norm), tokens, i, hits);
      if (alt) this.tryAll(this.byWord.get(alt), tokens, i, hits);
      for (let len = 1; len <= Math.min(norm.length, this.maxPrefix); len++) {
        this.tryAll(this.byPrefix.get(norm.slice(0, len)), tokens, i, hits);
      }
      if (norm.length >= SUFFIX_MIN_WORD) {
        for (let len = 1; len <= Math.min(norm.length - 1, this.maxSuffix); len++) this.tryAll(this.bySuffix.get(norm.slice(-len)), tokens, i, hits);
      }
    }
    return hits;
  }

  private tryAll(entries: Entry<K>[] | undefined, tokens: Token[], i: number, hits: Hit<K>[]): void {
    if (!entries) return;
    for (const e of entries) {
      const words: number[] = [];
      const last = matchFrom(e.steps, 0, tokens, i, words);
      if (last >= 0) hits.push({ key: e.key, first: i, last, words });
    }
  }
}
