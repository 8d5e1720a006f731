/**
 * The report as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the format fact
 * checkers publish and search engines read. One ClaimReview per reviewed claim: what the page
 * says (`itemReviewed`, with a text-fragment link to the sentence), our verdict (`reviewRating`,
 * the evidence level as a 1–8 scale plus its words) and the deciding studies (`citation`).
 * `not-reviewed` claims have no verdict, so they are left out. Pure: no clock, no network.
 */
import { LEVELS, type Level } from '../levels';
import type { Report, ReportClaim, StudyRef } from '../report-schema';
import { studyLinks } from './summary';
import { claimLink } from './text-fragment';

export const CLAIMREVIEW_AUTHOR = 'Evidence Lens';

/**
 * ClaimReview ratings are numbers with a best and a worst value. Ours: 8 = established down to
 * 1 = no published evidence, in the order of LEVELS (strongest first), `not-reviewed` excluded.
 */
const RATED = LEVELS.filter((l) => l.value !== 'not-reviewed');
export const BEST_RATING = RATED.length;
export const WORST_RATING = 1;

export function ratingValue(level: Level): number | null {
  const i = RATED.findIndex((l) => l.value === level);
  return i === -1 ? null : BEST_RATING - i;
}

export interface JsonLdObject {
  '@type': string;
  [key: string]: unknown;
}

export interface ClaimReviewDocument {
  '@context': 'https://schema.org';
  '@graph': JsonLdObject[];
}

function studyNode(s: StudyRef): JsonLdObject {
  const links = studyLinks(s).map((l) => l.url);
  return {
    '@type': 'ScholarlyArticle',
    name: s.title,
    ...(s.authors ? { author: s.authors } : {}),
    ...(s.year ? { datePublished: String(s.year) } : {}),
    ...(s.journal ? { isPartOf: { '@type': 'Periodical', name: s.journal } } : {}),
    ...(links.length ? { url: links[0], sameAs: links } : {}),
    abstract: s.finding,
  };
}

function reviewOf(report: Report, c: ReportClaim): JsonLdObject | null {
  const value = ratingValue(c.label);
  if (value === null) return null;
  const url = report.source.url;
  const appearance: JsonLdObject = {
    '@type': 'CreativeWork',
    ...(url ? { url: claimLink(url, report.articleText, c) } : {}),
    ...(report.source.title ? { headline: report.source.title } : {}),
    text: c.sentence,
  };
  const notes = [c.rationale, c.outdatedNote, c.asserted ? null : 'The page itself disputes or questions this claim.'].filter(Boolean);
  return {
    '@type': 'ClaimReview',
    datePublished: report.generatedAt.slice(0, 10),
    author: { '@type': 'Organization', name: CLAIMREVIEW_AUTHOR },
    claimReviewed: c.statement ?? c.sentence,
    itemReviewed: { '@type': 'Claim', appearance },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: c.labelText,
      ratingExplanation: notes.join(' ') || c.labelText,
    },
    ...(c.rationale ? { reviewBody: c.rationale } : {}),
    citation: c.studies.map((id) => report.studies[id]).filter((s): s is StudyRef => s !== undefined).map(studyNode),
  };
}

export function formatClaimReview(report: Report): ClaimReviewDocument {
  const graph = report.claims.map((c) => reviewOf(report, c)).filter((r): r is JsonLdObject => r !== null);
  return { '@context': 'https://schema.org', '@graph': graph };
}
