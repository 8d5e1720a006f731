/**
 * The report's citations: each with its status in words (Verified, Unverified citation, Details
 * differ, Not about LDN) and the reasons, and the same status on the card of each claim whose
 * sentence carries a citation. Page text is rendered as text only.
 */
import { CITATION_STATUS_TEXT, type CitationStatus } from '../../src/core/levels';
import type { Report, ReportCitation } from '../../src/core/report-schema';

/** A glyph per status, decorative only: the words carry the meaning. */
const STATUS_ICON: Record<CitationStatus, string> = { verified: '✓', unverified: '?', mismatch: '≠', 'off-topic': '⊘' };

const KIND_TEXT: Record<ReportCitation['kind'], string> = {
  reference: 'In the reference list',
  identifier: 'An identifier in the page',
  inline: 'In the text',
};

/** Longest quote of a citation's text in the panel; the full text is in the exports. */
const MAX_QUOTE = 400;

const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text);

export function CitationStatusBadge({ status }: { status: CitationStatus }) {
  return (
    <span class="cite-status" data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {CITATION_STATUS_TEXT[status]}
    </span>
  );
}

export function CitationsView({ report }: { report: Report }) {
  if (report.citations.length === 0) {
    return <p class="state" role="status">No citations found: the page names no study, reference or identifier.</p>;
  }
  return (
    <ol class="citations" aria-label="Citations in the page">
      {report.citations.map((c, i) => (
        <li class="citation" key={i} data-status={c.status}>
          <div class="card-head">
            <CitationStatusBadge status={c.status} />
            <span class="cite-kind">{KIND_TEXT[c.kind]}</span>
          </div>
          <p class="cite-text">“{quote(c.text)}”</p>
          {c.reasons.length > 0 && (
            <ul class="cite-reasons" aria-label="Why">
              {c.reasons.map((r, j) => <li key={j}>{r}</li>)}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** On a claim card: the status of each citation the claim's sentence carries, with the reasons when not verified. */
export function ClaimCitations({ report, indexes }: { report: Report; indexes: number[] }) {
  const cited = indexes.flatMap((i) => (report.citations[i] ? [report.citations[i]] : []));
  if (cited.length === 0) return null;
  return (
    <div class="claim-citations">
      <strong>{cited.length === 1 ? 'Its citation:' : 'Its citations:'}</strong>
      <ul>
        {cited.map((c, j) => (
          <li key={j}>
            <CitationStatusBadge status={c.status} />
            {c.status !== 'verified' && c.reasons.length > 0 && <span class="cite-why"> {c.reasons.join(' ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
