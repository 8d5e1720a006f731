/**
 * Reading the page's stance towards a claim it mentions: does it assert it, relay it, deny it or
 * attribute it to others? Read from the sentence's cues (src/core/db.ts lists their kinds), with
 * care for negations that belong to the claim's own wording.
 */
import type { CompiledClaim, CueKind } from './db';
import type { Hit } from './forms';
import type { Stance } from './levels';
import type { Token } from './tokens';

/** A negation cue may follow what it negates by this many words ("pain did not improve"). */
const NEGATION_AFTER_WINDOW = 3;

/** A question mark at the end, or an FAQ's "Q:" in front. */
export const QUESTION = /\?['"”’)\]]*$|^Q\s*[:.]\s/;
/** "A: No — ..." answers a question; that "No" denies nothing in what follows. */
export const ANSWER_NO = /^(?:A\s*:\s*)?no\s*[—–,.!:-]/i;

const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when']);

export function stanceOf(claim: CompiledClaim | null, cues: Hit<CueKind>[], groups: Hit<string>[][], tokens: Token[], distancedByLeadIn: boolean): Stance {
  // A claim worded as a negative ("is not addictive") is asserted by its own "not" and denied
  // only by a refutation ("it is a myth that it is not addictive").
  // A claim that something is harmless is supported, not denied, by "no more common than placebo".
  const negating = claim?.nullResultSupports ? cues.filter((c) => c.key !== 'null-result') : cues;
  const denied = claim?.phrasedNegatively ? cues.some((c) => c.key === 'refutation') : isNegated(negating, groups, tokens);
  if (denied) return 'denies';
  if (distancedByLeadIn || cues.some((c) => c.key === 'distancing')) return 'distances';
  if (cues.some((c) => c.key === 'reported-speech')) return 'reports';
  return 'asserts';
}

/**
 * A negation denies the claim when it covers one of the claim's parts entirely: every word
 * of some group is, within one clause, after the negation ("LDN did not reduce pain") or just
 * before it ("pain did not improve"). "LDN is not a painkiller, but it eases migraine" is not a
 * denial: "eases" sits in another clause. A relative clause opened after the claim's word holds
 * its own negation: in "IBS that does not respond to diet" the "not" is about the diet.
 */
function isNegated(cues: Hit<CueKind>[], groups: Hit<string>[][], tokens: Token[]): boolean {
  const negations = cues.filter((c) => c.key === 'negation' || c.key === 'refutation' || c.key === 'null-result');
  if (negations.length === 0) return false;
  const breaks = cues.filter((c) => c.key === 'clause-break').map((c) => c.first);
  const relatives: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (RELATIVE_PRONOUNS.has(tokens[i]!.norm)) relatives.push(i);
  const inScope = (t: Hit<string>) => negations.some((neg) => {
    // "no better than placebo" holds its own target word.
    if (neg.first <= t.last && neg.last >= t.first) return true;
    const before = neg.last < t.first;
    const [from, to] = before ? [neg.last, t.first] : [t.last, neg.first];
    // A null result ("...a difference that was not significant") reaches back over the whole clause.
    if (!before && neg.key !== 'null-result' && neg.first - t.last > NEGATION_AFTER_WINDOW) return false;
    return !breaks.some((b) => b > from && b < to) && (before || neg.key === 'null-result' || !relatives.some((r) => r > from && r < to));
  });
  return groups.some((g) => g.length > 0 && g.every(inScope));
}

/**
 * A negation written into one of the claim's own forms is part of the claim: "not addictive"
 * is a claim, not a denial (but "made no difference" still denies, since `..` skipped the "no").
 * Negations inside a pseudo-negation ("not only") deny nothing.
 */
export function cuesOutside(cues: Hit<CueKind>[], own: Hit<string>[]): Hit<CueKind>[] {
  const ownWords = new Set<number>();
  for (const h of own) for (const w of h.words) ownWords.add(w);
  const negations = new Set(realNegations(cues));
  return cues.filter((c) => c.key !== 'negation' || (negations.has(c) && !c.words.every((w) => ownWords.has(w))));
}

/**
 * Negation cues that negate something: not inside a pseudo-negation ("not only"), and not
 * nested in a longer negation cue ("no better than" counts once, not as "no" and "no better").
 */
function realNegations(cues: Hit<CueKind>[]): Hit<CueKind>[] {
  const pseudo = cues.filter((c) => c.key === 'pseudo-negation');
  const negations = cues.filter((c) => c.key === 'negation' && !pseudo.some((p) => c.first <= p.last && c.last >= p.first));
  return negations.filter((c) => !negations.some((o) => o !== c && o.first <= c.first && o.last >= c.last && o.last - o.first > c.last - c.first));
}
