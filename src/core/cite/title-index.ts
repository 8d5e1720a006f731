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
import { FUZZY_MIN_LENGTH, titleWords } from './similarity';

interface TitleIndex {
  records: StudySummary[];
  /** Key -> positions in `records`, ascending. */
  byKey: Map<string, number[]>;
  /** Position -> how many words its title has, as `titleSimilarity` counts them. */
  wordCounts: number[];
}

const indexes = new WeakMap<PreparedDb, TitleIndex>();

/** `=word` for the word itself; `~key` for the word and each of its one-letter deletions, on words long enough to tolerate a typo. */
function keysOf(word: string): string[] {
  const keys = [`=${word}`];
  if (word.length >= FUZZY_MIN_LENGTH) {
    keys.push(`~${word}`);
    for (let i = 0; i < word.length; i++) keys.push(`~${word.slice(0, i)}${word.slice(i + 1)}`);
  }
  return keys;
}

function titleIndex(db: PreparedDb, records: StudySummary[]): TitleIndex {
  let index = indexes.get(db);
  if (index) return index;
  index = { records, byKey: new Map(), wordCounts: [] };
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

/**
 * A further cited word's lists are read, to bound the candidates' similarity more tightly, while
 * they hold at most this many positions per candidate: reading a position costs far less than
 * comparing a title, but a word in most titles of a large bibliography is not worth reading.
 */
const READ_PER_CANDIDATE = 64;

/**
 * Every record whose title could be at least `threshold` similar to `title`, in bibliography
 * order (more may be returned; none that could reach it is left out).
 */
export function titleCandidates(title: string, threshold: number, db: PreparedDb, records: StudySummary[]): StudySummary[] {
  const cited = titleWords(title);
  if (cited.length === 0) return [];
  const index = titleIndex(db, records);
  // Dice >= t with `s` shared words: 2s >= t(|cited| + |record|) >= t(|cited| + s), so at most
  // |cited|(2 - 2t)/(2 - t) cited words go unmatched; one more (and one for rounding) must match.
  const needed = Math.min(cited.length, Math.floor((cited.length * (2 - 2 * threshold)) / (2 - threshold)) + 2);
  const lists = cited.map((w) => keysOf(w).map((k) => index.byKey.get(k) ?? []));
  const size = (ls: number[][]) => ls.reduce((n, l) => n + l.length, 0);
  const byRarity = lists.map((ls, i) => ({ i, n: size(ls) })).sort((a, b) => a.n - b.n || a.i - b.i);
  // hits[p]: how many of the cited words read so far share a key with record p's title. A word
  // `titleSimilarity` counts as shared always does, so hits bound the shared words from above.
  const hits = new Uint32Array(records.length);
  const lastWord = new Int32Array(records.length).fill(-1);
  const candidates: number[] = [];
  const count = (i: number, onlyCandidates: boolean) => {
    for (const l of lists[i]!) {
      for (const p of l) {
        if (lastWord[p] === i || (onlyCandidates && hits[p] === 0)) continue;
        lastWord[p] = i;
        if (hits[p] === 0) candidates.push(p);
        hits[p] = hits[p]! + 1;
      }
    }
  };
  for (const { i } of byRarity.slice(0, needed)) count(i, false);
  candidates.sort((a, b) => a - b);
  let unread = 0;
  for (const { i, n } of byRarity.slice(needed)) {
    if (n <= READ_PER_CANDIDATE * candidates.length) count(i, true);
    else unread++;
  }
  // The bound in `titleSimilarity`'s own terms (unread words may all be shared), so that a
  // record it would put at `threshold` is never dropped by rounding.
  const out: StudySummary[] = [];
  for (const p of candidates) {
    const words = index.wordCounts[p]!;
    if ((2 * Math.min(hits[p]! + unread, words)) / (cited.length + words) >= threshold) out.push(index.records[p]!);
  }
  return out;
}
