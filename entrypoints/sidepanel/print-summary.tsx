/**
 * The printable summary a clinician can hand to a patient: the page's title and address, the date
 * of the check, each claim with its label in words, the one-line why, the studies, the status of
 * the page's own citations, and the not-medical-advice line. Rendered (as text, by Preact) into
 * the page's `#print` element, which the print stylesheet shows instead of the panel; then the
 * browser's print dialog opens. Cleared again after printing.
 */
import { render } from 'preact';
import { CITATION_STATUS_TEXT, FLAG_TEXT } from '../../src/core/levels';
import { studyCitation, studyLinks, summaryLine } from '../../src/core/format/summary';
import type { Report } from '../../src/core/report-schema';
import { LABEL_STYLES } from '../../src/extension/label-style';

export function checkedOn(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso.slice(0, 10) : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function PrintSummary({ report }: { report: Report }) {
  return (
    <article class="print-summary" aria-label="Printable summary">
      <h1>Evidence Lens: what the evidence says</h1>
      <p class="print-disclaimer"><strong>{report.disclaimer}</strong></p>
      <dl class="print-meta">
        <dt>Page</dt><dd>{report.source.title ?? 'Untitled page'}</dd>
        {report.source.url && <><dt>Address</dt><dd class="print-url">{report.source.url}</dd></>}
        <dt>Checked on</dt><dd>{checkedOn(report.generatedAt)}</dd>
      </dl>
      <p class="summary">{summaryLine(report)}</p>
      {report.claims.length === 0
        ? <p>No health claims about LDN were found on this page. That is not a verdict on the page.</p>
        : (
          <ol class="print-claims">
            {report.claims.map((c, i) => (
              <li key={i}>
                <p class="print-label"><span aria-hidden="true">{LABEL_STYLES[c.label].icon}</span> <strong>{c.labelText}</strong>
                  {c.flags.length > 0 && ` (${c.flags.map((f) => FLAG_TEXT[f]).join(', ')})`}</p>
                <p class="print-sentence">The page says: “{c.sentence}”</p>
                {c.statement && <p>Claim: {c.statement}</p>}
                <p>Why: {c.rationale ?? 'This claim is not in the claims database yet; it has not been checked.'}</p>
                {c.citations.map((ci) => report.citations[ci]).filter((x) => x !== undefined).map((x, j) => (
                  <p key={`c${j}`}>The page's citation: {CITATION_STATUS_TEXT[x.status]}.</p>
                ))}
                {c.studies.length > 0 && (
                  <ul class="print-studies">
                    {c.studies.map((id) => {
                      const s = report.studies[id];
                      if (!s) return null;
                      const link = studyLinks(s)[0];
                      return <li key={id}>{studyCitation(s)} ({s.design}{s.participants ? `, ${s.participants} people` : ''}).{link ? ` ${link.url}` : ''}</li>;
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      <p class="print-disclaimer">{report.disclaimer}</p>
      <p class="print-footer">Made with Evidence Lens, claims database {report.database.version}.</p>
    </article>
  );
}

/** Puts the summary in the print area and opens the print dialog; the area is emptied after printing. */
export function printSummary(report: Report): void {
  const root = document.getElementById('print');
  if (!root) return;
  render(<PrintSummary report={report} />, root);
  window.addEventListener('afterprint', () => render(null, root), { once: true });
  window.print();
}
