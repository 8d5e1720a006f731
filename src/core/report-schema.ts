/**
 * The Report: the one contract between the core, the extension's UI, the CLI and exports
 * (DESIGN.md, "The CLI and its JSON report"). Written with `zod/mini` because this schema ships
 * in the extension, where every kilobyte counts; `npx evidence-lens schema` prints it as JSON Schema.
 */
import * as z from 'zod/mini';
import { CITATION_STATUSES, FLAGS, LEVEL_VALUES, STANCES } from './levels';

export const REPORT_SCHEMA_ID = 'evidence-lens/report@1';

const offset = z.int().check(z.nonnegative());

/** What names a published work, as a report shows a study and as an online look-up reads a record. */
export const WORK_FIELDS = {
  title: z.string(),
  /** For display: "Smith et al.", "Smith & Jones". */
  authors: z.nullable(z.string()),
  journal: z.nullable(z.string()),
  year: z.nullable(z.int()),
  doi: z.nullable(z.string()),
  pmid: z.nullable(z.string()),
  pmcid: z.nullable(z.string()),
  nct: z.nullable(z.string()),
};

export const StudyRef = z.object({
  id: z.string(),
  ...WORK_FIELDS,
  design: z.string(),
  participants: z.nullable(z.int()),
  finding: z.string(),
  dose: z.enum(['low', 'standard', 'none']),
  verified: z.boolean(),
  /** A registered trial's status as the database last saw it; null when the study is not a registered trial or its status is unknown. */
  trial: z.nullable(z.object({ status: z.string(), resultsPosted: z.nullable(z.boolean()), asOf: z.nullable(z.string()) })),
});

export const ReportClaim = z.object({
  /** Exact text of the sentence: always `articleText.slice(start, end)`. */
  sentence: z.string(),
  start: offset,
  end: offset,
  claimId: z.nullable(z.string()),
  label: z.enum(LEVEL_VALUES),
  labelText: z.string(),
  /** False when the page denies, questions or distances itself from the claim. */
  asserted: z.boolean(),
  stance: z.enum(STANCES),
  hedged: z.boolean(),
  flags: z.array(z.enum(FLAGS)),
  statement: z.nullable(z.string()),
  rationale: z.nullable(z.string()),
  /** Ids of the deciding studies; their details are in the Report's `studies`. */
  studies: z.array(z.string()),
  section: z.nullable(z.string()),
  /** Indexes into the Report's `citations` of the citations this sentence carries. */
  citations: z.array(z.int().check(z.nonnegative())),
  outdatedNote: z.nullable(z.string()),
  why: z.object({
    concepts: z.array(z.string()),
    contextConcepts: z.array(z.string()),
    words: z.array(z.string()),
    cues: z.record(z.string(), z.array(z.string())),
    score: z.number().check(z.gte(0), z.lte(1)),
  }),
});

export const ReportCitation = z.object({
  text: z.string(),
  start: z.nullable(offset),
  end: z.nullable(offset),
  kind: z.enum(['reference', 'identifier', 'inline']),
  status: z.enum(CITATION_STATUSES),
  studyId: z.nullable(z.string()),
  reasons: z.array(z.string()),
});

/** `online-lookup` and `lookup-offline` are added only by the optional online look-up (cite/online/run.ts). */
export const NOTICE_CODES = ['no-article', 'no-text', 'not-about-ldn', 'not-english', 'truncated', 'no-claims', 'fallback-extractor', 'online-lookup', 'lookup-offline'] as const;

export const Notice = z.object({ code: z.enum(NOTICE_CODES), message: z.string() });

export const Report = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  generatedAt: z.string(),
  source: z.object({
    url: z.nullable(z.string()),
    title: z.nullable(z.string()),
    byline: z.nullable(z.string()),
    extractor: z.enum(['readability', 'fallback', 'plain-text']),
    words: z.int().check(z.nonnegative()),
    language: z.enum(['en', 'other', 'unknown']),
    aboutLdn: z.boolean(),
    ldnMentions: z.int().check(z.nonnegative()),
    truncated: z.boolean(),
  }),
  /** The article text the offsets refer to. */
  articleText: z.string(),
  claims: z.array(ReportClaim),
  citations: z.array(ReportCitation),
  studies: z.record(z.string(), StudyRef),
  stats: z.object({
    sentences: z.int().check(z.nonnegative()),
    claims: z.int().check(z.nonnegative()),
    byLabel: z.record(z.string(), z.int()),
    byFlag: z.record(z.string(), z.int()),
    citations: z.record(z.string(), z.int()),
  }),
  notices: z.array(Notice),
  database: z.object({ version: z.string(), reviewed: z.string(), claims: z.int() }),
  timingsMs: z.object({
    extract: z.number(), segment: z.number(), match: z.number(), grade: z.number(), cite: z.number(), report: z.number(), total: z.number(),
  }),
  disclaimer: z.string(),
});

export type Report = z.infer<typeof Report>;
export type ReportClaim = z.infer<typeof ReportClaim>;
export type ReportCitation = z.infer<typeof ReportCitation>;
export type StudyRef = z.infer<typeof StudyRef>;
export type Notice = z.infer<typeof Notice>;

export function reportJsonSchema(): object {
  return z.toJSONSchema(Report, { target: 'draft-2020-12' });
}
