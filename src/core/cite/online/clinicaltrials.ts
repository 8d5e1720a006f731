/**
 * ClinicalTrials.gov's API v2: one study by NCT id (`/api/v2/studies/{nct}`, 404 when unknown),
 * answering `{ protocolSection: { identificationModule: { nctId, briefTitle, officialTitle },
 * statusModule: { overallStatus, startDateStruct: { date } }, sponsorCollaboratorsModule,
 * contactsLocationsModule: { overallOfficials: [{ name }] } } }`.
 */
import * as z from 'zod/mini';
import { displayAuthors, plainText, yearIn, type OnlineRecord } from './record';

export function trialUrl(base: string, nct: string): string {
  return `${base}/api/v2/studies/${encodeURIComponent(nct)}`;
}

const DateStruct = z.optional(z.object({ date: z.optional(z.string()) }));

const Study = z.object({
  protocolSection: z.object({
    identificationModule: z.object({ nctId: z.string(), briefTitle: z.optional(z.string()), officialTitle: z.optional(z.string()) }),
    statusModule: z.optional(z.object({
      overallStatus: z.optional(z.string()),
      startDateStruct: DateStruct,
      studyFirstPostDateStruct: DateStruct,
    })),
    sponsorCollaboratorsModule: z.optional(z.object({ leadSponsor: z.optional(z.object({ name: z.optional(z.string()) })) })),
    contactsLocationsModule: z.optional(z.object({ overallOfficials: z.optional(z.array(z.object({ name: z.optional(z.string()) }))) })),
  }),
});

/** A study reply -> its record; null when it is not a study. */
export function parseTrial(body: unknown): OnlineRecord | null {
  const r = z.safeParse(Study, body);
  if (!r.success) return null;
  const p = r.data.protocolSection;
  const title = plainText(p.identificationModule.briefTitle ?? p.identificationModule.officialTitle ?? '');
  if (!title) return null;
  // Investigators are named "Jane Smith, MD": the family name is the last word before the degrees.
  const families = (p.contactsLocationsModule?.overallOfficials ?? [])
    .map((o) => plainText(o.name ?? '').split(',')[0]!.trim().split(' ').pop() ?? '')
    .filter(Boolean);
  const status = p.statusModule;
  return {
    source: 'clinicaltrials',
    title,
    authors: displayAuthors(families) ?? (p.sponsorCollaboratorsModule?.leadSponsor?.name ? plainText(p.sponsorCollaboratorsModule.leadSponsor.name) : null),
    authorFamilies: families,
    journal: null,
    journalAbbreviation: null,
    year: yearIn(status?.startDateStruct?.date) ?? yearIn(status?.studyFirstPostDateStruct?.date),
    doi: null,
    pmid: null,
    pmcid: null,
    nct: p.identificationModule.nctId.toUpperCase(),
    trialStatus: status?.overallStatus ?? null,
  };
}

/** "ACTIVE_NOT_RECRUITING" -> "active, not recruiting". */
export function trialStatusText(status: string): string {
  return status.toLowerCase().replace(/_not_/g, ', not ').replace(/_/g, ' ');
}
