/**
 * report: everything the stages found -> one Report. It is built field by field to the schema
 * and not parsed here: the schema is checked where a Report crosses a boundary (the extension's
 * messages and storage) and on every report of the property and fuzz tests, and parsing it
 * here cost as much as matching.
 */
import type { Article } from './article';
import type { PreparedDb, StudySummary } from './db';
import type { GradedClaim } from './grade';
import { DISCLAIMER, levelText } from './levels';
import type { CiteResult } from './cite';
import { REPORT_SCHEMA_ID, type Notice, type Report, type StudyRef } from './report-schema';
import type { PageSubject } from './subject';

export interface ReportInput {
  url: string | null;
  article: Article;
  subject: PageSubject;
  sentenceCount: number;
  claims: GradedClaim[];
  cited: CiteResult;
  db: PreparedDb;
  timingsMs: Omit<Report['timingsMs'], 'report' | 'total'>;
  now: Date;
}

export function buildReport(input: ReportInput, startedAt: number, clock: () => number): Report {
  const { article, subject, db, timingsMs: timings } = input;
  const studies: Record<string, StudyRef> = {};
  const claims = input.claims.map((c) => {
    for (const id of c.claim?.studies ?? []) {
      const s = db.compiled.studies[id];
      if (s && !studies[id]) studies[id] = studyRef(s);
    }
    return {
      sentence: c.sentence.text,
      start: c.sentence.start,
      end: c.sentence.end,
      claimId: c.claim?.id ?? null,
      label: c.label,
      labelText: levelText(c.label),
      asserted: c.stance === 'asserts' || c.stance === 'reports',
      stance: c.stance,
      hedged: c.hedged,
      flags: c.flags,
      statement: c.claim?.statement ?? null,
      rationale: c.claim?.rationale ?? null,
      studies: c.claim?.studies ?? [],
      section: c.sentence.section,
      citations: input.cited.bySentence.get(c.sentence.index) ?? [],
      outdatedNote: c.outdatedNote,
      why: { concepts: c.concepts, contextConcepts: c.contextConcepts, words: c.words, cues: c.cues as Record<string, string[]>, score: c.score },
    };
  });
  const byLabel: Record<string, number> = {};
  const byFlag: Record<string, number> = {};
  for (const c of claims) {
    count(byLabel, c.label);
    for (const f of c.flags) count(byFlag, f);
  }
  const citationsByStatus: Record<string, number> = {};
  for (const c of input.cited.citations) count(citationsByStatus, c.status);
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    generatedAt: input.now.toISOString(),
    source: {
      url: input.url,
      title: article.title,
      byline: article.byline,
      extractor: article.extractor,
      words: subject.words,
      language: subject.language,
      aboutLdn: subject.aboutLdn,
      ldnMentions: subject.ldnMentions,
      truncated: article.truncated,
    },
    articleText: article.text,
    claims,
    citations: input.cited.citations,
    studies,
    stats: {
      sentences: input.sentenceCount,
      claims: claims.length,
      byLabel,
      byFlag,
      citations: citationsByStatus,
    },
    notices: notices(article, subject, claims.length),
    database: { version: db.compiled.version, reviewed: db.compiled.reviewed, claims: db.compiled.claims.length },
    // Field by field: V8 adds properties to a spread copy on a slow path.
    timingsMs: { extract: timings.extract, segment: timings.segment, match: timings.match, grade: timings.grade, cite: timings.cite, report: 0, total: 0 },
    disclaimer: DISCLAIMER,
  };
  const end = clock();
  report.timingsMs.report = round(end - startedAt - sum(input.timingsMs));
  report.timingsMs.total = round(end - startedAt);
  return report;
}

/** The study fields a report carries (the summary's matching aids stay in the database). */
function studyRef(s: StudySummary): StudyRef {
  return {
    id: s.id, title: s.title, authors: s.authors, journal: s.journal, year: s.year, doi: s.doi, pmid: s.pmid, pmcid: s.pmcid,
    nct: s.nct, design: s.design, participants: s.participants, finding: s.finding, dose: s.dose, verified: s.verified, trial: s.trial,
  };
}

function notices(article: Article, subject: PageSubject, claims: number): Notice[] {
  const out: Notice[] = [];
  if (article.text.trim() === '') {
    out.push({ code: 'no-text', message: 'The page has no readable text to check.' });
    return out;
  }
  if (article.extractor === 'fallback') {
    out.push({ code: 'fallback-extractor', message: 'No article was recognised, so the largest block of text on the page was checked instead.' });
  }
  if (article.truncated) {
    const words = subject.words;
    const end = article.text.slice(-60).replace(/^\S*\s/, '').trim();
    out.push({ code: 'truncated', message: `The page is very long; only its first ${words.toLocaleString('en')} words were checked, up to “…${end}”.` });
  }
  if (subject.language === 'other') {
    out.push({ code: 'not-english', message: 'The page does not seem to be in English; Evidence Lens only reads English, so claims may be missed.' });
  }
  if (!subject.aboutLdn) {
    out.push({ code: 'not-about-ldn', message: 'The page does not seem to be about low-dose naltrexone (LDN); only sentences that name it were checked.' });
  }
  if (claims === 0) out.push({ code: 'no-claims', message: 'No health claims about LDN were found on this page.' });
  return out;
}

function count(counts: Record<string, number>, value: string): void {
  counts[value] = (counts[value] ?? 0) + 1;
}

function sum(o: Record<string, number>): number {
  return Object.values(o).reduce((a, b) => a + b, 0);
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
