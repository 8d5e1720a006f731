import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { identifiersInHref, findIdentifiers } from '../src/core/cite/identifiers';
import { parseReference } from '../src/core/cite/reference';
import { sameJournal, titleSimilarity } from '../src/core/cite/similarity';
import { checkPage } from '../src/core/pipeline';
import { documentInput } from '../src/node/dom';
import { realDb, SHARED } from './helpers/db';

const check = (html: string) => checkPage({ kind: 'document', freshDocument: () => parseHTML(html).document as unknown as Document }, realDb());
const page = (body: string) => `<html><head><title>LDN research notes</title></head><body><article><h1>LDN research notes</h1>
<p>Low-dose naltrexone (LDN) has been studied in a handful of conditions, and this page lists what we read while writing it.</p>${body}</article></body></html>`;

describe('reference styles', () => {
  it.each([
    ['APA', 'Younger, J., Noor, N., McCue, R., & Mackey, S. (2013). Low-dose naltrexone for the treatment of fibromyalgia: findings of a small, randomized, double-blind, placebo-controlled, counterbalanced, crossover trial assessing daily pain levels. Arthritis & Rheumatism, 65(2), 529-538.'],
    ['Vancouver', 'Younger J, Noor N, McCue R, Mackey S. Low-dose naltrexone for the treatment of fibromyalgia: findings of a small, randomized, double-blind, placebo-controlled, counterbalanced, crossover trial assessing daily pain levels. Arthritis Rheum. 2013;65(2):529-38.'],
    ['MLA', 'Younger, Jarred, et al. "Low-Dose Naltrexone for the Treatment of Fibromyalgia: Findings of a Small, Randomized, Double-Blind, Placebo-Controlled, Counterbalanced, Crossover Trial Assessing Daily Pain Levels." Arthritis & Rheumatism, vol. 65, no. 2, 2013, pp. 529-538.'],
    ['numbered with DOI only', '[4] Younger J et al. Arthritis Rheum 2013. doi:10.1002/art.37734'],
  ])('%s', (_style, entry) => {
    const r = check(page(`<h2>References</h2><ol><li>${entry}</li></ol>`));
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]).toMatchObject({ kind: 'reference', status: 'verified', studyId: 'younger-2013-fibromyalgia' });
  });

  it('parses authors, year, title and journal of an APA entry', () => {
    expect(parseReference('Bruun KD, Christensen R (2024). Naltrexone 6 mg once daily versus placebo in women with fibromyalgia. Lancet Rheumatol 6(1):e31-e39.')).toMatchObject({
      authors: ['Bruun', 'Christensen'], year: 2024, title: 'Naltrexone 6 mg once daily versus placebo in women with fibromyalgia', journal: 'Lancet Rheumatol',
    });
  });

  it('tolerates typos, abbreviations and word order in titles and journals', () => {
    const a = 'Low-dose naltrexone for the treatment of fibromyalgia';
    expect(titleSimilarity(a, 'Low dose naltrexone for the treatmnet of fibromyalgia')).toBeGreaterThan(0.9);
    expect(titleSimilarity(a, 'Fibromyalgia treatment with low-dose naltrexone')).toBeGreaterThan(0.8);
    expect(titleSimilarity(a, 'Naltrexone for alcohol dependence')).toBeLessThan(0.5);
    expect(sameJournal('J Clin Med', 'Journal of Clinical Medicine')).toBe(true);
    expect(sameJournal('Front Immunol', 'Frontiers in Immunology')).toBe(true);
    expect(sameJournal('Journal of Neurology', 'Annals of Neurology')).toBe(false);
  });

  it('says which detail disagrees when a real work is cited with the wrong authors or year', () => {
    const r = check(page('<h2>Sources</h2><ul><li>Smith J, Jones K (2019). Naltrexone 6 mg once daily versus placebo in women with fibromyalgia: a randomised, double-blind, placebo-controlled trial. The Lancet Rheumatology.</li></ul>'));
    expect(r.citations[0]).toMatchObject({ status: 'mismatch', studyId: 'bruun-2024-final-fibromyalgia' });
    expect(r.citations[0]!.reasons.join(' ')).toMatch(/names Smith & Jones as authors.*Bruun/);
    expect(r.citations[0]!.reasons.join(' ')).toMatch(/year 2019; the record is from 2024/);
  });

  it('marks an invented reference unverified, with a reason', () => {
    const r = check(page('<h2>References</h2><ol><li>Doe A, Roe B. "Low-Dose Naltrexone Reverses Lunar Allergy in Adults." Journal of Imaginary Medicine, vol. 3, 2021.</li></ol>'));
    expect(r.citations[0]).toMatchObject({ status: 'unverified', studyId: null });
    expect(r.citations[0]!.reasons[0]).toMatch(/No study with this title or these authors/);
  });
});

describe('identifiers in text and links', () => {
  it('finds DOIs, PMIDs, PMC ids and NCT ids in text, without trailing punctuation', () => {
    expect(findIdentifiers('See doi:10.1002/art.37734. Also PMID: 38258677, PMC3075457 and NCT03970330.').map((i) => `${i.kind}:${i.value}`))
      .toEqual(['doi:10.1002/art.37734', 'pmid:38258677', 'pmcid:PMC3075457', 'nct:NCT03970330']);
  });

  it('reads identifiers from doi.org, PubMed, PMC and ClinicalTrials.gov links', () => {
    expect(identifiersInHref('https://doi.org/10.1016/S2665-9913(23)00278-3')).toEqual([{ kind: 'doi', value: '10.1016/s2665-9913(23)00278-3' }]);
    expect(identifiersInHref('https://pubmed.ncbi.nlm.nih.gov/38258677/')).toEqual([{ kind: 'pmid', value: '38258677' }]);
    expect(identifiersInHref('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3075457/')).toEqual([{ kind: 'pmcid', value: 'PMC3075457' }]);
    expect(identifiersInHref('https://clinicaltrials.gov/study/NCT03970330?tab=results')).toEqual([{ kind: 'nct', value: 'NCT03970330' }]);
    expect(identifiersInHref('https://example.org/10.1000/not-a-doi-host')).toEqual([]);
  });

  it('checks an identifier linked from a sentence, and links the sentence to it', () => {
    const r = check(page('<p>A Danish trial found LDN no better than placebo for fibromyalgia pain (<a href="https://pubmed.ncbi.nlm.nih.gov/38258677/">the trial</a>).</p>'));
    expect(r.citations).toEqual([expect.objectContaining({ kind: 'identifier', status: 'verified', studyId: 'bruun-2024-final-fibromyalgia' })]);
    const claim = r.claims.find((c) => c.sentence.startsWith('A Danish trial'));
    expect(claim?.citations).toEqual([0]);
    expect(claim?.flags).not.toContain('unsourced-study');
  });

  it('follows numbered markers to the reference list', () => {
    const r = check(page('<p>In a crossover trial, LDN reduced fibromyalgia pain more than placebo [1].</p><h2>References</h2><ol><li>Younger J, Noor N, McCue R, Mackey S. Low-dose naltrexone for the treatment of fibromyalgia. Arthritis Rheum. 2013;65(2):529-38.</li></ol>'));
    const claim = r.claims.find((c) => c.sentence.startsWith('In a crossover trial'))!;
    expect(claim.citations.map((i) => r.citations[i]!.studyId)).toEqual(['younger-2013-fibromyalgia']);
  });
});

describe('inline mentions', () => {
  it('checks author-year mentions', () => {
    const r = check(page('<p>Younger et al. (2013) reported that LDN lowered daily pain in women with fibromyalgia.</p>'));
    expect(r.citations[0]).toMatchObject({ kind: 'inline', status: 'verified', studyId: 'younger-2013-fibromyalgia' });
  });

  it('marks "a study found" with nothing to look up as unverified, and flags the claim as unsourced', () => {
    const r = check(page('<p>A study found that LDN lowered pain in fibromyalgia by half.</p>'));
    expect(r.citations[0]).toMatchObject({ kind: 'inline', status: 'unverified' });
    expect(r.citations[0]!.reasons[0]).toMatch(/names no author, journal, year or identifier/);
  });

  it('reports no citations on a page without any', () => {
    const r = check(page('<p>LDN is taken at night by many people.</p>'));
    expect(r.citations).toEqual([]);
    expect(r.stats.citations).toEqual({});
  });
});

describe('the seed pages\u2019 references get the status their assessment implies', () => {
  const evidence = JSON.parse(readFileSync(join(SHARED, 'evidence', 'evidence.json'), 'utf8'));
  const db = realDb();
  const expected = (r: { exists: unknown; issues: string[]; matched_study_id: string | null }) => {
    if (r.exists !== true) return 'unverified';
    if (r.issues.includes('authors-mismatch')) return 'mismatch';
    return db.compiled.studies[r.matched_study_id!]?.dose === 'none' ? 'off-topic' : 'verified';
  };
  const reports = new Map<string, ReturnType<typeof checkPage>>();
  const reportOf = (seed: string) => {
    if (!reports.has(seed)) reports.set(seed, checkPage(documentInput(readFileSync(join(SHARED, 'seeds', seed.replace('.txt', '.html')), 'utf8')), db));
    return reports.get(seed)!;
  };
  const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').toLowerCase();
  // The assessments quote the .txt pages; the .html pages format reference lists their own way,
  // so a listed reference is found by its first author and year, an inline one by its opening words.
  const find = (report: ReturnType<typeof checkPage>, r: { citation_type: string; citation_text: string }) => {
    if (r.citation_type === 'inline') {
      const opening = norm(/'([^']+)'/.exec(r.citation_text)![1]!.split(' ').slice(0, 6).join(' '));
      return report.citations.find((c) => norm(c.text).includes(opening));
    }
    const author = norm(/^[\p{L}'-]+/u.exec(r.citation_text)![0]);
    const year = /\b(?:19|20)\d{2}\b/.exec(r.citation_text)![0];
    return report.citations.find((c) => c.kind === 'reference' && norm(c.text).startsWith(author) && c.text.includes(year));
  };

  type SeedReference = { seed_file: string; citation_type: string; citation_text: string; exists: unknown; issues: string[]; matched_study_id: string | null };
  const cases: [string, string, SeedReference][] = (evidence.seed_references as SeedReference[]).map((r) => [r.seed_file, r.citation_text.slice(0, 60), r]);
  it.each(cases)('%s: %s', (seed, _t, ref) => {
    const report = reportOf(seed);
    const found = find(report, ref);
    expect(found, 'citation not found on the page').toBeDefined();
    expect(found!.status).toBe(expected(ref));
  });
});
