/**
 * Exports of a report: files downloaded through a Blob URL and `<a download>` (no `downloads`
 * permission needed), and copying to the clipboard.
 */
import { formatClaimReview } from '../../src/core/format/claimreview';
import { formatCsv } from '../../src/core/format/csv';
import { formatMarkdown } from '../../src/core/format/markdown';
import { formatWebAnnotations } from '../../src/core/format/web-annotation';
import type { Report } from '../../src/core/report-schema';

export type ExportKind = 'markdown' | 'json' | 'claimreview' | 'webannotation' | 'csv';

export function exportText(raw: Report, kind: ExportKind): string {
  const report = wellFormed(raw);
  if (kind === 'markdown') return formatMarkdown(report);
  if (kind === 'json') return safeJson(report);
  if (kind === 'webannotation') return safeJson(formatWebAnnotations(report));
  if (kind === 'csv') return formatCsv(report);
  return safeJson(formatClaimReview(report));
}

/**
 * The report with every lone surrogate (page text can hold one) replaced by U+FFFD, one code unit
 * for one, so offsets still hold. Without it `encodeURIComponent` in the ClaimReview's text-fragment
 * links throws (found by tests/robustness/fuzz.test.ts), and a file would carry invalid UTF-16.
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)])) as T;
  return value;
}

/**
 * JSON with `<`, `>`, `&` and the two JavaScript line terminators written as `\u` escapes: the
 * same data to any JSON parser, and safe to paste into an HTML `<script type="application/ld+json">`
 * (a sentence holding `</script>` cannot close the element it is pasted into).
 */
export function safeJson(value: unknown): string {
  const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (ch) => escapes[ch]!) + '\n';
}

const FILES: Record<ExportKind, { ext: string; mime: string }> = {
  markdown: { ext: 'md', mime: 'text/markdown' },
  json: { ext: 'json', mime: 'application/json' },
  claimreview: { ext: 'claimreview.jsonld', mime: 'application/ld+json' },
  webannotation: { ext: 'annotations.jsonld', mime: 'application/ld+json' },
  csv: { ext: 'csv', mime: 'text/csv' },
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
  downloadText(exportText(report, kind), fileName(report, kind), FILES[kind].mime);
}

/** Saves `text` as a file named `name`. */
export function downloadText(text: string, name: string, mime: string): void {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
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
