/** For tests only: a valid Report with two claims, and overrides merged over it. */
import { DISCLAIMER } from '../../src/core/levels';
import { Report, type ReportClaim } from '../../src/core/report-schema';

const ARTICLE = 'LDN eases fibromyalgia pain. LDN cures cancer, some say.';

export function fakeClaim(overrides: Partial<ReportClaim> = {}): ReportClaim {
  return {
    sentence: 'LDN eases fibromyalgia pain.', start: 0, end: 28, claimId: 'ldn-fibromyalgia-pain',
    label: 'rct-support', labelText: 'Small RCTs support', asserted: true, stance: 'asserts', hedged: false, flags: [],
    statement: 'LDN reduces pain in fibromyalgia.', rationale: 'Two small crossover RCTs found less pain.',
    studies: ['younger-2013'], section: null, citations: [], outdatedNote: null,
    why: { concepts: ['ldn', 'fibromyalgia', 'pain-relief'], contextConcepts: [], words: ['LDN', 'fibromyalgia', 'eases pain'], cues: {}, score: 0.9 },
    ...overrides,
  };
}

export function fakeReport(overrides: Partial<Report> = {}): Report {
  const claims = overrides.claims ?? [
    fakeClaim(),
    fakeClaim({
      sentence: 'LDN cures cancer, some say.', start: 29, end: 56, claimId: null, label: 'not-reviewed', labelText: 'Not yet reviewed',
      statement: null, rationale: null, studies: [], why: { concepts: ['ldn', 'cancer'], contextConcepts: [], words: ['LDN', 'cancer'], cues: {}, score: 0.5 },
    }),
  ];
  return Report.parse({
    schema: 'evidence-lens/report@1',
    generatedAt: '2026-11-24T10:00:00.000Z',
    source: { url: 'https://clinic.example/blog/ldn', title: 'LDN & you', byline: null, extractor: 'readability', words: 10, language: 'en', aboutLdn: true, ldnMentions: 2, truncated: false },
    articleText: ARTICLE,
    claims,
    citations: [],
    studies: {
      'younger-2013': {
        id: 'younger-2013', title: 'Low-dose naltrexone for the treatment of fibromyalgia', authors: 'Younger J, Noor N, McCue R, Mackey S',
        journal: 'Arthritis Rheum', year: 2013, doi: '10.1002/art.37734', pmid: '23359310', pmcid: null, nct: 'NCT00568555',
        design: 'crossover RCT', participants: 31, finding: 'Less pain on LDN than on placebo.', dose: 'low', verified: true, trial: { status: 'completed', resultsPosted: null, asOf: null },
      },
    },
    stats: { sentences: 2, claims: claims.length, byLabel: {}, byFlag: {}, citations: {} },
    notices: [],
    database: { version: 'test', reviewed: '2026-11-01', claims: 1 },
    timingsMs: { extract: 0, segment: 0, match: 0, grade: 0, cite: 0, report: 0, total: 0 },
    disclaimer: DISCLAIMER,
    ...overrides,
  });
}
