import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreparedDb, StudySummary } from '../src/core/db';
import { titleSimilarity, titleWords } from '../src/core/cite/similarity';
import { titleCandidates } from '../src/core/cite/title-index';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 20261124, numRuns: RUNS };

// A few words in most titles (as "low", "dose" and "naltrexone" are), and rarer ones.
const COMMON = ['low', 'dose', 'naltrexone'];
const RARE = ['fibromyalgia', 'sleep', 'crohn', 'pain', 'fatigue', 'placebo', 'trial', 'cohort', 'women', 'children', 'mucosal', 'healing', 'opioid', 'receptor', 'thyroid', 'sclerosis'];

/** A bibliography of titles mixing common and rare words, the same for every run. */
function bibliography(): StudySummary[] {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  return Array.from({ length: 80 }, (_, i) => {
    const words = [...COMMON.filter(() => next(10) < 8), ...Array.from({ length: 1 + next(6) }, () => RARE[next(RARE.length)]!)];
    return { id: `s${i}`, title: words.join(' ') } as StudySummary;
  });
}

/** A word as a page may spell it: as it is, or with one letter changed, dropped or doubled. */
const spelled = fc.tuple(fc.constantFrom(...COMMON, ...RARE, 'unrelated', 'words'), fc.nat(20), fc.constantFrom('same', 'change', 'drop', 'double')).map(([w, at, how]) => {
  const i = at % w.length;
  if (how === 'change') return w.slice(0, i) + 'x' + w.slice(i + 1);
  if (how === 'drop') return w.slice(0, i) + w.slice(i + 1);
  if (how === 'double') return w.slice(0, i) + w[i] + w.slice(i);
  return w;
});

describe('titleCandidates', () => {
  const records = bibliography();
  // One database for every run: each look-up must leave its counts cleared for the next.
  const db = {} as PreparedDb;
  it('returns, in bibliography order, every record a cited title reaches the threshold with', () => {
    fc.assert(fc.property(fc.array(spelled, { minLength: 1, maxLength: 12 }), fc.constantFrom(0.8, 0.6, 0.4), (words, threshold) => {
      const title = words.join(' ');
      const candidates = titleCandidates(titleWords(title), threshold, db, records);
      for (const r of records) if (titleSimilarity(title, r.title) >= threshold) expect(candidates).toContain(r);
      expect(candidates.map((r) => records.indexOf(r))).toEqual(candidates.map((r) => records.indexOf(r)).sort((a, b) => a - b));
      // Asked again, it answers the same.
      expect(titleCandidates(titleWords(title), threshold, db, records)).toEqual(candidates);
    }), params);
  });
});
