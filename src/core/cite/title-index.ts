/**
 * The bibliography's titles by their words, so a cited title is compared only with the records
 * that could reach a similarity threshold instead of with every record (a 10,000-study
 * bibliography made each cited title cost 10,000 comparisons).
 *
 * Exact, not a heuristic: `titleSimilarity` is a Dice overlap, so a record at `threshold` or
 * above shares (exactly, or within one typo) all but a known number of the cited title's words.
 * Looking up that number plus one of the cited words, the rarest ones, is bound to reach it.
 * Typos are found with deletion keys (as SymSpell does): two words one insertion, deletion,
 * substitution or neighbour swap apart always have a one-letter deletion in common.
 */
import type { PreparedDb, StudySummary } from '../db';
import { FUZZY_MIN_LENGTH, titleWords } from './similarity';

interface TitleIndex {
  records: StudySummary[];
  /** Key -> positions in `records`, ascending. */
  byKey: Map<string, number[]>;
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
  index = { records, byKey: new Map() };
  records.forEach((r, position) => {
    for (const word of titleWords(r.title)) {
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
  const rarest = lists.map((ls, i) => ({ i, n: size(ls) })).sort((a, b) => a.n - b.n || a.i - b.i).slice(0, needed);
  const positions = new Set<number>();
  for (const { i } of rarest) for (const l of lists[i]!) for (const p of l) positions.add(p);
  return [...positions].sort((a, b) => a - b).map((p) => index.records[p]!);
}
