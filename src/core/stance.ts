/**
 * Reading the page's stance towards a claim it mentions: does it assert it, relay it, deny it or
 * attribute it to others? Read from the sentence's cues (src/core/db.ts lists their kinds), with
 * care for negations that belong to the claim's own wording.
 */
import { CUE_KINDS, type CompiledClaim, type CueKind } from './db';
import type { Hit } from './forms';
import type { Stance } from './levels';
import type { Sentence } from './segment';
import type { Token } from './tokens';

/** A negation cue may follow what it negates by this many words ("pain did not improve"). */
const NEGATION_AFTER_WINDOW = 3;

/** Closing quotes and brackets that may follow a question mark, `(is it?)`, as character codes. */
const CLOSERS = new Set([...`'"”’)]`].map((c) => c.charCodeAt(0)));
const QUESTION_MARK = 0x3f;
/** An FAQ's "Q:" in front. */
const FAQ_QUESTION = /^Q\s*[:.]\s/;
const Q = 0x51;

/**
 * A question mark at the end (before any closing quotes or brackets), or an FAQ's "Q:" in front.
 * The end is read from the end: a regular expression anchored there tries every position. The
 * "Q:" is looked for only in a text that starts with "Q": running even an anchored regular
 * expression on every sentence cost more than the rest of this test.
 */
export function isQuestion(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text.charCodeAt(end - 1))) end--;
  return text.charCodeAt(end - 1) === QUESTION_MARK || (text.charCodeAt(0) === Q && FAQ_QUESTION.test(text));
}
/** "A: No — ..." answers a question; that "No" denies nothing in what follows. */
const ANSWER_NO = /^(?:A\s*:\s*)?no\s*[—–,.!:-]/i;

const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which', 'that', 'where', 'when']);

/**
 * One bit per cue kind, so a sentence's kinds are one number asked at no cost. Callers ask
 * `SentenceCues.has` by bit: asked by name, the look-up of a kind's bit, from one place for
 * every kind, was a keyed look-up by a different string each time, and cost more than the test.
 */
export const CUE = Object.fromEntries(CUE_KINDS.map((kind, i) => [kind, 1 << i])) as Record<CueKind, number>;
/** Kinds that may deny a claim (see `isNegated`). */
const DENYING = CUE.negation | CUE.refutation | CUE['null-result'];

/**
 * A sentence's cues and what every claim's stance reading asks of them, worked out once per
 * sentence and only when first asked: which kinds it holds, its negations that negate something,
 * its clause breaks and relative pronouns.
 */
export class SentenceCues {
  private readonly kinds: number;
  private negations: Hit<CueKind>[] | undefined;
  /** How many characters of the sentence answer "No" to a question (-1: none). */
  private answerLength: number | undefined;
  private breaks: number[] | undefined;
  private relatives: number[] | undefined;

  constructor(
    readonly all: Hit<CueKind>[],
    private readonly tokens: Token[],
    private readonly sentence: Sentence,
  ) {
    let kinds = 0;
    for (const c of all) kinds |= CUE[c.key];
    this.kinds = kinds;
  }

  /** Whether it holds a cue of the kind whose bit (`CUE`) is `kind`. */
  has(kind: number): boolean {
    return (this.kinds & kind) !== 0;
  }

  /**
   * Whether some cue may deny a claim (a negation, refutation or null result): only then does
   * `stanceOf` look at the claim's groups, and callers need not make them otherwise.
   */
  get mayDeny(): boolean {
    return (this.kinds & DENYING) !== 0;
  }

  /**
   * The cues a claim's stance is read from: all but the negations written into the claim's own
   * words (`own`), those inside a pseudo-negation, and the "No" that answers a question. Only
   * negations are ever left out, so the other kinds are the sentence's (`has`). With no negation
   * in the sentence, this is `all` itself.
   */
  outside(own: Hit<string>[]): Hit<CueKind>[] {
    if (!this.has(CUE.negation)) return this.all;
    const real = this.realNegations();
    return this.all.filter((c) => c.key !== 'negation' || (real.includes(c) && !c.words.every((w) => isOwnWord(w, own)) && !this.answers(c)));
  }

  /** `cues`: from `outside`. `groups`: the claim's words, each group's hits in the sentence. */
  stanceOf(claim: CompiledClaim | null, cues: Hit<CueKind>[], groups: Hit<string>[][], distancedByLeadIn: boolean): Stance {
    // A claim worded as a negative ("is not addictive") is asserted by its own "not" and denied
    // only by a refutation ("it is a myth that it is not addictive").
    // A claim that something is harmless is supported, not denied, by "no more common than placebo".
    const denied = claim?.phrasedNegatively ? this.has(CUE.refutation) : this.isNegated(cues, groups, claim?.nullResultSupports ?? false);
    if (denied) return 'denies';
    if (distancedByLeadIn || this.has(CUE.distancing)) return 'distances';
    if (this.has(CUE['reported-speech'])) return 'reports';
    return 'asserts';
  }

  /**
   * A negation denies the claim when it covers one of the claim's parts entirely: every word
   * of some group is, within one clause, after the negation ("LDN did not reduce pain") or just
   * before it ("pain did not improve"). "LDN is not a painkiller, but it eases migraine" is not a
   * denial: "eases" sits in another clause. A relative clause opened after the claim's word holds
   * its own negation: in "IBS that does not respond to diet" the "not" is about the diet.
   */
  private isNegated(cues: Hit<CueKind>[], groups: Hit<string>[][], nullResultSupports: boolean): boolean {
    if ((this.kinds & DENYING) === 0) return false;
    const negations = cues.filter((c) => c.key === 'negation' || c.key === 'refutation' || (c.key === 'null-result' && !nullResultSupports));
    if (negations.length === 0) return false;
    const inScope = (t: Hit<string>) => negations.some((neg) => this.covers(neg, t));
    return groups.some((g) => g.length > 0 && g.every(inScope));
  }

  private covers(neg: Hit<CueKind>, t: Hit<string>): boolean {
    // "no better than placebo" holds its own target word.
    if (neg.first <= t.last && neg.last >= t.first) return true;
    const before = neg.last < t.first;
    const [from, to] = before ? [neg.last, t.first] : [t.last, neg.first];
    // A null result ("...a difference that was not significant") reaches back over the whole clause.
    if (!before && neg.key !== 'null-result' && neg.first - t.last > NEGATION_AFTER_WINDOW) return false;
    const between = (i: number) => i > from && i < to;
    return !this.clauseBreaks().some(between) && (before || neg.key === 'null-result' || !this.relativePronouns().some(between));
  }

  /**
   * Negation cues that negate something: not inside a pseudo-negation ("not only"), and not
   * nested in a longer negation cue ("no better than" counts once, not as "no" and "no better").
   */
  private realNegations(): Hit<CueKind>[] {
    if (this.negations) return this.negations;
    const pseudo = this.all.filter((c) => c.key === 'pseudo-negation');
    const negations = this.all.filter((c) => c.key === 'negation' && !pseudo.some((p) => c.first <= p.last && c.last >= p.first));
    this.negations = negations.filter((c) => !negations.some((o) => o !== c && o.first <= c.first && o.last >= c.last && o.last - o.first > c.last - c.first));
    return this.negations;
  }

  /** "A: No — ..." answers a question; that "No" denies nothing in what follows. */
  private answers(negation: Hit<CueKind>): boolean {
    this.answerLength ??= ANSWER_NO.exec(this.sentence.text)?.[0].length ?? -1;
    return this.tokens[negation.first]!.end - this.sentence.start <= this.answerLength;
  }

  private clauseBreaks(): number[] {
    this.breaks ??= this.all.filter((c) => c.key === 'clause-break').map((c) => c.first);
    return this.breaks;
  }

  private relativePronouns(): number[] {
    if (!this.relatives) {
      this.relatives = [];
      for (let i = 0; i < this.tokens.length; i++) if (RELATIVE_PRONOUNS.has(this.tokens[i]!.norm)) this.relatives.push(i);
    }
    return this.relatives;
  }
}

/**
 * A negation written into one of the claim's own forms is part of the claim: "not addictive"
 * is a claim, not a denial (but "made no difference" still denies, since `..` skipped the "no").
 */
function isOwnWord(word: number, own: Hit<string>[]): boolean {
  return own.some((h) => h.words.includes(word));
}
