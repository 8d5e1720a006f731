/**
 * Surface forms: the small pattern language of the lexicon.
 *   "pain relief"     the words in order (case, accents and apostrophes ignored)
 *   "reduc* .. pain"  `reduc*` is any word starting with "reduc"; `..` skips up to MAX_GAP words
 *   "*mab"            (a form of one word only) any word ending in "mab", at least SUFFIX_MIN_WORD letters long
 * Forms compile to steps; a `FormIndex` holds every form of every entry in one trie of steps and
 * finds them all in a token list in one pass. Entries of different kinds (the lexicon's concepts
 * and its cues) share one index in separate lanes: one pass finds both, each into its own list.
 */
import { FlatTrie, newNode, NONE, WILDCARD_STEPS, WORD_STEPS, type TrieNode } from './form-trie';
import { currentId, normalizeWord, tokenize, wordCount, wordGeneration, wordId, type Token } from './tokens';

/** How many words `..` may skip: enough for "reduce the level of pain", short enough to stay in one phrase. */
export const MAX_GAP = 3;

export type Step = { word: string } | { prefix: string } | { suffix: string } | { gap: true };

/** A suffix form matches only words this long, so "*vir" finds "tenofovir" but not "vir". */
export const SUFFIX_MIN_WORD = 6;

export function compileForm(form: string): Step[] {
  if (/^\*\p{L}+$/u.test(form.trim())) return [{ suffix: normalizeWord(form.trim().slice(1)) }];
  const steps: Step[] = [];
  // The form is tokenized whole, as pages are (tokens never span a space), and each raw word
  // takes the tokens inside it: one call on one string keeps `tokenize` fast (see tokens.ts).
  const tokens = tokenize(form);
  let next = 0;
  for (const raw of form.matchAll(/\S+/g)) {
    const end = raw.index + raw[0].length;
    while (next < tokens.length && tokens[next]!.start < raw.index) next++;
    if (raw[0] === '..') {
      steps.push({ gap: true });
    } else if (raw[0].endsWith('*') && raw[0].length > 1) {
      steps.push({ prefix: normalizeWord(raw[0].slice(0, -1)) });
    } else {
      // A raw word may split into several tokens ("IL-6" -> "il", "6"; "1.5mg" -> "1.5", "mg").
      for (; next < tokens.length && tokens[next]!.end <= end; next++) steps.push({ word: tokens[next]!.norm });
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

/** Orders wildcard forms as `find` emits them: prefix forms, then suffix forms, each shortest first, then as added. */
const WILDCARD_ORDER = { kind: 1e12, length: 1e7 };
/** Ranks a start's group above any entry's order, and stays exact in a double (3 groups x 1e15 < 2^53). */
const GROUP_RANK = 1e15;

/** A prefix or suffix step, in the shape `fits` reads. */
interface Wildcard {
  key: string;
  affix: string;
  isPrefix: boolean;
}

function wildcardOf(step: Step): Wildcard {
  return 'prefix' in step
    ? { key: `${step.prefix}*`, affix: step.prefix, isPrefix: true }
    : { key: `*${(step as { suffix: string }).suffix}`, affix: (step as { suffix: string }).suffix, isPrefix: false };
}

function fits(w: Wildcard, norm: string): boolean {
  return w.isPrefix ? norm.startsWith(w.affix) : norm.length >= SUFFIX_MIN_WORD && norm.length > w.affix.length && norm.endsWith(w.affix);
}

/** What the index knows of a word: the root's subtree for it, and every wildcard step it fits. */
interface WordInfo {
  /** Its number in the index's vocabulary, or -1 if no form has it. */
  vocabulary: number;
  /** The root's child by it, or NONE. */
  word: number;
  /**
   * The numbers of the wildcards that fit it, in no particular order: a node's children lead to
   * different forms, so the order they are walked in changes no hit, and `find` sorts the hits
   * of each token (see `Entry.order`).
   */
  fitting: number[];
}

const CLAUSE_MARKS = new Set([';', ':', '?']);

/** Wildcard forms are bucketed by this many letters: their first for `reduc*`, their last for `*mab`. */
const WILDCARD_KEY_LETTERS = 3;
const STAMP_LIMIT = 2 ** 30;
const FITS_NONE: number[] = [];
/** The trie's root node (see FlatTrie). */
const ROOT = 0;

/**
 * All forms of all entries in one trie, so a token costs one look-up whatever the lexicon's
 * size, and the 150 forms that start with "not" are walked together, not tried one by one.
 * A form's hit is its shortest match from a token, as if it were matched alone: a gap tries
 * skipping 0, 1, ... words, depth first, and each form keeps the first way it matches.
 */
export class FormIndex<K> {
  private readonly root = newNode<K>();
  /** The trie as `find` walks it, built from `root` when first needed after forms were added. */
  private trie: FlatTrie<K> | null = null;
  /**
   * Every distinct wildcard step of any form, numbered. Which of them a word fits is worked out
   * once per word (`WordInfo.fitting`), so a node with many wildcard children ("ldn reduc*",
   * "ldn improv*"...) costs a look-up per wildcard the token fits, not a string test per child.
   */
  private readonly wildcards: Wildcard[] = [];
  private readonly wildcardNumbers = new Map<string, number>();
  /** Wildcard numbers by their WILDCARD_KEY_LETTERS letters; shorter ones in `short...`. */
  private readonly byPrefix = new Map<string, number[]>();
  private readonly shortPrefixes: number[] = [];
  private readonly bySuffix = new Map<string, number[]>();
  private readonly shortSuffixes: number[] = [];
  /**
   * The forms' words, numbered as they are added. Tokens carry the number of their word in
   * tokens.ts's numbering, which starts afresh now and then; the trie is keyed by these numbers
   * instead, and `vocabularyOf` translates, rebuilt whenever the other numbering changes.
   */
  private readonly vocabulary = new Map<string, number>();
  /** `vocabularyOf[id] - 1`: the vocabulary number of the word with token id `id`, or -1. */
  private vocabularyOf = new Int32Array(0);
  /** What the index knows of each word (by token id), once asked; a page repeats its words, and so do pages. */
  private known: (WordInfo | undefined)[] = [];
  /** The word numbering the two tables above are for; -1 when a form was added since. */
  private tablesGeneration = -1;
  /** The current sentence's tokens' ids, what the index knows of their words, and their possessives' vocabulary numbers (-1 for none). */
  private ids = new Int32Array(64);
  private readonly infos: WordInfo[] = [];
  private altInVocabulary = new Int32Array(64);
  private entries = 0;
  /** `seen[entry.id] === stamp`: the entry has matched from the token being tried. */
  private seen = new Int32Array(64);
  private stamp = 0;
  /** Matched word indexes along the path being walked. */
  private readonly path: number[] = [];
  /**
   * Hits from the token being tried, and where each goes among them: its start's group (0 the
   * word's, 1 its possessive's, 2 a wildcard's) times GROUP_RANK, plus its entry's order.
   */
  private readonly pending: Hit<K>[] = [];
  private readonly pendingRank: number[] = [];
  private readonly pendingLane: number[] = [];
  /** How many lanes entries were added to: `find` returns one list per lane. */
  private lanes = 1;
  /** How many of `pending` are the current token's (the arrays are reused, not emptied: setting an array's length is slow). */
  private pendingCount = 0;

  /** Adds `form` as a form of `key`; its hits go to `lane`'s list of `find`. */
  add(key: K, form: string, lane = 0): void {
    const steps = compileForm(form);
    const first = steps[0]!;
    if ('gap' in first) throw new Error(`form "${form}" must start with a word`);
    // An empty wildcard ("’*" normalised) fits no word.
    if (('prefix' in first && first.prefix === '') || ('suffix' in first && first.suffix === '')) return;
    this.tablesGeneration = -1;
    this.trie = null;
    let node = this.root;
    for (const step of steps) node = this.child(node, step);
    const id = this.entries++;
    if (id >= this.seen.length) {
      const grown = new Int32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    const order = 'word' in first ? id : ('prefix' in first ? 0 : WILDCARD_ORDER.kind) + wildcardOf(first).key.length * WILDCARD_ORDER.length + id;
    node.ends.push({ id, key, order, lane });
    this.lanes = Math.max(this.lanes, lane + 1);
  }

  /**
   * The hits of every form in `tokens`, one list per lane. Each lane's list is what an index
   * of that lane's forms alone would find: a form's hits do not depend on the other forms.
   */
  find(tokens: Token[]): Hit<K>[][] {
    const trie = (this.trie ??= new FlatTrie(this.root));
    this.numberWords(trie, tokens);
    const lanes: Hit<K>[][] = [];
    for (let lane = 0; lane < this.lanes; lane++) lanes.push([]);
    const { pending, pendingRank, pendingLane } = this;
    for (let i = 0; i < tokens.length; i++) {
      this.pendingCount = 0;
      if (++this.stamp === STAMP_LIMIT) {
        this.seen.fill(0);
        this.stamp = 1;
      }
      const info = this.infos[i]!;
      if (info.word !== NONE) this.walk(trie, info.word, tokens, i, i + 1, 0);
      const alt = this.altInVocabulary[i]!;
      if (alt >= 0) {
        const word = trie.wordChild(ROOT, alt);
        if (word !== NONE) this.walk(trie, word, tokens, i, i + 1, GROUP_RANK);
      }
      for (const w of info.fitting) {
        const node = trie.wildcardChild(ROOT, w);
        if (node !== NONE) this.walk(trie, node, tokens, i, i + 1, 2 * GROUP_RANK);
      }
      const count = this.pendingCount;
      // Hits go out in the order the forms' first words would be tried one by one: the word's
      // forms in the order they were added, then the possessive's, then wildcard forms.
      if (count > 1) sortByRank(pending, pendingRank, pendingLane, count);
      for (let p = 0; p < count; p++) lanes[pendingLane[p]!]!.push(pending[p]!);
    }
    return lanes;
  }

  /** Walks `node`, whose path matched tokens first..at-1 (its last step matched at-1 unless it was a gap). */
  private walk(trie: FlatTrie<K>, node: number, tokens: Token[], first: number, at: number, groupRank: number): void {
    const path = this.path;
    path.push(at - 1);
    this.visit(trie, node, tokens, first, at, groupRank);
    path.pop();
  }

  private visit(trie: FlatTrie<K>, node: number, tokens: Token[], first: number, at: number, groupRank: number): void {
    for (let e = trie.endsFrom[node]!, to = trie.endsFrom[node + 1]!; e < to; e++) {
      const id = trie.endId[e]!;
      if (this.seen[id] === this.stamp) continue;
      this.seen[id] = this.stamp;
      this.pending[this.pendingCount] = { key: trie.endKey[e]!, first, last: at - 1, words: this.path.slice() };
      this.pendingRank[this.pendingCount] = groupRank + trie.endOrder[e]!;
      this.pendingLane[this.pendingCount++] = trie.endLane[e]!;
    }
    const gap = trie.gapOf[node]!;
    if (gap !== NONE) {
      for (let skip = 0; skip <= MAX_GAP && at + skip <= tokens.length; skip++) {
        // A gap never crosses a clause mark: "reduces fatigue; pain" is not "reduces pain".
        if (skip > 0 && CLAUSE_MARKS.has(tokens[at + skip - 1]!.norm)) break;
        this.visit(trie, gap, tokens, first, at + skip, groupRank);
      }
    }
    const steps = trie.steps[node]!;
    if (at >= tokens.length || steps === 0) return;
    const info = this.infos[at]!;
    if (steps & WORD_STEPS) {
      if (info.vocabulary >= 0) {
        const next = trie.wordChild(node, info.vocabulary);
        if (next !== NONE) this.walk(trie, next, tokens, first, at + 1, groupRank);
      }
      const alt = this.altInVocabulary[at]!;
      if (alt >= 0) {
        const next = trie.wordChild(node, alt);
        if (next !== NONE) this.walk(trie, next, tokens, first, at + 1, groupRank);
      }
    }
    if (steps & WILDCARD_STEPS) {
      for (const w of info.fitting) {
        const next = trie.wildcardChild(node, w);
        if (next !== NONE) this.walk(trie, next, tokens, first, at + 1, groupRank);
      }
    }
  }

  /**
   * Reads what the index knows of each token's word into `infos`, and its possessive's
   * vocabulary number into `altInVocabulary`, with the tables made current. Numbering a word
   * may start the numbering afresh (rarely: see tokens.ts); then everything is read again.
   */
  private numberWords(trie: FlatTrie<K>, tokens: Token[]): void {
    if (this.ids.length < tokens.length) [this.ids, this.altInVocabulary] = [new Int32Array(2 * tokens.length), new Int32Array(2 * tokens.length)];
    for (;;) {
      const generation = wordGeneration();
      for (let i = 0; i < tokens.length; i++) this.ids[i] = currentId(tokens[i]!);
      this.makeTablesCurrent();
      if (generation !== wordGeneration()) continue;
      for (let i = 0; i < tokens.length; i++) {
        const { norm, alt } = tokens[i]!;
        this.infos[i] = this.infoOf(trie, this.ids[i]!, norm);
        this.altInVocabulary[i] = alt === undefined ? -1 : (this.vocabulary.get(alt) ?? -1);
      }
      return;
    }
  }

  private makeTablesCurrent(): void {
    if (this.tablesGeneration === wordGeneration()) {
      // Words numbered since are in no form: they only need room in `known`.
      for (let n = wordCount(); this.known.length < n;) this.known.push(undefined);
      return;
    }
    let ids: number[];
    let generation: number;
    do {
      generation = wordGeneration();
      ids = [...this.vocabulary.keys()].map(wordId);
    } while (generation !== wordGeneration());
    this.vocabularyOf = new Int32Array(wordCount());
    let local = 0;
    for (const id of ids) this.vocabularyOf[id] = ++local;
    this.known = new Array<WordInfo | undefined>(wordCount()).fill(undefined);
    this.tablesGeneration = generation;
  }

  private infoOf(trie: FlatTrie<K>, id: number, norm: string): WordInfo {
    let info = this.known[id];
    if (info) return info;
    let fitting: number[] = [];
    const add = (numbers: number[] | undefined) => {
      for (const w of numbers ?? []) if (fits(this.wildcards[w]!, norm)) fitting.push(w);
    };
    add(this.shortPrefixes);
    add(this.byPrefix.get(norm.slice(0, WILDCARD_KEY_LETTERS)));
    if (norm.length >= SUFFIX_MIN_WORD) {
      add(this.shortSuffixes);
      add(this.bySuffix.get(norm.slice(-WILDCARD_KEY_LETTERS)));
    }
    // Most words fit no wildcard: they share one empty list.
    if (fitting.length === 0) fitting = FITS_NONE;
    const vocabulary = id < this.vocabularyOf.length ? this.vocabularyOf[id]! - 1 : -1;
    info = { vocabulary, word: vocabulary >= 0 ? trie.wordChild(ROOT, vocabulary) : NONE, fitting };
    this.known[id] = info;
    return info;
  }

  private child(node: TrieNode<K>, step: Step): TrieNode<K> {
    if ('word' in step) {
      let word = this.vocabulary.get(step.word);
      if (word === undefined) this.vocabulary.set(step.word, (word = this.vocabulary.size));
      node.words ??= new Map();
      let next = node.words.get(word);
      if (!next) node.words.set(word, (next = newNode()));
      return next;
    }
    if ('gap' in step) return (node.gap ??= newNode());
    const number = this.wildcardNumber(wildcardOf(step));
    node.wildcards ??= new Map();
    let next = node.wildcards.get(number);
    if (!next) node.wildcards.set(number, (next = newNode()));
    return next;
  }

  private wildcardNumber(wildcard: Wildcard): number {
    const known = this.wildcardNumbers.get(wildcard.key);
    if (known !== undefined) return known;
    const number = this.wildcards.length;
    this.wildcards.push(wildcard);
    this.wildcardNumbers.set(wildcard.key, number);
    const { affix } = wildcard;
    const list = wildcard.isPrefix
      ? affix.length < WILDCARD_KEY_LETTERS ? this.shortPrefixes : bucket(this.byPrefix, affix.slice(0, WILDCARD_KEY_LETTERS))
      : affix.length < WILDCARD_KEY_LETTERS ? this.shortSuffixes : bucket(this.bySuffix, affix.slice(-WILDCARD_KEY_LETTERS));
    list.push(number);
    return number;
  }
}

/**
 * Sorts the first `count` of `hits` by `ranks`, with their `lanes` (all in place), by insertion:
 * a token starts a handful of hits at most.
 */
function sortByRank<K>(hits: Hit<K>[], ranks: number[], lanes: number[], count: number): void {
  for (let i = 1; i < count; i++) {
    const hit = hits[i]!;
    const rank = ranks[i]!;
    const lane = lanes[i]!;
    let j = i - 1;
    for (; j >= 0 && ranks[j]! > rank; j--) {
      hits[j + 1] = hits[j]!;
      ranks[j + 1] = ranks[j]!;
      lanes[j + 1] = lanes[j]!;
    }
    hits[j + 1] = hit;
    ranks[j + 1] = rank;
    lanes[j + 1] = lane;
  }
}

function bucket(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
