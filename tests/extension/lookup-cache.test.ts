/** The online look-up's cache in storage.local: only entries that parse are read back, and it stays bounded. */
import { describe, expect, it } from 'vitest';
import type { CachedLookup } from '../../src/core/cite/online';
import { parseCache, trimCache } from '../../src/extension/lookup-cache';

const entry = (at: number): CachedLookup => ({ record: null, asked: ['crossref'], at });

describe('lookup cache', () => {
  it('keeps entries that parse and drops the rest', () => {
    const found: CachedLookup = {
      record: { source: 'crossref', title: 'A title', authors: 'Smith', authorFamilies: ['Smith'], journal: null, journalAbbreviation: null, year: 2020, doi: '10.5555/x', pmid: null, pmcid: null, nct: null, trialStatus: null },
      asked: ['crossref'], at: 5,
    };
    const parsed = parseCache({ 'doi:10.5555/x': found, 'doi:bad': { record: 'junk', asked: [], at: 1 }, 'title:y': entry(3), other: 7 });
    expect([...parsed.keys()]).toEqual(['doi:10.5555/x', 'title:y']);
    expect(parsed.get('doi:10.5555/x')).toEqual(found);
  });

  it.each([undefined, null, 'a string', 42, []])('reads %j as empty', (raw) => {
    expect(parseCache(raw).size).toBe(0);
  });

  it('keeps the newest entries when over the limit', () => {
    const entries = new Map([['a', entry(1)], ['b', entry(3)], ['c', entry(2)]]);
    expect(Object.keys(trimCache(entries, 2)).sort()).toEqual(['b', 'c']);
  });
});
