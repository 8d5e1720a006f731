/**
 * The report as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so the verdicts
 * load into annotation tools: one Annotation per claim, motivated by `assessing`, whose body is
 * the label and the one-line why, and whose target is the sentence, by a TextQuoteSelector (the
 * exact words with a few words either side; authoritative) and a TextPositionSelector (offsets
 * in the extracted article text, a hint for tools that re-find quotes themselves).
 */
import type { Report, ReportClaim } from '../report-schema';

const CONTEXT_CHARS = 32;

export interface AnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; items: object[] };
}

export function formatWebAnnotations(report: Report): AnnotationCollection {
  const source = report.source.url ?? undefined;
  const items = report.claims.map((c, i) => annotation(report, c, i, source));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: `Evidence Lens: ${report.source.title ?? 'untitled page'}`,
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}

function annotation(report: Report, c: ReportClaim, i: number, source: string | undefined): object {
  const why = [c.statement, c.rationale, c.asserted ? null : 'The page itself disputes or distances itself from this claim.'].filter(Boolean).join(' ');
  return {
    id: `urn:evidence-lens:${report.database.version}:${report.generatedAt}:${i}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: report.generatedAt,
    creator: { type: 'Software', name: 'Evidence Lens' },
    body: [
      { type: 'TextualBody', purpose: 'assessing', format: 'text/plain', language: 'en', value: `${c.labelText}. ${why}`.trim() },
      { type: 'TextualBody', purpose: 'tagging', value: c.label },
    ],
    target: {
      ...(source ? { source } : {}),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: c.sentence,
          prefix: report.articleText.slice(Math.max(0, c.start - CONTEXT_CHARS), c.start),
          suffix: report.articleText.slice(c.end, c.end + CONTEXT_CHARS),
        },
        { type: 'TextPositionSelector', start: c.start, end: c.end },
      ],
    },
  };
}
