/** What an online look-up finds: a record shaped like the bibliography's `StudySummary`, plus where it came from. */
import * as z from 'zod/mini';
import { WORK_FIELDS } from '../../report-schema';

export { displayAuthors } from '../../format/summary';

export const SOURCES = ['crossref', 'pubmed', 'clinicaltrials'] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_NAME: Record<Source, string> = { crossref: 'Crossref', pubmed: 'PubMed', clinicaltrials: 'ClinicalTrials.gov' };

export const OnlineRecord = z.object({
  source: z.enum(SOURCES),
  ...WORK_FIELDS,
  /** Every author's family name (or organisation), for matching citations. */
  authorFamilies: z.array(z.string()),
  /** PubMed's abbreviation ("Arthritis Rheum") beside its full journal name, compared too. */
  journalAbbreviation: z.nullable(z.string()),
  /** ClinicalTrials.gov's overall status ("COMPLETED", "RECRUITING"); null for papers. */
  trialStatus: z.nullable(z.string()),
});
export type OnlineRecord = z.infer<typeof OnlineRecord>;

/** Markup some publishers leave in titles (`<i>`, `<sub>`), and runs of whitespace. */
export function plainText(s: string): string {
  return s.replace(/<[^>]{1,40}>/g, '').replace(/\s+/g, ' ').trim();
}

export function yearIn(s: string | null | undefined): number | null {
  const m = /\b(1[89]\d{2}|20\d{2})\b/.exec(s ?? '');
  return m ? Number(m[1]) : null;
}
