/**
 * The background's side of the online citation look-up: after a page's report is built, when
 * the user has turned the look-up on and granted its hosts, the report's unknown citations are
 * looked up with `fetch` (src/core/cite/online/run.ts) and an updated report returned. Returns
 * null, having sent nothing, when the setting is off or the permission is missing.
 */
import { jsonFetcher, lookUpCitations } from '../core/cite/online';
import type { Report } from '../core/report-schema';
import { hasLookupAccess, lookupBases } from './lookup-access';
import { storageCache } from './lookup-cache';
import { loadSettings } from './settings';
import type { TabReports } from './tab-reports';

export async function lookUpIfOn(report: Report): Promise<Report | null> {
  if (!report.citations.some((c) => c.status === 'unverified' && c.studyId === null)) return null;
  if (!(await loadSettings()).onlineLookup || !(await hasLookupAccess())) return null;
  const updated = await lookUpCitations(report, jsonFetcher(fetch), storageCache(), { bases: await lookupBases() });
  return updated === report ? null : updated;
}

/**
 * Looks up a tab's fresh report and, if that changed anything, replaces it and tells the panel,
 * unless a newer check or a navigation replaced the report meanwhile. Never throws.
 */
export async function lookUpAndReplace(tabId: number, report: Report, reports: TabReports, announce: (tabId: number) => void): Promise<void> {
  try {
    const updated = await lookUpIfOn(report);
    if (!updated) return;
    const current = await reports.get(tabId);
    if (!current || current.report !== report) return;
    await reports.set(tabId, { report: updated, anchoring: current.anchoring });
    announce(tabId);
  } catch {
    // The report without look-ups stays; the look-up's own failures are reasons in the report.
  }
}
