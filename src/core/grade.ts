/**
 * grade: claim matches -> labels and flags. The label is the matched claim's evidence level
 * (or `not-reviewed`); each flag is one small rule over the match, applied in order.
 */
import { hasCitationMark } from './cite/patterns';
import type { ClaimMatch } from './match';
import { isWeakerThan, LEVEL_VALUES, type Flag, type Level } from './levels';
import type { Sentence } from './segment';

export interface GradedClaim extends ClaimMatch {
  label: Level;
  flags: Flag[];
  /** What the database knows instead, when the `outdated` flag is set. */
  outdatedNote: string | null;
}

/**
 * Whether each sentence names its source, read once per sentence and only when a rule asks. A
 * sentence's claims come one after another, so the latest sentence's answer is kept.
 */
class Citations {
  private sentence: Sentence | null = null;
  private answer = false;

  of(sentence: Sentence): boolean {
    if (sentence !== this.sentence) {
      this.answer = hasCitationMark(sentence.text, sentence.links);
      this.sentence = sentence;
    }
    return this.answer;
  }
}

const endorses = (m: ClaimMatch) => m.stance === 'asserts' || m.stance === 'reports';

/** The levels weaker than small supportive RCTs, asked of every claim: a set answers without ranking both levels. */
const WEAKER_THAN_RCT_SUPPORT = new Set(LEVEL_VALUES.filter((level) => isWeakerThan(level, 'rct-support')));

type FlagRule = (m: ClaimMatch, label: Level, citations: Citations) => boolean;

const FLAG_RULES: Record<Flag, FlagRule> = {
  // Certain words ("proven", "safe and effective"), or a flat unhedged statement, over evidence
  // weaker than small supportive RCTs: "LDN reduces glial activation" says more than is known.
  // Reporting what a named study found ("Younger et al. (2013) found...") is not overstating.
  overstated: (m, label, citations) => endorses(m) && label !== 'not-reviewed' && WEAKER_THAN_RCT_SUPPORT.has(label)
    && (Boolean(m.cues.certainty) || (m.stance === 'asserts' && !m.hedged && !citations.of(m.sentence))),
  // "A study found" with nothing to find the study by.
  'unsourced-study': (m, _label, citations) => m.stance !== 'denies' && Boolean(m.cues['study-claim']) && !citations.of(m.sentence),
  outdated: (m) => Boolean(m.claim?.outdated?.when.some((c) => m.sentenceConcepts.includes(c))),
  negated: (m) => m.stance === 'denies',
};

/** The rules in order with their flags: looking each rule up by its flag, per claim, cost more than applying it. */
const RULES_IN_ORDER = Object.entries(FLAG_RULES) as [Flag, FlagRule][];

/** Every field of T, optional ones included, required: see `graded`. */
type EveryField<T> = { [K in keyof T]-?: T[K] | undefined };

export function grade(matches: ClaimMatch[]): GradedClaim[] {
  const citations = new Citations();
  const graded: GradedClaim[] = [];
  for (const m of matches) graded.push(gradeClaim(m, citations));
  return graded;
}

function gradeClaim(m: ClaimMatch, citations: Citations): GradedClaim {
  const label: Level = m.claim?.level ?? 'not-reviewed';
  const flags: Flag[] = [];
  let outdatedNote: string | null = null;
  for (const [flag, applies] of RULES_IN_ORDER) {
    if (!applies(m, label, citations)) continue;
    flags.push(flag);
    if (flag === 'outdated') outdatedNote = m.claim!.outdated!.note;
  }
  // Field by field rather than `{ ...m, label, ... }`: V8 adds properties to a spread copy on a
  // slow path (about 2 µs a claim, most of grading). `satisfies` makes leaving out any field of
  // ClaimMatch, an optional one added later included, a type error.
  return {
    sentence: m.sentence,
    claim: m.claim,
    stance: m.stance,
    hedged: m.hedged,
    concepts: m.concepts,
    contextConcepts: m.contextConcepts,
    words: m.words,
    score: m.score,
    sentenceConcepts: m.sentenceConcepts,
    cues: m.cues,
    label,
    flags,
    outdatedNote,
  } satisfies EveryField<GradedClaim>;
}
