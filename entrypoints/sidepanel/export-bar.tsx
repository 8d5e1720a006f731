/**
 * Export buttons: Markdown, JSON, ClaimReview JSON-LD, Web Annotation JSON-LD and CSV downloads,
 * copy as Markdown, and the "This match is wrong" reports kept on this device.
 */
import { useState } from 'preact/hooks';
import type { Report } from '../../src/core/report-schema';
import { loadWrongMatches, wrongMatchReport } from '../../src/extension/wrong-matches';
import { copyText, download, downloadText, exportText, safeJson } from './exports';

async function downloadWrongMatches(): Promise<void> {
  const now = new Date();
  downloadText(safeJson(wrongMatchReport(await loadWrongMatches(), now)), `evidence-lens-wrong-matches-${now.toISOString().slice(0, 10)}.json`, 'application/json');
}

export function ExportBar({ report }: { report: Report }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => setCopied((await copyText(exportText(report, 'markdown'))) ? 'Copied as Markdown.' : 'Copying failed; use a download instead.');
  return (
    <div class="exports" role="group" aria-label="Export the report">
      <button type="button" onClick={() => download(report, 'markdown')}>Markdown</button>
      <button type="button" onClick={() => download(report, 'json')}>JSON</button>
      <button type="button" onClick={() => download(report, 'claimreview')}>ClaimReview</button>
      <button type="button" onClick={() => download(report, 'webannotation')}>Web Annotation</button>
      <button type="button" onClick={() => download(report, 'csv')}>CSV</button>
      <button type="button" onClick={() => void copy()}>Copy</button>
      <button type="button" onClick={() => void downloadWrongMatches()}>Wrong-match report</button>
      <span class="copied" role="status" aria-live="polite">{copied}</span>
    </div>
  );
}
