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

/** Wildcard forms are bucketed by this many letters: their first for `reduc*`, their last for `*mab`. */
const WILDCARD_KEY_LETTERS = 3;
/**
 * Distinct words whose wildcard matches are remembered (about a megabyte); past it the memo
 * starts afresh. Pages repeat their words, and a session checks page after page with one index.
 */
const MEMO_LIMIT = 20_000;
const NONE: never[] = [];

/**
 * All forms of all entries, indexed by their first step so a sentence costs about one map lookup
 * per token whatever the lexicon's size. Word forms are looked up by the token; the wildcard
 * forms that fit a word are found once per distinct word and remembered.
 */
export class FormIndex<K> {
  private readonly byWord = new Map<string, Entry<K>[]>();
  /** Prefix forms by their first WILDCARD_KEY_LETTERS letters; shorter prefixes in `shortPrefixes`. */
  private readonly byPrefix = new Map<string, Entry<K>[]>();
  private readonly shortPrefixes: Entry<K>[] = [];
  /** Suffix forms by their last WILDCARD_KEY_LETTERS letters; shorter suffixes in `shortSuffixes`. */
  private readonly bySuffix = new Map<string, Entry<K>[]>();
  private readonly shortSuffixes: Entry<K>[] = [];
  /** Word -> the wildcard entries whose first step it fits, in the order `find` tries them. */
  private readonly wildcardMemo = new Map<string, Entry<K>[]>();
  /** Matched word indexes of the form being tried; copied only when it matches. */
  private readonly scratch: number[] = [];

  add(key: K, form: string): void {
    const steps = compileForm(form);
    const first = steps[0]!;
    const entry = { key, steps };
    this.wildcardMemo.clear();
    if ('word' in first) {
      const list = this.byWord.get(first.word);
      if (list) list.push(entry);
      else this.byWord.set(first.word, [entry]);
    } else if ('prefix' in first) {
      const p = first.prefix;
      // An empty prefix ("’*" normalised) fits no word.
      if (p.length === 0) return;
      if (p.length < WILDCARD_KEY_LETTERS) insertByLength(this.shortPrefixes, entry);
      else insertByLength(bucket(this.byPrefix, p.slice(0, WILDCARD_KEY_LETTERS)), entry);
    } else if ('suffix' in first) {
      const x = first.suffix;
      if (x.length === 0) return;
      if (x.length < WILDCARD_KEY_LETTERS) insertByLength(this.shortSuffixes, entry);
      else insertByLength(bucket(this.bySuffix, x.slice(-WILDCARD_KEY_LETTERS)), entry);
    } else {
      throw new Error(`form "${form}" must start with a word`);
    }
  }

  /** A new index holding only the forms of the entries `keep` accepts (the page's LDN mentions are counted with one). */
  subset(keep: (key: K) => boolean): FormIndex<K> {
    const out = new FormIndex<K>();
    const copy = (from: Map<string, Entry<K>[]>, to: Map<string, Entry<K>[]>) => {
      for (const [k, list] of from) {
        const kept = list.filter((e) => keep(e.key));
        if (kept.length > 0) to.set(k, kept);
      }
    };
    copy(this.byWord, out.byWord);
    copy(this.byPrefix, out.byPrefix);
    copy(this.bySuffix, out.bySuffix);
    out.shortPrefixes.push(...this.shortPrefixes.filter((e) => keep(e.key)));
    out.shortSuffixes.push(...this.shortSuffixes.filter((e) => keep(e.key)));
    return out;
  }

  find(tokens: Token[]): Hit<K>[] {
    const hits: Hit<K>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const { norm, alt } = tokens[i]!;
      this.tryAll(this.byWord.get(norm), tokens, i, hits);
      if (alt) this.tryAll(this.byWord.get(alt), tokens, i, hits);
      this.tryAll(this.wildcardsFor(norm), tokens, i, hits);
    }
    return hits;
  }

  /**
   * The prefix forms `norm` starts with, shortest first, then the suffix forms it ends with
   * (a suffix shorter than the word, on words of SUFFIX_MIN_WORD letters or more), shortest
   * first; forms of one length in the order they were added.
   */
  private wildcardsFor(norm: string): Entry<K>[] {
    let found = this.wildcardMemo.get(norm);
    if (found) return found;
    found = [];
    for (const e of this.shortPrefixes) if (norm.startsWith(prefixOf(e))) found.push(e);
    for (const e of this.byPrefix.get(norm.slice(0, WILDCARD_KEY_LETTERS)) ?? NONE) if (norm.startsWith(prefixOf(e))) found.push(e);
    if (norm.length >= SUFFIX_MIN_WORD) {
      for (const e of this.shortSuffixes) if (suffixOf(e).length < norm.length && norm.endsWith(suffixOf(e))) found.push(e);
      for (const e of this.bySuffix.get(norm.slice(-WILDCARD_KEY_LETTERS)) ?? NONE) if (suffixOf(e).length < norm.length && norm.endsWith(suffixOf(e))) found.push(e);
    }
    if (found.length === 0) found = NONE;
    if (this.wildcardMemo.size >= MEMO_LIMIT) this.wildcardMemo.clear();
    this.wildcardMemo.set(norm, found);
    return found;
  }

  private tryAll(entries: Entry<K>[] | undefined, tokens: Token[], i: number, hits: Hit<K>[]): void {
    if (!entries) return;
    const words = this.scratch;
    for (const e of entries) {
      // matchFrom leaves `words` empty when the form does not match.
      const last = matchFrom(e.steps, 0, tokens, i, words);
      if (last >= 0) {
        hits.push({ key: e.key, first: i, last, words: words.slice() });
        words.length = 0;
      }
    }
  }
}

function bucket<K>(map: Map<string, Entry<K>[]>, key: string): Entry<K>[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

const prefixOf = <K>(e: Entry<K>): string => (e.steps[0] as { prefix: string }).prefix;
const suffixOf = <K>(e: Entry<K>): string => (e.steps[0] as { suffix: string }).suffix;
const wildcardLength = <K>(e: Entry<K>): number => ('prefix' in e.steps[0]! ? prefixOf(e) : suffixOf(e)).length;

/** Keeps `list` ordered by wildcard length, later additions after earlier ones of the same length. */
function insertByLength<K>(list: Entry<K>[], entry: Entry<K>): void {
  const n = wildcardLength(entry);
  let at = list.length;
  while (at > 0 && wildcardLength(list[at - 1]!) > n) at--;
  list.splice(at, 0, entry);
}
