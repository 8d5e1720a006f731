/** Export buttons: Markdown, JSON, ClaimReview JSON-LD downloads, and copy as Markdown. */
import { useState } from 'preact/hooks';
import type { Report } from '../../src/core/report-schema';
import { copyText, download, exportText } from './exports';

export function ExportBar({ report }: { report: Report }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => setCopied((await copyText(exportText(report, 'markdown'))) ? 'Copied as Markdown.' : 'Copying failed; use a download instead.');
  return (
    <div class="exports" role="group" aria-label="Export the report">
      <button type="button" onClick={() => download(report, 'markdown')}>Markdown</button>
      <button type="button" onClick={() => download(report, 'json')}>JSON</button>
      <button type="button" onClick={() => download(report, 'claimreview')}>ClaimReview</button>
      <button type="button" onClick={() => void copy()}>Copy</button>
      <span class="copied" role="status" aria-live="polite">{copied}</span>
    </div>
  );
}
