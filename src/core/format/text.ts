/** The report as terminal text: each claim's sentence, one line per claim with its label, the citations, then the summary. */
import { CITATION_STATUS_TEXT, FLAG_TEXT } from '../levels';
import type { Report, ReportClaim } from '../report-schema';
import { summaryLine } from './summary';

export interface TextOptions {
  /** ANSI colours for terminals. */
  color: boolean;
  /** Only the summary line. */
  quiet: boolean;
  /** Sentences longer than this are shortened with an ellipsis. */
  width?: number;
}

const COLOR: Record<string, string> = {
  established: '32', 'rct-support': '32', 'rct-mixed': '33', 'rct-against': '31', 'no-rct': '33',
  'case-reports-only': '33', 'preclinical-only': '33', 'no-evidence': '31', 'not-reviewed': '90',
};

export function formatText(report: Report, { color, quiet, width = 110 }: TextOptions): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  if (quiet) return summaryLine(report) + '\n';
  const labelWidth = Math.max(0, ...report.claims.map((c) => c.labelText.length));
  const lines: string[] = [];
  lines.push(paint('1', `Evidence Lens: ${report.source.title ?? report.source.url ?? 'untitled page'}`));
  lines.push(`${report.source.words} words · read by ${report.source.extractor} · claims database ${report.database.version}`);
  for (const n of report.notices) lines.push(paint('33', `! ${n.message}`));
  lines.push('');
  // A sentence can carry several claims (one per condition): it is quoted once, its claims follow.
  let previous = -1;
  for (const c of report.claims) {
    if (c.start !== previous) lines.push(`“${shorten(c.sentence, width)}”`);
    previous = c.start;
    const label = paint(COLOR[c.label] ?? '0', c.labelText.padEnd(labelWidth));
    lines.push(`    ${label}  ${c.statement ?? 'not in the claims database yet'}${notes(c)}`);
  }
  if (report.citations.length > 0) {
    lines.push('', paint('1', 'Citations'));
    const statusWidth = Math.max(...report.citations.map((c) => CITATION_STATUS_TEXT[c.status].length));
    for (const cit of report.citations) {
      lines.push(`    ${CITATION_STATUS_TEXT[cit.status].padEnd(statusWidth)}  ${shorten(cit.text, width)}`);
      // The reason that decided the status is the last one given (the first says what matched).
      if (cit.status !== 'verified') lines.push(`    ${' '.repeat(statusWidth)}  ${cit.reasons.at(-1)}`);
    }
  }
  if (report.claims.length > 0 || report.citations.length > 0) lines.push('');
  lines.push(paint('1', summaryLine(report)));
  lines.push(report.disclaimer);
  return lines.join('\n') + '\n';
}

function notes(c: ReportClaim): string {
  const n = [...c.flags.map((f) => FLAG_TEXT[f].toLowerCase()), ...(c.hedged ? ['hedged'] : []), ...(c.stance === 'distances' ? ['attributed to others'] : [])];
  return n.length > 0 ? `  [${n.join(', ')}]` : '';
}

function shorten(s: string, width: number): string {
  return s.length <= width ? s : s.slice(0, width - 1).trimEnd() + '…';
}
