/**
 * grade: claim matches -> labels and flags. The label is the matched claim's evidence level
 * (or `not-reviewed`); each flag is one small rule over the match, applied in order.
 */
import { hasCitationMark } from './cite/patterns';
import type { ClaimMatch } from './match';
import { isWeakerThan, type Flag, type Level } from './levels';
import type { Sentence } from './segment';

export interface GradedClaim extends ClaimMatch {
  label: Level;
  flags: Flag[];
  /** What the database knows instead, when the `outdated` flag is set. */
  outdatedNote: string | null;
}


const endorses = (m: ClaimMatch) => m.stance === 'asserts' || m.stance === 'reports';

/** `cited()`: whether the sentence names its source (read once per sentence, only when a rule asks). */
type FlagRule = (m: ClaimMatch, label: Level, cited: () => boolean) => boolean;

const FLAG_RULES: Record<Flag, FlagRule> = {
  // Certain words ("proven", "safe and effective"), or a flat unhedged statement, over evidence
  // weaker than small supportive RCTs: "LDN reduces glial activation" says more than is known.
  // Reporting what a named study found ("Younger et al. (2013) found...") is not overstating.
  overstated: (m, label, cited) => endorses(m) && label !== 'not-reviewed' && isWeakerThan(label, 'rct-support')
    && (Boolean(m.cues.certainty) || (m.stance === 'asserts' && !m.hedged && !cited())),
  // "A study found" with nothing to find the study by.
  'unsourced-study': (m, _label, cited) => m.stance !== 'denies' && Boolean(m.cues['study-claim']) && !cited(),
  outdated: (m) => Boolean(m.claim?.outdated?.when.some((c) => m.sentenceConcepts.includes(c))),
  negated: (m) => m.stance === 'denies',
};

/** The rules in order with their flags: looking each rule up by its flag, per claim, cost more than applying it. */
const RULES_IN_ORDER = Object.entries(FLAG_RULES) as [Flag, FlagRule][];

export function grade(matches: ClaimMatch[]): GradedClaim[] {
  const citedSentences = new Map<Sentence, boolean>();
  return matches.map((m) => {
    const label: Level = m.claim?.level ?? 'not-reviewed';
    const cited = () => {
      let c = citedSentences.get(m.sentence);
      if (c === undefined) citedSentences.set(m.sentence, (c = hasCitationMark(m.sentence.text, m.sentence.links)));
      return c;
    };
    const flags: Flag[] = [];
    for (const [flag, applies] of RULES_IN_ORDER) if (applies(m, label, cited)) flags.push(flag);
    // Field by field rather than `{ ...m, label, ... }`: V8 adds properties to a spread copy on a
    // slow path (about 2 µs a claim, most of grading). The type requires every field of ClaimMatch.
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
      outdatedNote: flags.includes('outdated') ? m.claim!.outdated!.note : null,
    };
  });
}
