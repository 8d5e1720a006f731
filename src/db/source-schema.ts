/**
 * The claims database as people write it (`claims-db/`): a lexicon, claim files and a CSL-JSON
 * bibliography. Validated with full zod (its messages name the field and the problem); this
 * module only runs at build time and in the CLI, never in the extension.
 */
import { z } from 'zod';
import { REVIEWED_LEVEL_VALUES, STANCES } from '../core/levels';
import { CUE_KINDS, type CueKind } from '../core/db';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');
/** A surface form: words, `reduc*` for any word starting with `reduc`, `..` for a gap of up to three words. */
const form = z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1));

export const CONCEPT_KINDS = [
  'subject', 'drug', 'condition', 'symptom', 'effect', 'mechanism', 'safety', 'dosing',
  'formulation', 'population', 'regulatory', 'evidence', 'statistic', 'cost', 'other',
] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];


const ConceptSource = z.strictObject({
  kind: z.enum(CONCEPT_KINDS),
  label: z.string().min(1),
  forms: z.array(form).min(1),
});

/**
 * One lexicon file. The lexicon is split by area (`lexicon/core.yaml`, `lexicon/pain.yaml`...);
 * a file may define concepts, add forms to concepts defined elsewhere (`extend`) and add cues.
 */
export const LexiconFile = z.strictObject({
  concepts: z.record(id, ConceptSource).optional(),
  extend: z.record(id, z.array(form).min(1)).optional(),
  cues: z.partialRecord(z.enum(CUE_KINDS), z.array(form).min(1)).optional(),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface LexiconSource {
  concepts: Record<string, z.infer<typeof ConceptSource>>;
  cues: Record<CueKind, string[]>;
}

/** A conjunction of groups; each group is satisfied by any one of its concepts. */
const Pattern = z.strictObject({
  all: z.array(z.array(id).min(1)).min(1),
  none: z.array(id).optional(),
});

/**
 * A sentence that must match the claim. A bare string must be read as endorsing it; an object
 * pins the stance (and, if given, the hedging) the matcher must read.
 */
const Example = z.union([
  z.string().min(5),
  z.strictObject({ text: z.string().min(5), stance: z.enum(STANCES), hedged: z.boolean().optional() }),
]);
export type Example = z.infer<typeof Example>;

export const ClaimSource = z.strictObject({
  id,
  topic: id,
  /** The condition this claim is about, for coverage tables ("general" when none). */
  condition: id,
  statement: z.string().min(10),
  level: z.enum(REVIEWED_LEVEL_VALUES),
  rationale: z.string().min(20, 'a rationale says in a sentence why the claim has this level'),
  studies: z.array(id),
  reviewed: isoDate,
  /** Concepts that name what the claim is about; `[]` for background claims that need no drug. */
  subject: z.array(id).default(['ldn']),
  patterns: z.array(Pattern).min(1),
  /**
   * The claim is itself a negative or a prohibition ("is not addictive", "never combine with
   * opioids", "no adequate studies in pregnancy"): negation words in a sentence are read as part
   * of it, not as the page denying it.
   */
  phrasedNegatively: z.boolean().default(false),
  /**
   * A result "no different from placebo" supports this claim instead of denying it: claims that
   * something is harmless ("well tolerated": side effects as common as on placebo).
   */
  nullResultSupports: z.boolean().default(false),
  /** Cues that mark the statement as overtaken by events, with what the database knows instead. */
  outdated: z.strictObject({ when: z.array(id).min(1), note: z.string().min(10) }).optional(),
  examples: z.array(Example).min(3, 'each claim needs at least three example sentences'),
  nearMisses: z.array(z.string().min(5)).min(2, 'each claim needs at least two near-miss sentences'),
});
export type ClaimSource = z.infer<typeof ClaimSource>;
export const ClaimFile = z.array(ClaimSource);

export const STUDY_DESIGNS = [
  'rct', 'crossover-rct', 'pilot', 'open-label', 'retrospective', 'case-series', 'case-report',
  'systematic-review', 'meta-analysis', 'cochrane-review', 'narrative-review', 'preclinical',
  'trial-registration', 'regulatory',
] as const;

export const TRIAL_STATUSES = ['not-yet-recruiting', 'recruiting', 'active-not-recruiting', 'completed', 'terminated', 'withdrawn', 'suspended', 'unknown'] as const;

const CslName = z.union([
  z.strictObject({ family: z.string().min(1), given: z.string().optional() }),
  z.strictObject({ literal: z.string().min(1) }),
]);

/** One bibliography record in CSL-JSON; our own fields live under `custom`, as CSL-JSON 1.0.2 allows. */
export const StudySource = z.looseObject({
  id,
  type: z.enum(['article-journal', 'chapter', 'book', 'report', 'dataset', 'webpage', 'legal_case', 'legislation', 'speech', 'paper-conference']),
  title: z.string().min(3),
  author: z.array(CslName).optional(),
  'container-title': z.string().optional(),
  issued: z.strictObject({ 'date-parts': z.array(z.array(z.number().int())).min(1) }).optional(),
  DOI: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI starts with 10.').optional(),
  PMID: z.string().regex(/^\d{1,9}$/).optional(),
  PMCID: z.string().regex(/^PMC\d+$/).optional(),
  URL: z.url().optional(),
  note: z.string().optional(),
  custom: z.strictObject({
    nct: z.string().regex(/^NCT\d{8}$/).optional(),
    design: z.enum(STUDY_DESIGNS),
    participants: z.number().int().positive().nullable(),
    /** One neutral line of what the study found, in our own words. */
    finding: z.string().min(10),
    condition: z.string().min(2),
    /** `low` = LDN (roughly 0.5-16 mg); `standard` = 50 mg and up; `none` = not a naltrexone study. */
    dose: z.enum(['low', 'standard', 'none']),
    verified: z.boolean(),
    /**
     * For a registered trial: its status as last seen in the registry, and whether results were
     * posted there (null when the page seen did not say). From the evidence files only.
     */
    trial: z.strictObject({
      status: z.enum(TRIAL_STATUSES),
      resultsPosted: z.boolean().nullable(),
      /** When the registry record was seen or last updated, as the evidence gives it (YYYY, YYYY-MM or YYYY-MM-DD). */
      asOf: z.string().regex(/^\d{4}(-\d{2}){0,2}$/).nullable(),
    }).optional(),
    /** False when no copy of the work itself was seen, only other pages citing it (default true). */
    seen: z.boolean().optional(),
    /** The page the facts were read on; null only when no page could be read (the note says why). */
    source: z.url().nullable(),
  }),
}).refine(
  (s) => Boolean(s.DOI || s.PMID || s.PMCID || s.custom.nct || s.note),
  { message: 'a study needs a DOI, PMID, PMCID or NCT id, or a note saying why it has none' },
);
export type StudySource = z.infer<typeof StudySource>;
export const Bibliography = z.array(StudySource);
