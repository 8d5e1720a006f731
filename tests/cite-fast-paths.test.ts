/**
 * The cite stage skips each pattern on text that lacks something the pattern needs (four digits
 * in a row, one of a few words, a character), and reads some text from character codes where a
 * pattern used to. These texts sit at the edges: what passes a prefilter only just must still be
 * found, and a loop must give what the pattern it replaces gives.
 */
import { describe, expect, it } from 'vitest';
import { findIdentifiers, hasIdentifier } from '../src/core/cite/identifiers';
import { hasCitationMark, inlineMention } from '../src/core/cite/patterns';
import { parseReference } from '../src/core/cite/reference';
import { compareDetails, describe as describeRecord } from '../src/core/cite/resolve';
import { titleSimilarity } from '../src/core/cite/similarity';
import { allMatches, FOUR_DIGITS, hasSpaceSeparatedPieces } from '../src/core/cite/text';

const mention = (text: string) => inlineMention(text, FOUR_DIGITS.test(text));

describe('four digits in a row', () => {
  it('are in every identifier, even one with the fewest digits its pattern allows', () => {
    const text = 'Listed as doi 10.1234/ab, pmid 12345, PMC12345 and NCT12345678.';
    expect(findIdentifiers(text).map((i) => `${i.kind}:${i.value}`)).toEqual(['doi:10.1234/ab', 'pmid:12345', 'pmcid:PMC12345', 'nct:NCT12345678']);
    for (const id of ['10.1234/ab', 'PMID 12345', 'PMC12345', 'NCT12345678']) expect(hasIdentifier(`See ${id} here.`)).toBe(true);
  });

  it('are missing from text that only looks like identifiers, which then holds none', () => {
    const text = 'Not ids: 10.123/ab, PMID 123, PMC123, NCT 1 2 3 4.';
    expect(FOUR_DIGITS.test(text)).toBe(false);
    expect(findIdentifiers(text)).toEqual([]);
    expect(hasIdentifier(text)).toBe(false);
    // With four digits or more, such text passes the prefilter and is still no identifier.
    expect(findIdentifiers('Not ids: 10.12345, PMID 1234, PMC1234, NCT1234567.')).toEqual([]);
  });

  it('are in every author-year form', () => {
    expect(mention('Okafor et al. (1999) showed a fall in pain scores.')).toEqual({ kind: 'author-year', author: 'Okafor', year: 1999, loose: false });
    expect(mention('Pain fell by a third (Lindqvist, 2021; Moreau, 2022).')).toEqual({ kind: 'author-year', author: 'Lindqvist', year: 2021, loose: false });
    expect(mention('A 2008 trial by Hal Brennan looked at sleep.')).toEqual({ kind: 'author-year', author: 'Brennan', year: 2008, loose: false });
    expect(mention('Back in 1987, Dr. Ines Vallejo observed fewer flares.')).toEqual({ kind: 'author-year', author: 'Vallejo', year: 1987, loose: true });
  });
});

describe('the words a journal mention or a vague appeal needs', () => {
  it('are found in any case for a vague appeal, as its pattern ignores case', () => {
    expect(mention('A STUDY FOUND fewer flares.')).toEqual({ kind: 'vague' });
    expect(mention('one small TrIaL showed less fatigue.')).toEqual({ kind: 'vague' });
    expect(mention('Another paper reported better sleep.')).toEqual({ kind: 'vague' });
  });

  it('are found for each verb of a journal mention', () => {
    for (const verb of ['published', 'appeared', 'reported', 'printed']) {
      expect(mention(`Results ${verb} in the Journal of Sleep Medicine were mixed.`)).toEqual({ kind: 'journal', journal: 'Journal of Sleep Medicine' });
    }
  });

  it('leave a sentence with neither without a mention', () => {
    expect(mention('Patients took the tablet at night for twelve weeks.')).toBeNull();
    expect(mention('Studies are underway; trials are planned.')).toBeNull();
  });

  it('let grading see a journal mention without a year', () => {
    expect(hasCitationMark('Results appeared in the Journal of Sleep Medicine.', [])).toBe(true);
    expect(hasCitationMark('A study found fewer flares.', [])).toBe(false);
  });
});

describe('an entry\'s title in quotation marks', () => {
  it('is found with each mark QUOTED knows, and the prefilter does not hide it', () => {
    const entries = [
      "Okafor, B. 'Night-time dosing and sleep quality.' Sleep Reports, vol. 2, 2020.",
      'Okafor B. \u201cNight-time dosing and sleep quality.\u201d Sleep Reports, vol. 2, 2020.',
      'Okafor B (2020). Night-time dosing and sleep quality. Sleep Reports 2:1-9.',
      "O'Hara B (2020). Night-time dosing and sleep quality. Sleep Reports 2:1-9.",
    ];
    for (const entry of entries) expect(parseReference(entry)).toMatchObject({ year: 2020, title: 'Night-time dosing and sleep quality', journal: 'Sleep Reports' });
  });
});

describe('identifiers found without matchAll', () => {
  it('gives every match matchAll gives, and trims a DOI\'s trailing punctuation and unpaired brackets', () => {
    const text = 'See doi:10.1234/ab.c).;: and 10.5678/(x)). then [10.9999/y]] or 10.1111/z';
    const re = /\b(10\.\d{4,9}\/[^\s"'<>]+)/g;
    expect(allMatches(text, re).map((m) => [m.index, m[0]])).toEqual([...text.matchAll(re)].map((m) => [m.index, m[0]]));
    expect(allMatches('aaa', /x*/g).map((m) => m.index)).toEqual([...'aaa'.matchAll(/x*/g)].map((m) => m.index));
    expect(findIdentifiers(text).map((i) => i.value)).toEqual(['10.1234/ab.c', '10.5678/(x)', '10.9999/y', '10.1111/z']);
  });
});

describe('title similarity without copying a title\'s words', () => {
  it('pairs each word once, the first free match first, typos included', () => {
    expect(titleSimilarity('pain pain relief in sleep', 'relief of pain and relief of sleeep')).toBe(0.75);
    expect(titleSimilarity('Sleeping sleeping sleepers', 'sleeping sleeper')).toBe(0.8);
    // The same pair again: nothing is left paired from the last call.
    expect(titleSimilarity('pain pain relief in sleep', 'relief of pain and relief of sleeep')).toBe(0.75);
  });
});

describe('text read from character codes', () => {
  it('splits an entry\'s authors where /[,;&]|\\band\\b/ would, and only there', () => {
    const authors = (part: string) => parseReference(`${part} (2019). A title of some words. Journal.`).authors;
    // "and" inside a word is no separator; a free-standing one is, even between hyphens, as \\b sees it.
    expect(authors('Sand, J., Anderson K and van der Berg L, Smith-and-Jones M & de la Cruz, R.-M.')).toEqual(['Sand', 'Anderson', 'van der Berg', 'Smith-', 'de la Cruz', 'R.-M']);
    expect(authors('and Okoro B; Brandt C.; Wu and. Lee')).toEqual(['Okoro', 'Brandt', 'Wu', 'Lee']);
    expect(authors('Nakamura\u00a0T,\tOduya  P ;Ek\u2009S')).toEqual(['Nakamura', 'Oduya', 'Ek']);
  });

  it('tells initials from names as NOT_A_NAME does, with or without a full stop', () => {
    const authors = (part: string) => parseReference(`${part} (2019). A title of some words. Journal.`).authors;
    // ASCII capitals alone are initials ("WHO" too); "J.-Y" is no form of NOT_A_NAME's, so it stays.
    expect(authors('Okafor MA, WHO, Li J.-Y., LE Roux, de la Cruz JR, Ng \u00c5., \u00d6 Berg, \u00c9ze K')).toEqual(['Okafor', 'Li J.-Y', 'Roux', 'de la Cruz', 'Ng', 'Berg', '\u00c9ze']);
  });

  it('counts pieces between runs of spaces as splitting at /\\s+/ does', () => {
    for (const s of ['', ' ', 'one', 'two words', ' lead', 'trail ', 'a  b\u00a0c\td', '\u2009x y z ', 'one two three four']) {
      for (const n of [1, 2, 3, 4, 5]) expect(hasSpaceSeparatedPieces(s, n), `${JSON.stringify(s)} ${n}`).toBe(s.split(/\s+/).length >= n);
    }
  });
});

describe('a record\'s details read once', () => {
  it('describes a record with its empty parts left out, joined as before', () => {
    expect(describeRecord({ authors: '', year: null, title: '...', journal: 'Cells.' })).toBe(', Cells.');
    expect(describeRecord({ authors: null, year: 2020, title: 'A title.', journal: null })).toBe('Unknown authors (2020), A title.');
    expect(describeRecord({ authors: 'Lee et al.', year: null, title: '', journal: 'J Pain' })).toBe('Lee et al, J Pain.');
  });

  it('compares a citation with a record the same way every time', () => {
    const record = { authorFamilies: ['Okonkwo', 'Van der Berg', 'Lindqvist'], year: 2020, journal: 'Sleep Reports', title: 'Night-time dosing and sleep quality in adults' };
    const cited = (author: string, journal: string, title: string) => ({ authors: [author], year: 2020, title, journal, ids: [], looseYear: false });
    for (let i = 0; i < 2; i++) {
      expect(compareDetails(cited('Lindquist', 'Sleep Rep', 'Night time dosing and sleep quality'), record).mismatches).toEqual([]);
      expect(compareDetails(cited('van der Berg', 'Sleep Reports', 'Sleep quality and night-time dosing in adults'), record).mismatches).toEqual([]);
      expect(compareDetails(cited('Okafor', 'Pain Reports', 'Morning dosing and daytime pain in children'), record).mismatches).toHaveLength(3);
    }
  });
});
