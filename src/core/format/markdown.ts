/**
 * The report as Markdown, for pasting into notes, tickets and articles. Page text is escaped,
 * so a sentence can never become a link, an image or HTML in whatever renders the export.
 */
import { FLAG_TEXT } from '../levels';
import type { Report } from '../report-schema';
import { studyCitation, studyLinks, summaryLine, trialStatusText } from './summary';
import { claimLink } from './text-fragment';

/** Escapes every character Markdown (CommonMark and GFM) gives meaning to, and HTML's `<` and `&`. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~"]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : `\\${ch}`)).replace(/\s+/g, ' ');
}

export function formatMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Evidence Lens report: ${escapeMarkdown(report.source.title ?? 'untitled page')}`);
  out.push('');
  if (report.source.url) out.push(`Source: <${encodeURI(report.source.url).replace(/[<>]/g, '')}>  `);
  out.push(`Checked ${report.generatedAt.slice(0, 10)} with claims database ${escapeMarkdown(report.database.version)}.  `);
  out.push(`**${escapeMarkdown(summaryLine(report))}**`);
  out.push('');
  for (const n of report.notices) out.push(`> ${escapeMarkdown(n.message)}`);
  if (report.notices.length > 0) out.push('');
  out.push('## Claims');
  out.push('');
  report.claims.forEach((c, i) => {
    const flags = [...c.flags.map((f) => FLAG_TEXT[f]), ...(c.hedged ? ['hedged'] : [])];
    // A text-fragment link opens the page at the sentence; its URL is percent-encoded, so safe in a Markdown link.
    const link = report.source.url ? ` ([in the page](${claimLink(report.source.url, report.articleText, c).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29'))}))` : '';
    out.push(`${i + 1}. **${c.labelText}**${flags.length ? ` (${flags.join(', ')})` : ''}: “${escapeMarkdown(c.sentence)}”${link}`);
    if (c.statement) out.push(`   - Claim: ${escapeMarkdown(c.statement)}`);
    if (c.rationale) out.push(`   - Why: ${escapeMarkdown(c.rationale)}`);
    if (c.outdatedNote) out.push(`   - Outdated: ${escapeMarkdown(c.outdatedNote)}`);
    for (const id of c.studies) {
      const s = report.studies[id];
      if (!s) continue;
      const links = studyLinks(s).map((l) => `[${escapeMarkdown(l.label)}](${l.url})`).join(', ');
      const status = trialStatusText(s.trial);
      out.push(`   - Study: ${escapeMarkdown(studyCitation(s))}${links ? `, ${links}` : ''}${status ? ` (${status})` : ''}`);
    }
  });
  if (report.claims.length === 0) out.push('No claims about LDN were found.');
  out.push('');
  out.push(`*${escapeMarkdown(report.disclaimer)}*`);
  return out.join('\n') + '\n';
}
