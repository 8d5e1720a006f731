/**
 * grade: claim matches -> labels and flags. The label is the matched claim's evidence level
 * (or `not-reviewed`); each flag is one small rule over the match, applied in order.
 */
import { hasCitationMark } from './cite/patterns';
import type { ClaimMatch } from './match';
import { isWeakerThan, type Flag, type Level } from './levels';

export interface GradedClaim extends ClaimMatch {
  label: Level;
  flags: Flag[];
  /** What the database knows instead, when the `outdated` flag is set. */
  outdatedNote: string | null;
}


const endorses = (m: ClaimMatch) => m.stance === 'asserts' || m.stance === 'reports';

const FLAG_RULES: Record<Flag, (m: ClaimMatch, label: Level) => boolean> = {
  // Certain words ("proven", "safe and effective"), or a flat unhedged statement, over evidence
  // weaker than small supportive RCTs: "LDN reduces glial activation" says more than is known.
  // Reporting what a named study found ("Younger et al. (2013) found...") is not overstating.
  overstated: (m, label) => endorses(m) && label !== 'not-reviewed' && isWeakerThan(label, 'rct-support')
    && (Boolean(m.cues.certainty) || (m.stance === 'asserts' && !m.hedged && !hasCitationMark(m.sentence.text, m.sentence.links))),
  // "A study found" with nothing to find the study by.
  'unsourced-study': (m) => m.stance !== 'denies' && Boolean(m.cues['study-claim']) && !hasCitationMark(m.sentence.text, m.sentence.links),
  outdated: (m) => Boolean(m.claim?.outdated?.when.some((c) => m.sentenceConcepts.includes(c))),
  negated: (m) => m.stance === 'denies',
};

export function grade(matches: ClaimMatch[]): GradedClaim[] {
  return matches.map((m) => {
    const label: Level = m.claim?.level ?? 'not-reviewed';
    const flags = (Object.keys(FLAG_RULES) as Flag[]).filter((f) => FLAG_RULES[f](m, label));
    return { ...m, label, flags, outdatedNote: flags.includes('outdated') ? m.claim!.outdated!.note : null };
  });
}
