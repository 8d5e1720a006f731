import { describe, expect, it } from 'vitest';
import { ConceptMarks, firstGroup, firstPattern, KIND, matchIndex, nextList, nextPattern, subjectOf, SUBJECT_MAY_BE_IMPLIED, type MatchIndex } from '../src/core/match-index';
import { realDb } from './helpers/db';

/** The list at `list` in `index.code`, as concept keys. */
function keysOf(index: MatchIndex, list: number): string[] {
  return [...index.code.subarray(list + 1, nextList(index.code, list))].map((c) => index.keys[c]!);
}

/** A claim's subject and patterns read back from the flat layout, in the compiled claim's shape. */
function decode(index: MatchIndex, claim: number) {
  const { code } = index;
  const subject = subjectOf(index, claim);
  const patterns = [];
  let pattern = firstPattern(code, subject);
  for (let p = code[nextList(code, subject)]!; p > 0; p--, pattern = nextPattern(code, pattern)) {
    const all = [];
    let group = firstGroup(pattern);
    for (let g = code[pattern + 1]!; g > 0; g--, group = nextList(code, group)) all.push(keysOf(index, group));
    // The `none` list follows the groups and ends the pattern.
    expect(nextList(code, group)).toBe(nextPattern(code, pattern));
    patterns.push({ all, none: keysOf(index, group) });
  }
  return { subject: keysOf(index, subject), subjectMayBeImplied: (code[subject - 1]! & SUBJECT_MAY_BE_IMPLIED) !== 0, patterns };
}

describe('match index', () => {
  const db = realDb();
  const index = matchIndex(db);

  it('lays out every claim\'s subject and patterns as they were compiled', () => {
    expect(index.claims).toHaveLength(db.compiled.claims.length);
    db.compiled.claims.forEach((claim, c) => {
      expect(index.claims[c]!.claim).toBe(claim);
      expect(decode(index, c), claim.id).toEqual({ subject: claim.subject, subjectMayBeImplied: claim.subject.includes('ldn'), patterns: claim.patterns });
    });
  });

  it('lists every claim as a candidate of every concept of some group of each pattern', () => {
    const candidatesOf = (key: string) => {
      const c = index.ids.get(key)!;
      return [...index.candidates.subarray(index.candidateStarts[c], index.candidateStarts[c + 1])];
    };
    db.compiled.claims.forEach((claim, c) => {
      for (const pattern of claim.patterns) expect(pattern.all.some((group) => group.every((key) => candidatesOf(key).includes(c))), claim.id).toBe(true);
    });
  });

  it('gives each concept its kind\'s bit, and none to a kind match does not ask about', () => {
    const bits = Object.values(KIND);
    expect(new Set(bits).size).toBe(bits.length);
    for (const bit of bits) expect(bit & (bit - 1), 'one bit each').toBe(0);
    for (const [key, c] of index.ids) {
      const kind = db.conceptKind.get(key)!;
      expect(index.kinds[c], key).toBe(Object.hasOwn(KIND, kind) ? KIND[kind as keyof typeof KIND] : 0);
    }
    expect([...index.ids.keys()].some((key) => db.conceptKind.get(key) === 'other')).toBe(true);
  });

  it('counts the claims that use each concept', () => {
    for (const [key, c] of index.ids) expect(index.claimUses[c], key).toBe(db.claimsByConcept.get(key)?.length ?? 0);
  });
});

describe('concept marks', () => {
  // A list of concepts 0..3 at 0, as in `MatchIndex.code`.
  const code = Int32Array.of(4, 0, 1, 2, 3);

  it('chains each concept\'s hits in order, lists the named concepts, and forgets them at the next sentence', () => {
    const marks = new ConceptMarks(code, 4, 1);
    marks.nextSentence(5);
    [2, 1, 2, 3, 2].forEach((c, hit) => marks.name(c, hit));
    const hitsOf = (c: number) => {
      const hits = [];
      for (let j = marks.firstHit(c); j >= 0; j = marks.nextHit(j)) hits.push(j);
      return hits;
    };
    const named = () => Array.from({ length: marks.namedTotal }, (_, k) => marks.namedAt(k));
    expect([0, 1, 2, 3].map(hitsOf)).toEqual([[], [1], [0, 2, 4], [3]]);
    expect([0, 1, 2, 3, 4].map((hit) => marks.conceptOf(hit))).toEqual([2, 1, 2, 3, 2]);
    expect(named()).toEqual([2, 1, 3]);
    marks.nextSentence(70);
    expect([0, 1, 2, 3].map(hitsOf)).toEqual([[], [], [], []]);
    expect(named()).toEqual([]);
    expect(marks.anyNamed(0)).toBe(false);
    marks.name(3, 69);
    expect(hitsOf(3)).toEqual([69]);
    expect(marks.conceptOf(69)).toBe(3);
    expect(marks.anyNamed(0)).toBe(true);
  });

  it('lends each concept once, lists them in the order lent, and finds the first lent concept of a list', () => {
    const marks = new ConceptMarks(code, 4, 1);
    marks.nextSentence(0);
    expect(marks.firstLent(0)).toBe(-1);
    for (const c of [3, 1, 3]) marks.lend(c);
    expect(Array.from({ length: marks.lentTotal }, (_, k) => marks.lentAt(k))).toEqual([3, 1]);
    expect(marks.firstLent(0)).toBe(1);
    marks.nextSentence(0);
    expect(marks.lentTotal).toBe(0);
    expect(marks.firstLent(0)).toBe(-1);
  });

  it('tries each claim once a sentence', () => {
    const marks = new ConceptMarks(code, 4, 1);
    marks.nextSentence(0);
    expect([marks.firstTry(0), marks.firstTry(0)]).toEqual([true, false]);
    marks.nextSentence(0);
    expect(marks.firstTry(0)).toBe(true);
  });
});
