/** The one-line summary shared by the CLI, the panel and the exports. */
import { CITATION_STATUSES, LEVELS, levelText, type CitationStatus, type Level } from '../levels';

const CITATION_SUMMARY: Record<CitationStatus, string> = { verified: 'verified', unverified: 'unverified', mismatch: 'with wrong details', 'off-topic': 'not about LDN' };
import type { Report } from '../report-schema';

/** `wordsFor` names each level (the label vocabulary by default; the panel's patient view passes plainer words). */
export function summaryLine(report: Report, wordsFor: (level: Level) => string = levelText): string {
  const parts = [`${report.stats.claims} claim${report.stats.claims === 1 ? '' : 's'}`];
  for (const { value } of LEVELS) {
    const n = report.stats.byLabel[value];
    if (n) parts.push(`${n} ${wordsFor(value as Level)}`);
  }
  const cited = report.citations.length;
  if (cited > 0) {
    const counts = CITATION_STATUSES.filter((s) => report.stats.citations[s]).map((s) => `${report.stats.citations[s]} ${CITATION_SUMMARY[s]}`);
    parts.push(`${cited} citation${cited === 1 ? '' : 's'} (${counts.join(', ')})`);
  }
  return parts.join(' · ');
}

/** Links to a study's records, strongest identifier first. */
export function studyLinks(s: { doi: string | null; pmid: string | null; pmcid: string | null; nct: string | null }): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  if (s.doi) links.push({ label: `doi:${s.doi}`, url: `https://doi.org/${s.doi}` });
  if (s.pmid) links.push({ label: `PMID ${s.pmid}`, url: `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/` });
  if (s.pmcid) links.push({ label: s.pmcid, url: `https://pmc.ncbi.nlm.nih.gov/articles/${s.pmcid}/` });
  if (s.nct) links.push({ label: s.nct, url: `https://clinicaltrials.gov/study/${s.nct}` });
  return links;
}

export function studyCitation(s: { authors: string | null; year: number | null; journal: string | null; title: string }): string {
  return [s.authors, s.year ? `(${s.year})` : null, s.title, s.journal].filter(Boolean).join(' ');
}

const TRIAL_STATUS_TEXT: Record<string, string> = {
  'not-yet-recruiting': 'not yet recruiting',
  recruiting: 'recruiting',
  'active-not-recruiting': 'active, not recruiting',
  completed: 'completed',
  terminated: 'terminated early',
  withdrawn: 'withdrawn before enrolling',
  suspended: 'suspended',
};

/** "trial terminated early, results posted (registry, 2022-11-03)"; null when nothing is known. */
export function trialStatusText(trial: { status: string; resultsPosted: boolean | null; asOf: string | null } | null): string | null {
  if (!trial || trial.status === 'unknown') return null;
  const results = trial.resultsPosted === null ? '' : trial.resultsPosted ? ', results posted' : ', no results posted';
  return `trial ${TRIAL_STATUS_TEXT[trial.status] ?? trial.status}${results}${trial.asOf ? ` (registry, ${trial.asOf})` : ''}`;
}

/** "Smith et al.", "Smith & Jones", "Smith", or null: how a study's authors are shown everywhere. */
export function displayAuthors(families: string[]): string | null {
  if (families.length === 0) return null;
  if (families.length <= 2) return families.join(' & ');
  return `${families[0]} et al.`;
}
