/**
 * A citation the bibliography could not verify, after its online look-up -> its new status and
 * reasons. Found: `verified`, or `mismatch` naming the detail that differs, compared exactly as
 * the bibliography compares (`compareDetails`). Not found, or not reachable: still `unverified`,
 * with one more reason saying so (last, because the text output shows the last reason).
 */
import type { Resolution } from '../resolve';
import { compareDetails, describe, type CitedDetails } from '../resolve';
import { sameJournal } from '../similarity';
import { trialStatusText } from './clinicaltrials';
import { SOURCE_NAME, type OnlineRecord, type Source } from './record';

/** Said of every work found online: the bibliography, not the look-up, knows what a work studied. */
const NOT_IN_BIBLIOGRAPHY = 'It is not in the bibliography, so whether it studied LDN has not been reviewed.';

export function judgeOnline(cited: CitedDetails, record: OnlineRecord, how: string): Resolution {
  // PubMed gives a journal's full name and its abbreviation: the page may use either.
  const journal = cited.journal && record.journalAbbreviation && sameJournal(cited.journal, record.journalAbbreviation)
    ? record.journalAbbreviation
    : record.journal;
  const { mismatches, notes } = compareDetails(cited, { ...record, journal });
  const citedDoi = cited.ids.find((i) => i.kind === 'doi')?.value;
  if (citedDoi && record.doi && citedDoi !== record.doi) {
    mismatches.push(`The page gives the DOI ${citedDoi}; the record's DOI is ${record.doi}.`);
  }
  const reasons = [`Found in ${SOURCE_NAME[record.source]} by ${how}: ${describe(record)}`, ...notes];
  if (record.trialStatus) reasons.push(`A registered trial; its status is ${trialStatusText(record.trialStatus)}.`);
  reasons.push(NOT_IN_BIBLIOGRAPHY);
  return { status: mismatches.length > 0 ? 'mismatch' : 'verified', studyId: null, reasons: [...reasons, ...mismatches] };
}

/** "Not found in Crossref or PubMed either." */
export function notFoundReason(asked: Source[]): string {
  return `Not found in ${orList(asked.map((s) => SOURCE_NAME[s]))} either.`;
}

export type Failure = { source: Source; why: 'offline' } | { source: Source; why: 'timeout'; seconds: number } | { source: Source; why: 'status'; status: number } | { source: Source; why: 'format' };

export function failureReason(f: Failure): string {
  const name = SOURCE_NAME[f.source];
  switch (f.why) {
    case 'offline': return `Could not reach ${name}: offline?`;
    case 'timeout': return `${name} did not answer within ${f.seconds} second${f.seconds === 1 ? '' : 's'}; not looked up.`;
    case 'status': return `${name} answered with error ${f.status}; not looked up.`;
    case 'format': return `${name} answered in a form Evidence Lens does not read; not looked up.`;
  }
}

function orList(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? 'the scholarly databases') : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}
