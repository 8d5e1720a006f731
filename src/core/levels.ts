/**
 * The label vocabulary (DESIGN.md, "Evidence levels"), strongest first.
 * `rank` orders levels: a lower rank is stronger evidence. Grading compares ranks,
 * so the order of this table is part of the contract.
 */
export const LEVELS = [
  { value: 'established', text: 'Established', meaning: 'Regulatory approval, a guideline, or consistent RCTs or a systematic review.' },
  { value: 'rct-support', text: 'Small RCTs support', meaning: 'At least one randomised trial supports it, but trials are few or small.' },
  { value: 'rct-mixed', text: 'Mixed RCT results', meaning: 'Randomised trials disagree.' },
  { value: 'rct-against', text: 'Contradicted by RCT', meaning: 'Randomised trials found no benefit, or found the opposite.' },
  { value: 'no-rct', text: 'No RCT', meaning: 'Only open-label, pilot, observational or retrospective human data.' },
  { value: 'case-reports-only', text: 'Case reports only', meaning: 'Only case reports, case series or anecdotes.' },
  { value: 'preclinical-only', text: 'Lab or animal studies only', meaning: 'Only mechanistic, test-tube or animal work.' },
  { value: 'no-evidence', text: 'No published evidence', meaning: 'Nothing published supports it.' },
  { value: 'not-reviewed', text: 'Not yet reviewed', meaning: 'A checkable claim about LDN that the database does not cover yet.' },
] as const;

export type Level = (typeof LEVELS)[number]['value'];
/** Levels a database claim may carry: `not-reviewed` is only ever assigned by the matcher. */
export type ReviewedLevel = Exclude<Level, 'not-reviewed'>;

export const LEVEL_VALUES = LEVELS.map((l) => l.value) as [Level, ...Level[]];
export const REVIEWED_LEVEL_VALUES = LEVEL_VALUES.filter((v) => v !== 'not-reviewed') as [ReviewedLevel, ...ReviewedLevel[]];

const byValue = new Map(LEVELS.map((l, rank) => [l.value as Level, { ...l, rank }]));

export function levelText(level: Level): string {
  return byValue.get(level)!.text;
}

/** True when `level` is weaker evidence than `than` (`not-reviewed` counts as weakest). */
export function isWeakerThan(level: Level, than: Level): boolean {
  return byValue.get(level)!.rank > byValue.get(than)!.rank;
}

export const FLAGS = ['overstated', 'unsourced-study', 'outdated', 'negated'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_TEXT: Record<Flag, string> = {
  overstated: 'Overstated',
  'unsourced-study': 'Unsourced study',
  outdated: 'Outdated',
  negated: 'Page disputes this',
};

/**
 * How the page relates to a claim it mentions. Only `asserts` and `reports` count as the page
 * endorsing it. (Questions are not claims: they are not reported at all.)
 */
export const STANCES = ['asserts', 'reports', 'denies', 'distances'] as const;
export type Stance = (typeof STANCES)[number];

export const CITATION_STATUSES = ['verified', 'unverified', 'mismatch', 'off-topic'] as const;
export type CitationStatus = (typeof CITATION_STATUSES)[number];

export const CITATION_STATUS_TEXT: Record<CitationStatus, string> = {
  verified: 'Verified',
  unverified: 'Unverified citation',
  mismatch: 'Details differ',
  'off-topic': 'Not about LDN',
};

export const DISCLAIMER =
  'Evidence Lens describes published evidence; it is not medical advice. Talk to a clinician before starting, stopping or changing any treatment.';
