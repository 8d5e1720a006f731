/**
 * Exports of a report: files downloaded through a Blob URL and `<a download>` (no `downloads`
 * permission needed), and copying to the clipboard.
 */
import { formatClaimReview } from '../../src/core/format/claimreview';
import { formatMarkdown } from '../../src/core/format/markdown';
import type { Report } from '../../src/core/report-schema';

export type ExportKind = 'markdown' | 'json' | 'claimreview';

export function exportText(report: Report, kind: ExportKind): string {
  if (kind === 'markdown') return formatMarkdown(report);
  if (kind === 'json') return JSON.stringify(report, null, 2) + '\n';
  return JSON.stringify(formatClaimReview(report), null, 2) + '\n';
}

const FILES: Record<ExportKind, { ext: string; mime: string }> = {
  markdown: { ext: 'md', mime: 'text/markdown' },
  json: { ext: 'json', mime: 'application/json' },
  claimreview: { ext: 'claimreview.jsonld', mime: 'application/ld+json' },
};

/** `evidence-lens-<host>-<date>`: no page title in file names (titles can hold anything). */
export function fileName(report: Report, kind: ExportKind): string {
  let host = 'pasted-text';
  try {
    if (report.source.url) host = new URL(report.source.url).hostname.replace(/[^a-z0-9.-]/gi, '') || host;
  } catch {
    // keep the default
  }
  return `evidence-lens-${host}-${report.generatedAt.slice(0, 10)}.${FILES[kind].ext}`;
}

export function download(report: Report, kind: ExportKind): void {
  const blob = new Blob([exportText(report, kind)], { type: `${FILES[kind].mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(report, kind);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by the next tick; revoking later keeps the URL valid until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs focus; the old path works from a click handler.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
