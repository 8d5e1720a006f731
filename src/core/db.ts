/**
 * The compiled claims database: what the build writes from `claims-db/` (see src/db/compile.ts)
 * and what every stage reads. `prepareDb` turns it into lookup structures once per session.
 */
import type { ReviewedLevel } from './levels';
import { Lexicon } from './sentence-words';

/**
 * Cue lists read a sentence's stance rather than its topic. Each is a list of forms.
 * - negation: the page denies what follows ("did not", "no evidence that").
 * - hedge: the page is tentative ("may", "preliminary").
 * - distancing: the page attributes the claim to others it does not endorse ("proponents claim").
 * - reported-speech: the page relays experience without disputing it ("patients say").
 * - certainty: language stronger than most evidence allows ("proven", "game-changer").
 * - study-claim: an appeal to research ("a study found", "research shows").
 * - anaphor: words that refer back to the page's subject ("it", "this medication").
 * - call-to-action: boilerplate that is never a claim ("book a consultation").
 * - clause-break: words that end the scope of a negation ("but", "however").
 * - pseudo-negation: phrases with a negative word that deny nothing ("not only", "no doubt").
 * - refutation: frames that reject a statement outright ("it is a myth that", "no study has
 *   shown that"); they deny a claim worded as a negative, which a plain "not" would only assert.
 * - null-result: a study outcome of no effect ("no better than placebo", "not statistically
 *   significant"); it denies an effect claim anywhere in its clause.
 * - trial-design and finding: a sentence about a trial's design or status ("phase 2, primary
 *   outcome...", "is recruiting") with no finding in it is research status, not a health claim.
 * - agreement: a sentence that restates the one before ("reached the same conclusion").
 * - experiencer: people to whom a treatment happens ("patients", "she", "my"): on a page about
 *   LDN, "she had vivid dreams, which faded" is about LDN even though it does not say so.
 */
export const CUE_KINDS = [
  'negation', 'hedge', 'distancing', 'reported-speech', 'certainty', 'study-claim', 'anaphor',
  'call-to-action', 'clause-break', 'pseudo-negation', 'experiencer', 'refutation', 'null-result', 'trial-design', 'finding', 'agreement',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface CompiledConcept {
  kind: string;
  label: string;
  forms: string[];
}

export interface CompiledPattern {
  all: string[][];
  none: string[];
}

export interface CompiledClaim {
  id: string;
  topic: string;
  condition: string;
  statement: string;
  level: ReviewedLevel;
  rationale: string;
  studies: string[];
  reviewed: string;
  subject: string[];
  patterns: CompiledPattern[];
  outdated: { when: string[]; note: string } | null;
  /** Negation words are part of this claim's wording, not a denial of it (see the source schema). */
  phrasedNegatively: boolean;
  /** A null result ("as common as on placebo") supports this claim (see the source schema). */
  nullResultSupports: boolean;
}

/** What a report and the panel need to show and link a study. */
export interface StudySummary {
  id: string;
  title: string;
  /** For display: "Smith et al.", "Smith & Jones". */
  authors: string | null;
  /** Every author's family name (or organisation), for matching citations. */
  authorFamilies: string[];
  journal: string | null;
  year: number | null;
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  nct: string | null;
  design: string;
  participants: number | null;
  finding: string;
  dose: 'low' | 'standard' | 'none';
  /** True when the page read confirmed title, journal or registry, year and an identifier. */
  verified: boolean;
  /** False when no copy of the work was ever seen: it is known only from other pages' citations. */
  seen: boolean;
  /** CSL type: `speech` is a conference talk, `report` a label or agency document, `dataset` a registry record. */
  type: string;
  /** A registered trial's status as last seen, and whether it posted results (null: not known). */
  trial: { status: string; resultsPosted: boolean | null; asOf: string | null } | null;
}

export interface CompiledDb {
  format: 'evidence-lens/db@1';
  /** Content hash of the sources, so a report says exactly which database graded it. */
  version: string;
  /** The most recent review date of any claim. */
  reviewed: string;
  concepts: Record<string, CompiledConcept>;
  cues: Record<CueKind, string[]>;
  claims: CompiledClaim[];
  studies: Record<string, StudySummary>;
}

export interface PreparedDb {
  compiled: CompiledDb;
  lexicon: Lexicon;
  /** Claims by every concept their patterns use: the candidates for a sentence come from its concepts. */
  claimsByConcept: Map<string, CompiledClaim[]>;
  conceptKind: Map<string, string>;
}

export function prepareDb(compiled: CompiledDb): PreparedDb {
  const lexicon = new Lexicon(compiled.concepts, compiled.cues, CUE_KINDS);
  const conceptKind = new Map<string, string>();
  for (const [id, c] of Object.entries(compiled.concepts)) conceptKind.set(id, c.kind);
  const claimsByConcept = new Map<string, CompiledClaim[]>();
  for (const claim of compiled.claims) {
    const used = new Set(claim.patterns.flatMap((p) => p.all.flat()));
    for (const concept of used) {
      const list = claimsByConcept.get(concept);
      if (list) list.push(claim);
      else claimsByConcept.set(concept, [claim]);
    }
  }
  return { compiled, lexicon, claimsByConcept, conceptKind };
}
