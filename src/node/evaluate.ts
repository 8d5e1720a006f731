/**
 * Scores a Report against reviewers' assessments of the same page (the seed assessments in
 * ../shared/evidence/evidence.json, or any set in that shape). An assessed claim is found when a
 * reported claim's sentence overlaps its quote; whitespace is normalised on both sides because
 * pages differ in their spaces (seed 002 keeps non-breaking spaces).
 */
import type { Report, ReportClaim } from '../core/report-schema';

export interface Assessment {
  id: string;
  quote: string;
  evidence_level: string;
  overstated: boolean;
}

export interface PageScore {
  page: string;
  /** Plain sentences (not claims) on the page, and how many of them were reported as claims. */
  plain: number;
  plainReported: number;
  falsePositiveRate: number | null;
  assessed: number;
  found: number;
  recall: number | null;
  labelAccuracy: number | null;
  polarityAccuracy: number | null;
  overstatedAgreement: number | null;
  missed: { quote: string; expected: string }[];
  wrongLabel: { quote: string; expected: string; got: string; claimId: string | null }[];
  wrongPolarity: { quote: string; stance: string }[];
  unassessed: { sentence: string; label: string; claimId: string | null }[];
  counts: { labelRight: number; polarityRight: number; overstatedRight: number };
}

/** Assessments of things that are not health claims (cost, logistics) are not scored. */
const NOT_SCORED = new Set(['not-a-health-claim']);

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();

export function evaluatePage(page: string, report: Report, assessments: Assessment[]): PageScore {
  const text = norm(report.articleText);
  const scored = assessments.filter((a) => !NOT_SCORED.has(a.evidence_level));
  const claimSpans = report.claims.map((c) => ({ c, span: [normStart(report.articleText, c.start), normStart(report.articleText, c.end)] as const }));
  const used = new Set<ReportClaim>();
  const score: PageScore = {
    page, plain: 0, plainReported: 0, falsePositiveRate: null, assessed: scored.length, found: 0, recall: null, labelAccuracy: null, polarityAccuracy: null, overstatedAgreement: null,
    missed: [], wrongLabel: [], wrongPolarity: [], unassessed: [], counts: { labelRight: 0, polarityRight: 0, overstatedRight: 0 },
  };
  for (const a of assessments) {
    const q = norm(a.quote);
    const at = locate(text, q);
    const overlapping = at < 0 ? [] : claimSpans.filter(({ span }) => span[0] < at + q.length && span[1] > at).map(({ c }) => c);
    for (const c of overlapping) used.add(c);
    if (NOT_SCORED.has(a.evidence_level)) continue;
    if (overlapping.length === 0) {
      score.missed.push({ quote: a.quote, expected: a.evidence_level });
      continue;
    }
    score.found++;
    // The best of several claims on one sentence is the one whose label agrees, if any does.
    const best = overlapping.find((c) => c.label === a.evidence_level) ?? overlapping[0]!;
    if (best.label === a.evidence_level) score.counts.labelRight++;
    else score.wrongLabel.push({ quote: a.quote, expected: a.evidence_level, got: best.label, claimId: best.claimId });
    // Every assessment restates what its page asserts, so the right reading is "asserted".
    if (best.asserted) score.counts.polarityRight++;
    else score.wrongPolarity.push({ quote: a.quote, stance: best.stance });
    if (best.flags.includes('overstated') === a.overstated) score.counts.overstatedRight++;
  }
  for (const c of report.claims) if (!used.has(c)) score.unassessed.push({ sentence: c.sentence, label: c.label, claimId: c.claimId });
  return finish(score);
}

/**
 * Where a quoted sentence stands in the (normalised) article text: the first occurrence that is
 * not part of a longer word, since a short quote such as a table header ("Condition") may also
 * occur inside another sentence ("conditions").
 */
function locate(text: string, quote: string): number {
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let first = -1;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (first < 0) first = at;
    if (!wordChar(text[at - 1]) && !wordChar(text[at + quote.length])) return at;
  }
  return first;
}

/** Offset in the whitespace-normalised, trimmed text that corresponds to `offset` in the original. */
function normStart(original: string, offset: number): number {
  const lead = original.length - original.trimStart().length;
  return norm(original.slice(0, offset)).length + (offset > lead && /[\s\u00a0]$/.test(original.slice(0, offset)) ? 1 : 0);
}

function finish(s: PageScore): PageScore {
  s.falsePositiveRate = s.plain ? s.plainReported / s.plain : null;
  s.recall = s.assessed ? s.found / s.assessed : null;
  s.labelAccuracy = s.found ? s.counts.labelRight / s.found : null;
  s.polarityAccuracy = s.found ? s.counts.polarityRight / s.found : null;
  s.overstatedAgreement = s.found ? s.counts.overstatedRight / s.found : null;
  return s;
}

export function summarise(pages: PageScore[]): PageScore {
  const total: PageScore = {
    page: 'total', plain: 0, plainReported: 0, falsePositiveRate: null, assessed: 0, found: 0, recall: null, labelAccuracy: null, polarityAccuracy: null, overstatedAgreement: null,
    missed: [], wrongLabel: [], wrongPolarity: [], unassessed: [], counts: { labelRight: 0, polarityRight: 0, overstatedRight: 0 },
  };
  const annotatedForOverstatement = pages.some((p) => p.overstatedAgreement !== null);
  for (const p of pages) {
    total.plain += p.plain;
    total.plainReported += p.plainReported;
    total.assessed += p.assessed;
    total.found += p.found;
    total.counts.labelRight += p.counts.labelRight;
    total.counts.polarityRight += p.counts.polarityRight;
    total.counts.overstatedRight += p.counts.overstatedRight;
    total.unassessed.push(...p.unassessed);
  }
  const scored = finish(total);
  if (!annotatedForOverstatement) scored.overstatedAgreement = null;
  return scored;
}

/**
 * A page annotated sentence by sentence (tests/fixtures/genre-pages/*.gold.json): every sentence
 * is either a claim (with the level a reviewer gives it and whether the page asserts it) or plain.
 * Scores recall, label and polarity as for the seeds, plus the share of plain sentences that were
 * reported as claims.
 */
export interface GoldSentence {
  text: string;
  claim: boolean;
  level?: string;
  asserted?: boolean;
}

export function evaluateGoldPage(page: string, report: Report, gold: GoldSentence[]): PageScore {
  const claims = gold.filter((g) => g.claim);
  const base = evaluatePage(page, report, claims.map((g, i) => ({ id: String(i), quote: g.text, evidence_level: g.level ?? 'not-reviewed', overstated: false })));
  // Polarity: recount against the annotated stance rather than "always asserted".
  base.counts.polarityRight = 0;
  base.wrongPolarity = [];
  const text = norm(report.articleText);
  const spans = report.claims.map((c) => ({ c, from: normStart(report.articleText, c.start), to: normStart(report.articleText, c.end) }));
  const reportedAt = (g: GoldSentence) => {
    const q = norm(g.text);
    const at = locate(text, q);
    return at < 0 ? [] : spans.filter((x) => x.from < at + q.length && x.to > at).map((x) => x.c);
  };
  for (const g of claims) {
    const found = reportedAt(g);
    if (found.length === 0) continue;
    const best = found.find((c) => c.label === g.level) ?? found[0]!;
    if (best.asserted === (g.asserted ?? true)) base.counts.polarityRight++;
    else base.wrongPolarity.push({ quote: g.text, stance: best.stance });
  }
  // Here "unassessed" lists the plain sentences reported as claims: the false positives.
  base.unassessed = [];
  for (const g of gold.filter((x) => !x.claim)) {
    base.plain++;
    const reported = reportedAt(g);
    if (reported.length > 0) {
      base.plainReported++;
      base.unassessed.push({ sentence: g.text, label: reported[0]!.label, claimId: reported[0]!.claimId });
    }
  }
  // These pages are not annotated for overstatement.
  const scored = finish(base);
  scored.overstatedAgreement = null;
  return scored;
}
