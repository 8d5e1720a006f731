/**
 * The optional online look-up (src/core/cite/online/): request URLs, each service's JSON format,
 * and the runner over a fake `fetch` (found, mismatch, not found, offline, timeout, cap, cache).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { crossrefQueryUrl, crossrefWorkUrl, parseCrossrefWork, parseCrossrefWorks } from '../src/core/cite/online/crossref';
import { parseTrial, trialUrl } from '../src/core/cite/online/clinicaltrials';
import { parsePubmedSearch, parsePubmedSummary, pubmedSearchUrl, pubmedSummaryUrl } from '../src/core/cite/online/pubmed';
import { basesAt, lookUpCitations, PUBLIC_BASES, type FetchJson } from '../src/core/cite/online/run';
import { memoryCache } from '../src/core/cite/online/cache';
import { checkPage } from '../src/core/pipeline';
import { Report } from '../src/core/report-schema';
import { realDb, ROOT } from './helpers/db';
import { answer, KNOWN } from './helpers/fake-scholarly';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/online', name), 'utf8'));

const check = (refs: string[], body = '') => checkPage({
  kind: 'document',
  freshDocument: () => parseHTML(`<html><head><title>LDN notes</title></head><body><article><h1>LDN notes</h1>
<p>Low-dose naltrexone (LDN) has been studied in a handful of conditions; these are the papers we read.</p>${body}
<h2>References</h2><ol>${refs.map((r) => `<li>${r}</li>`).join('')}</ol></article></body></html>`).document as unknown as Document,
}, realDb());

/** A fake `fetch` over the fixtures that records each URL asked. */
function fakeFetch(override?: (url: string) => Promise<{ status: number; body: unknown }> | null): FetchJson & { urls: string[] } {
  const urls: string[] = [];
  const f = async (url: string) => {
    urls.push(url);
    return (override?.(url)) ?? answer(url);
  };
  return Object.assign(f, { urls });
}

const REF = {
  doi: `Quintero A, Berger T. Low-dose naltrexone for chronic pain in a community cohort: an open-label pilot study. J Pain Res. 2020;13:1-9. doi:${KNOWN.doi}`,
  title: `Harlow M, Singh R (2021). ${KNOWN.crossrefTitle}. Sleep Medicine, 88, 1-10.`,
  pubmedTitle: `van der Berg AB, Novak P. ${KNOWN.pubmedTitle}. Mult Scler Relat Disord. 2022;61:103-9.`,
  nct: `Whitfield J. Low-dose naltrexone for endometriosis pain. ClinicalTrials.gov ${KNOWN.nct}.`,
  unknown: 'Doe J, Roe R (2019). A study of low-dose naltrexone that nobody has indexed anywhere at all. Imaginary Journal, 1, 1-2.',
  known: 'Younger J, Noor N, McCue R, Mackey S. Low-dose naltrexone for the treatment of fibromyalgia: findings of a small, randomized, double-blind, placebo-controlled, counterbalanced, crossover trial assessing daily pain levels. Arthritis Rheum. 2013;65(2):529-38.',
};

describe('request URLs', () => {
  it('builds each service\'s URL for an identifier or a title', () => {
    const b = PUBLIC_BASES;
    expect(crossrefWorkUrl(b.crossref, '10.1002/art.37734')).toBe('https://api.crossref.org/works/10.1002/art.37734');
    expect(crossrefWorkUrl(b.crossref, '10.1000/a b#c')).toBe('https://api.crossref.org/works/10.1000/a%20b%23c');
    expect(crossrefQueryUrl(b.crossref, 'LDN & pain: a trial')).toBe('https://api.crossref.org/works?query.bibliographic=LDN%20%26%20pain%3A%20a%20trial&rows=3');
    expect(pubmedSummaryUrl(b.eutils, ['23359310'])).toBe('https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pubmed&id=23359310&retmode=json');
    expect(pubmedSummaryUrl(b.eutils, ['1', '2'], 'pmc')).toBe('https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esummary.fcgi?db=pmc&id=1,2&retmode=json');
    expect(pubmedSearchUrl(b.eutils, 'LDN: pain (a trial)')).toBe('https://eutils.ncbi.nlm.nih.gov/entrez/eutils/esearch.fcgi?db=pubmed&term=LDN%20pain%20a%20trial%5BTitle%5D&retmode=json&retmax=3');
    expect(trialUrl(b.clinicaltrials, 'NCT04502433')).toBe('https://clinicaltrials.gov/api/v2/studies/NCT04502433');
  });

  it('puts all three services at one origin for tests', () => {
    expect(basesAt('http://127.0.0.1:4000/')).toEqual({ crossref: 'http://127.0.0.1:4000', eutils: 'http://127.0.0.1:4000', clinicaltrials: 'http://127.0.0.1:4000' });
  });
});

describe('reading each service\'s JSON', () => {
  it('a Crossref work', () => {
    expect(parseCrossrefWork(fixture('crossref-work.json'))).toEqual({
      source: 'crossref',
      title: 'Low-dose naltrexone for chronic pain in a community cohort: an open-label pilot study',
      authors: 'Quintero et al.',
      authorFamilies: ['Quintero', 'Berger', 'LDN Pain Study Group'],
      journal: 'Journal of Pain Research',
      journalAbbreviation: 'J Pain Res',
      year: 2020,
      doi: '10.5555/ldn.2020.001',
      pmid: null, pmcid: null, nct: null, trialStatus: null,
    });
  });

  it('a Crossref work list, in its order', () => {
    const works = parseCrossrefWorks(fixture('crossref-works.json'))!;
    expect(works.map((w) => [w.doi, w.year, w.authors])).toEqual([['10.5555/other.1999.7', 1999, 'Okafor'], ['10.5555/ldn.2021.042', 2021, 'Harlow & Singh']]);
  });

  it('a PubMed summary, leaving out the id it does not hold', () => {
    const [r, ...rest] = parsePubmedSummary(fixture('pubmed-esummary.json'))!;
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      source: 'pubmed', title: KNOWN.pubmedTitle, authorFamilies: ['van der Berg', 'Novak', 'MS Registry Group'], authors: 'van der Berg et al.',
      journal: 'Multiple sclerosis and related disorders', journalAbbreviation: 'Mult Scler Relat Disord', year: 2022,
      doi: '10.5555/msrd.2022.17', pmid: '39000001', pmcid: 'PMC9000001',
    });
    expect(parsePubmedSearch(fixture('pubmed-esearch.json'))).toEqual(['39000001']);
  });

  it('a ClinicalTrials.gov study, with its status', () => {
    expect(parseTrial(fixture('clinicaltrials-study.json'))).toMatchObject({
      source: 'clinicaltrials', title: 'Low-Dose Naltrexone for Endometriosis Pain', authorFamilies: ['Whitfield'], year: 2023,
      nct: 'NCT09000001', trialStatus: 'ACTIVE_NOT_RECRUITING', journal: null,
    });
  });

  it.each([null, 'Resource not found.', {}, { message: { title: 'not a list' } }, { result: { uids: 'x' } }, { protocolSection: {} }])('junk (%j) is null, never a throw', (junk) => {
    expect(parseCrossrefWork(junk)).toBeNull();
    expect(parseCrossrefWorks(junk)).toBeNull();
    expect(parsePubmedSummary(junk)).toBeNull();
    expect(parsePubmedSearch(junk)).toBeNull();
    expect(parseTrial(junk)).toBeNull();
  });
});

describe('lookUpCitations', () => {
  it('verifies citations found online, by DOI, title, PubMed title and trial id, and leaves the bibliography\'s alone', async () => {
    const report = check([REF.doi, REF.title, REF.pubmedTitle, REF.nct, REF.known]);
    expect(report.citations.map((c) => c.status)).toEqual(['unverified', 'unverified', 'unverified', 'unverified', 'verified']);
    const fetchJson = fakeFetch();
    const out = await lookUpCitations(report, fetchJson, memoryCache());
    expect(Report.parse(out)).toEqual(out);
    expect(out.citations.map((c) => c.status)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified']);
    expect(out.citations[0]!.reasons.at(0)).toMatch(/^No study with DOI 10\.5555\/ldn\.2020\.001 is in the bibliography/);
    expect(out.citations[0]!.reasons[1]).toBe('Found in Crossref by its DOI 10.5555/ldn.2020.001: Quintero et al. (2020), Low-dose naltrexone for chronic pain in a community cohort: an open-label pilot study, Journal of Pain Research.');
    expect(out.citations[1]!.reasons[1]).toMatch(/^Found in Crossref by its title: Harlow & Singh \(2021\)/);
    expect(out.citations[2]!.reasons[1]).toMatch(/^Found in PubMed by its title: van der Berg et al\. \(2022\)/);
    expect(out.citations[3]!.reasons).toContain('A registered trial; its status is active, not recruiting.');
    expect(out.citations[4]).toEqual(report.citations[4]);
    expect(out.stats.citations).toEqual({ verified: 5 });
    expect(out.notices.at(-1)).toMatchObject({ code: 'online-lookup', message: expect.stringMatching(/^Looked up 4 citations .*: 4 found, 0 not found\.$/) });
    // Nothing else in the report changes.
    expect({ ...out, citations: [], stats: null, notices: [] }).toEqual({ ...report, citations: [], stats: null, notices: [] });
    expect(fetchJson.urls.every((u) => /^https:\/\/(api\.crossref\.org|eutils\.ncbi\.nlm\.nih\.gov|clinicaltrials\.gov)\//.test(u))).toBe(true);
  });

  it('says which detail differs when the record found disagrees with the page', async () => {
    const wrong = REF.doi.replace('2020;13', '2017;13').replace('J Pain Res', 'Pain Medicine');
    const out = await lookUpCitations(check([wrong]), fakeFetch(), memoryCache());
    expect(out.citations[0]!.status).toBe('mismatch');
    expect(out.citations[0]!.reasons).toEqual(expect.arrayContaining([
      'The page gives the year 2017; the record is from 2020.',
      'The page names the journal Pain Medicine; the record was published in Journal of Pain Research.',
    ]));
    expect(out.stats.citations).toEqual({ mismatch: 1 });
  });

  it('keeps a citation unverified, and says so, when no service holds it', async () => {
    const report = check([REF.unknown], `<p>A trial is registered as NCT01234567, and another paper is at doi:10.5555/none.1.</p>`);
    const fetchJson = fakeFetch();
    const out = await lookUpCitations(report, fetchJson, memoryCache());
    const reasons = Object.fromEntries(out.citations.map((c) => [c.text.slice(0, 12), c.reasons.at(-1)]));
    expect(out.citations.every((c) => c.status === 'unverified')).toBe(true);
    expect(Object.values(reasons).sort()).toEqual(['Not found in ClinicalTrials.gov either.', 'Not found in Crossref either.', 'Not found in Crossref or PubMed either.']);
    expect(out.notices.at(-1)!.message).toMatch(/: 0 found, 3 not found\.$/);
  });

  it('marks an offline state, asks each unreachable service once, and never throws', async () => {
    const fetchJson = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const report = check([REF.doi, REF.title, `Other A. Another paper. J Pain Res. 2020;1:1. doi:10.5555/another`]);
    const out = await lookUpCitations(report, fetchJson, memoryCache());
    expect(out.citations.map((c) => [c.status, c.reasons.at(-1)])).toEqual([
      ['unverified', 'Could not reach Crossref: offline?'],
      ['unverified', 'Could not reach Crossref: offline?'],
      ['unverified', 'Could not reach Crossref: offline?'],
    ]);
    expect(fetchJson.urls.filter((u) => u.includes('crossref'))).toHaveLength(1);
    expect(out.notices.map((n) => n.code)).toContain('lookup-offline');
    expect(out.notices.find((n) => n.code === 'lookup-offline')!.message).toMatch(/^Could not reach Crossref or PubMed: offline\? 3 citations were not looked up/);
    // Nothing failed is cached: the next look-up asks again.
    const cache = memoryCache();
    await lookUpCitations(report, fetchJson, cache);
    expect(cache.entries.size).toBe(0);
  });

  it('gives up on a request that does not answer in time', async () => {
    const hang: FetchJson = (_url, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const out = await lookUpCitations(check([REF.doi]), hang, memoryCache(), { timeoutMs: 50 });
    expect(out.citations[0]!.reasons.at(-1)).toBe('Crossref did not answer within 1 second; not looked up.');
    expect(out.notices.map((n) => n.code)).toContain('lookup-offline');
  });

  it('reads an error status or junk as not looked up, and survives a throwing cache', async () => {
    const cache = { get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')) };
    const out = await lookUpCitations(check([REF.doi, REF.nct]), fakeFetch((u) => Promise.resolve(u.includes('crossref') ? { status: 503, body: undefined } : { status: 200, body: { nothing: true } })), cache);
    expect(out.citations.map((c) => c.reasons.at(-1))).toEqual([
      'Crossref answered with error 503; not looked up.',
      'ClinicalTrials.gov answered in a form Evidence Lens does not read; not looked up.',
    ]);
  });

  it('looks up at most the cap per page, and each identifier once', async () => {
    const refs = Array.from({ length: 5 }, (_, i) => `Doe J. Paper number ${i} about low-dose naltrexone. J Pain Res. 2020;1:1. doi:10.5555/none.${i}`);
    const fetchJson = fakeFetch();
    const out = await lookUpCitations(check(refs, '<p>As shown before (doi:10.5555/none.0), LDN is popular.</p>'), fetchJson, memoryCache(), { maxLookups: 3 });
    expect(fetchJson.urls.filter((u) => u.includes('/works/'))).toHaveLength(3);
    const last = out.citations.map((c) => c.reasons.at(-1));
    expect(last.filter((r) => r === 'Not looked up online: only the first 3 unknown citations of a page are.')).toHaveLength(2);
    expect(out.notices.at(-1)!.message).toMatch(/, 2 left out \(at most 3 per page\)\.$/);
  });

  it('answers from the cache the second time, and not twice for one report', async () => {
    const cache = memoryCache();
    const report = check([REF.doi, REF.unknown]);
    await lookUpCitations(report, fakeFetch(), cache);
    expect([...cache.entries.keys()].sort()).toEqual(['doi:10.5555/ldn.2020.001', expect.stringMatching(/^title:/)]);
    const again = fakeFetch();
    const out = await lookUpCitations(report, again, cache);
    expect(again.urls).toEqual([]);
    expect(out.citations.map((c) => c.status)).toEqual(['verified', 'unverified']);
    expect(await lookUpCitations(out, again, cache)).toBe(out);
  });

  it('returns the same report when nothing needs looking up', async () => {
    const report = check([REF.known]);
    const fetchJson = fakeFetch();
    expect(await lookUpCitations(report, fetchJson, memoryCache())).toBe(report);
    expect(fetchJson.urls).toEqual([]);
  });
});
