/** "This match is wrong" entries in storage.local: only entries that parse are read back, at most MAX_WRONG_MATCHES. */
import { describe, expect, it } from 'vitest';
import { MAX_WRONG_MATCHES, parseWrongMatches, wrongMatchReport, type WrongMatch } from '../../src/extension/wrong-matches';
import { claimLink } from '../../src/core/format/text-fragment';

const entry = (i: number): WrongMatch => ({ sentence: `Sentence ${i}.`, claimId: i % 2 ? 'some-claim' : null, pageUrl: i % 3 ? 'https://example.org/a' : null, date: '2026-11-24T10:00:00.000Z' });

describe('wrong-match reports', () => {
  it('keeps entries that parse and drops the rest', () => {
    expect(parseWrongMatches(undefined)).toEqual([]);
    expect(parseWrongMatches({ sentence: 'x' })).toEqual([]);
    expect(parseWrongMatches([entry(1), { sentence: 5 }, null, 'junk', entry(2)])).toEqual([entry(1), entry(2)]);
  });

  it('keeps only the newest entries', () => {
    const many = Array.from({ length: MAX_WRONG_MATCHES + 30 }, (_, i) => entry(i));
    const kept = parseWrongMatches(many);
    expect(kept.length).toBe(MAX_WRONG_MATCHES);
    expect(kept[0]).toEqual(entry(30));
    expect(kept.at(-1)).toEqual(entry(MAX_WRONG_MATCHES + 29));
  });

  it('downloads as a versioned report', () => {
    const r = wrongMatchReport([entry(1)], new Date('2026-11-24T00:00:00Z'));
    expect(r).toEqual({ format: 'evidence-lens/wrong-matches@1', generatedAt: '2026-11-24T00:00:00.000Z', total: 1, entries: [entry(1)] });
  });
});

describe('claim links', () => {
  it('takes the words around the sentence from its own paragraph only', () => {
    const text = 'Parking is free.\n\nThe trial\n\nAn ongoing trial tests LDN. It ends soon.\n\nNext part';
    const sentence = 'An ongoing trial tests LDN.';
    const start = text.indexOf(sentence);
    expect(claimLink('https://example.org/p#top', text, { sentence, start, end: start + sentence.length }))
      .toBe('https://example.org/p#:~:text=An%20ongoing%20trial%20tests%20LDN.,-It%20ends%20soon.');
    const second = 'It ends soon.';
    const s2 = text.indexOf(second);
    expect(claimLink('https://example.org/p', text, { sentence: second, start: s2, end: s2 + second.length }))
      .toBe('https://example.org/p#:~:text=trial%20tests%20LDN.-,It%20ends%20soon.');
  });
});
