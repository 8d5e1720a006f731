/**
 * The report's claims as CSV (RFC 4180) for spreadsheets: one row per claim. Cells are quoted
 * when needed, and page text that a spreadsheet would run as a formula (a cell starting with
 * `=`, `+`, `-`, `@`, tab or return) is prefixed with an apostrophe, so a page cannot plant a
 * formula in a journalist's spreadsheet.
 */
import type { Report } from '../report-schema';
import { studyLinks } from './summary';
import { claimLink } from './text-fragment';

const COLUMNS = ['sentence', 'label', 'label_text', 'asserted', 'stance', 'hedged', 'flags', 'claim_id', 'statement', 'rationale', 'studies', 'section', 'start', 'end', 'link'] as const;

export function formatCsv(report: Report): string {
  const rows = report.claims.map((c) => {
    const studies = c.studies.map((id) => {
      const s = report.studies[id];
      const first = s ? studyLinks(s)[0] : undefined;
      return first ? `${id} (${first.url})` : id;
    });
    return [
      c.sentence, c.label, c.labelText, String(c.asserted), c.stance, String(c.hedged), c.flags.join(' '), c.claimId ?? '',
      c.statement ?? '', c.rationale ?? '', studies.join('; '), c.section ?? '', String(c.start), String(c.end),
      report.source.url ? claimLink(report.source.url, report.articleText, c) : '',
    ];
  });
  return [COLUMNS as readonly string[], ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
