/**
 * The bibliography's titles by their words, so a cited title is compared only with the records
 * that could reach a similarity threshold instead of with every record (a 10,000-study
 * bibliography made each cited title cost 10,000 comparisons).
 *
 * Exact, not a heuristic: `titleSimilarity` is a Dice overlap, so a record at `threshold` or
 * above shares (exactly, or within one typo) all but a known number of the cited title's words.
 * Looking up that number plus one of the cited words, the rarest ones, is bound to reach it.
 * Counting, per record, the cited words that share a key with its title then bounds its
 * similarity from above, and records that cannot reach the threshold are not returned.
 * Typos are found with deletion keys (as SymSpell does): two words one insertion, deletion,
 * substitution or neighbour swap apart always have a one-letter deletion in common.
 */
import type { PreparedDb, StudySummary } from '../db';
import { FUZZY_MIN_LENGTH, oneLetterDeletions, titleWords } from './similarity';

interface TitleIndex {
  records: StudySummary[];
  /** Key -> positions in `records`, ascending. */
  byKey: Map<string, number[]>;
  /** Position -> how many words its title has, as `titleSimilarity` counts them. */
  wordCounts: number[];
  /** Cited word -> the positions of the titles sharing a key with it, ascending (cached: see `WORD_CACHE_LIMIT`). */
  byWord: Map<string, number[]>;
  /** Position -> cited words sharing a key with its title, for one look-up at a time (all zero between look-ups). */
  hits: Uint32Array;
}

const indexes = new WeakMap<PreparedDb, TitleIndex>();

/**
 * Cited titles share most of their words ("low", "dose", "naltrexone"), and looking a word's
 * keys up builds a dozen strings; each word's positions are kept. The limit bounds the memory a
 * long-running extension can spend on words of pages it has read.
 */
const WORD_CACHE_LIMIT = 20_000;

/** `=word` for the word itself; `~key` for the word and each of its one-letter deletions, on words long enough to tolerate a typo. */
function keysOf(word: string): string[] {
  const keys = [`=${word}`];
  if (word.length >= FUZZY_MIN_LENGTH) {
    keys.push(`~${word}`);
    for (const d of oneLetterDeletions(word)) keys.push(`~${d}`);
  }
  return keys;
}

function titleIndex(db: PreparedDb, records: StudySummary[]): TitleIndex {
  let index = indexes.get(db);
  if (index) return index;
  index = { records, byKey: new Map(), wordCounts: [], byWord: new Map(), hits: new Uint32Array(records.length) };
  records.forEach((r, position) => {
    const words = titleWords(r.title);
    index!.wordCounts.push(words.length);
    for (const word of words) {
      for (const key of keysOf(word)) {
        const list = index!.byKey.get(key);
        if (!list) index!.byKey.set(key, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    }
  });
  indexes.set(db, index);
  return index;
}

/** The positions of the records whose titles share a key with `word`: those holding it, or a word one typo from it. */
function positionsOf(index: TitleIndex, word: string): number[] {
  let positions = index.byWord.get(word);
  if (!positions) {
    const all = new Set<number>();
    for (const key of keysOf(word)) for (const p of index.byKey.get(key) ?? []) all.add(p);
    positions = [...all].sort((a, b) => a - b);
    if (index.byWord.size >= WORD_CACHE_LIMIT) index.byWord.clear();
    index.byWord.set(word, positions);
  }
  return positions;
}

/**
 * A further cited word's positions are read, to bound the candidates' similarity more tightly,
 * while they are at most this many per candidate: reading a position costs far less than
 * comparing a title, but a word in most titles of a large bibliography is not worth reading.
 */
const READ_PER_CANDIDATE = 64;

/**
 * Every record whose title could be at least `threshold` similar to the cited title whose words
 * (as `titleWords` gives them) are `cited`, in bibliography order (more may be returned; none
 * that could reach it is left out).
 */
export function titleCandidates(cited: string[], threshold: number, db: PreparedDb, records: StudySummary[]): StudySummary[] {
  if (cited.length === 0) return [];
  const index = titleIndex(db, records);
  // Dice >= t with `s` shared words: 2s >= t(|cited| + |record|) >= t(|cited| + s), so at most
  // |cited|(2 - 2t)/(2 - t) cited words go unmatched; one more (and one for rounding) must match.
  const needed = Math.min(cited.length, Math.floor((cited.length * (2 - 2 * threshold)) / (2 - threshold)) + 2);
  const byRarity = cited.map((w) => positionsOf(index, w)).sort((a, b) => a.length - b.length);
  // hits[p]: how many of the cited words read so far share a key with record p's title. A word
  // `titleSimilarity` counts as shared always does, so hits bound the shared words from above.
  const { hits } = index;
  const found: number[] = [];
  for (const positions of byRarity.slice(0, needed)) {
    for (const p of positions) if (hits[p]!++ === 0) found.push(p);
  }
  // A record short of the threshold even if every further word were shared cannot reach it:
  // it is dropped before those words' positions are read (often all are, and none is read).
  const candidates = keepReaching(index, found, cited.length, cited.length - needed, threshold);
  let unread = 0;
  for (const positions of byRarity.slice(needed)) {
    if (positions.length > READ_PER_CANDIDATE * candidates.length) unread++;
    else for (const p of positions) if (hits[p]! > 0) hits[p]!++;
  }
  const out = keepReaching(index, candidates, cited.length, unread, threshold);
  for (const p of out) hits[p] = 0;
  return out.sort((a, b) => a - b).map((p) => index.records[p]!);
}

/**
 * The positions whose bound reaches `threshold` when `unread` more cited words may be shared;
 * the others' hits are set back to 0. The bound is in `titleSimilarity`'s own terms, so that a
 * record it would put at `threshold` is never dropped by rounding.
 */
function keepReaching(index: TitleIndex, positions: number[], citedWords: number, unread: number, threshold: number): number[] {
  const { hits, wordCounts } = index;
  const kept: number[] = [];
  for (const p of positions) {
    const words = wordCounts[p]!;
    if ((2 * Math.min(hits[p]! + unread, words)) / (citedWords + words) >= threshold) kept.push(p);
    else hits[p] = 0;
  }
  return kept;
}
