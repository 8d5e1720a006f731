/**
 * match: sentences -> claim matches. Each sentence's words are looked up once in the lexicon
 * (concepts) and in the cue lists; the claims whose concepts appear are the candidates, and each
 * candidate's patterns are checked against the sentence and its context (section heading and
 * list lead-in, and what earlier sentences of the paragraph named). The page's stance towards
 * each matched claim is read by stance.ts.
 */
import type { CompiledClaim, CueKind, PreparedDb } from './db';
import { isReferenceHeading } from './reference-heading';
import type { Hit } from './forms';
import type { Stance } from './levels';
import { MAX_CLAIMS_PER_SENTENCE } from './limits';
import type { Sentence } from './segment';
import type { SentenceWords } from './sentence-words';
import type { PageSubject } from './subject';
import { QUESTION, SentenceCues } from './stance';
import { tokenize, type Token } from './tokens';

export interface ClaimMatch {
  sentence: Sentence;
  /** null when the sentence makes a checkable claim about LDN that no database claim covers. */
  claim: CompiledClaim | null;
  stance: Stance;
  hedged: boolean;
  /** Concepts found in the sentence that satisfied the claim. */
  concepts: string[];
  /** Concepts the claim needed that came from the section heading or list lead-in. */
  contextConcepts: string[];
  /** The sentence's own words that matched, in order. */
  words: string[];
  /** How fully the sentence itself states the claim, 0-1 (context and implied subject count less). */
  score: number;
  /** Every concept found in the sentence (grading looks for `outdated` markers among them). */
  sentenceConcepts: string[];
  /** Cue words found in the sentence outside the claim's own words, by kind. */
  cues: Partial<Record<CueKind, string[]>>;
}

// Score weights: a group found in the sentence counts fully; one supplied by the heading or
// lead-in counts less, and so does a subject only implied by "it" on a page about LDN.
const CONTEXT_WEIGHT = 0.5;
const IMPLIED_SUBJECT_WEIGHT = 0.6;
/**
 * An unreviewed claim says what LDN does (an effect word, else a mechanism) to something (a
 * condition, symptom, mechanism or safety matter): "LDN reduces inflammation", not "how it works".
 */
const OBJECT_KINDS = new Set(['condition', 'symptom', 'mechanism', 'safety']);
/**
 * Specificity of a concept is 1 / the number of claims using it. The generic effect words
 * ("helps" in about 80 claims, "reduces" in about 70, "increases" in about 30) fall below this;
 * "less pain" (about 20) and anything rarer pass.
 */
const MIN_SPECIFICITY_WITH_CONTEXT = 1 / 25;

interface Analysed {
  tokens: Token[];
  concepts: Hit<string>[];
  cues: SentenceCues;
}

/** What a list's lead-in lends to its items: its concepts, and its tone. */
interface LeadIn {
  concepts: Set<string>;
  hedged: boolean;
  /** "Claims you will see online:" — the items that follow are others' claims. */
  distanced: boolean;
}

/** Whether a sentence that does not name LDN may be read as being about it. */
type ImpliedSubject = 'yes' | 'no' | 'if-specific';

interface PatternResult {
  claim: CompiledClaim;
  hits: Hit<string>[];
  /** The sentence's hits for each of the pattern's groups that the sentence itself satisfied. */
  groupHits: Hit<string>[][];
  contextConcepts: string[];
  groups: number;
  /** How particular the matched words are: rare concepts (used by few claims) say more than "helps". */
  specificity: number;
  score: number;
}

/** `words[i]` holds sentence i's tokens and concepts (sentence-words.ts). */
export function match(sentences: Sentence[], words: SentenceWords[], subject: PageSubject, db: PreparedDb): ClaimMatch[] {
  const contexts = new Contexts(sentences, words, db);
  const out: ClaimMatch[] = [];
  // What earlier sentences of the same paragraph named (LDN, a condition) carries over:
  // "LDN was tried in Crohn's disease. In a 2011 trial, 88% improved."
  // And a sentence that only agrees with the one before ("A second trial reached the same
  // conclusion") makes the same claims, read the same way.
  let paragraph = { block: -1, topics: new Set<string>(), last: [] as ClaimMatch[] };
  for (const [i, sentence] of sentences.entries()) {
    // A reference list's titles name topics of papers; they are checked by the cite stage, not as claims.
    if (contexts.inReferences(sentence)) continue;
    if (sentence.block !== paragraph.block) paragraph = { block: sentence.block, topics: new Set(), last: [] };
    // A sentence that names no concept claims nothing of its own (`matchSentence` would find
    // nothing); it can only agree with the sentence before, if that made claims.
    if (words[i]!.concepts.length === 0 && paragraph.last.length === 0) continue;
    const a = analyse(sentence, words[i]!, db);
    // A question ("Is LDN safe in pregnancy?", an FAQ's "Q: ...") asks; it claims nothing, and a
    // page that asks is never shown as endorsing.
    const question = QUESTION.test(sentence.text);
    let found = a.concepts.length > 0 && !question ? matchSentence(sentence, a, contexts.sectionTopics(i), contexts.leadIn(i), paragraph.topics, subject, db) : [];
    if (found.length === 0 && paragraph.last.length > 0 && !question && a.cues.has('agreement')) found = agreeing(sentence, a, paragraph.last);
    out.push(...found);
    if (found.some((m) => m.claim)) paragraph.last = found.filter((m) => m.claim);
    for (const h of a.concepts) if (CARRIED_KINDS.has(db.conceptKind.get(h.key) ?? '')) paragraph.topics.add(h.key);
  }
  return out;
}

/** The previous sentence's claims, restated by a sentence that agrees with it. */
function agreeing(sentence: Sentence, a: Analysed, previous: ClaimMatch[]): ClaimMatch[] {
  const cues = groupCues(a.tokens, a.cues.all, sentence);
  return previous.map((m) => ({
    ...m,
    sentence,
    hedged: a.cues.has('hedge'),
    concepts: [],
    contextConcepts: m.concepts,
    words: cues.agreement ?? [],
    // It names nothing itself: its match rests on the sentence before.
    score: Math.round(m.score * CONTEXT_WEIGHT * 100) / 100,
    sentenceConcepts: a.concepts.map((h) => h.key),
    cues,
  }));
}

function analyse(sentence: Sentence, words: SentenceWords, db: PreparedDb): Analysed {
  return { tokens: words.tokens, concepts: words.concepts, cues: new SentenceCues(db.cues.find(words.tokens), words.tokens, sentence) };
}

const CARRIED_KINDS = new Set(['subject', 'condition']);

/**
 * The sentences' contexts on one page, each read once per text: a section heading's topics and
 * a list lead-in's concepts and tone. A heading names topics; its verbs ("Treatment for Pain")
 * do not carry over to the sentences below. A list's lead-in is the first half of each item's
 * sentence: "LDN may ease: - migraine".
 */
class Contexts {
  private readonly sections = new Map<string, Set<string>>();
  private readonly leadIns = new Map<string, LeadIn>();
  private section: string | null = null;
  private referenceList = false;

  constructor(
    private readonly sentences: Sentence[],
    private readonly words: SentenceWords[],
    private readonly db: PreparedDb,
  ) {}

  /** Whether the sentence is under a reference list's heading (sentences come section by section). */
  inReferences(sentence: Sentence): boolean {
    if (sentence.section !== this.section) {
      this.section = sentence.section;
      this.referenceList = this.section !== null && isReferenceHeading(this.section);
    }
    return this.referenceList;
  }

  sectionTopics(i: number): Set<string> | null {
    const text = this.sentences[i]!.section;
    if (text === null) return null;
    let topics = this.sections.get(text);
    if (!topics) {
      const concepts = this.wordsOf(text, i).concepts.filter((h) => this.db.conceptKind.get(h.key) !== 'effect');
      this.sections.set(text, (topics = new Set(concepts.map((h) => h.key))));
    }
    return topics;
  }

  leadIn(i: number): LeadIn | null {
    const text = this.sentences[i]!.leadIn;
    if (text === null) return null;
    let leadIn = this.leadIns.get(text);
    if (!leadIn) {
      const words = this.wordsOf(text, i);
      const cues = this.db.cues.find(words.tokens);
      leadIn = { concepts: new Set(words.concepts.map((h) => h.key)), hedged: cues.some((h) => h.key === 'hedge'), distanced: cues.some((h) => h.key === 'distancing') };
      this.leadIns.set(text, leadIn);
    }
    return leadIn;
  }

  /**
   * The words of a heading or lead-in: those of the sentence with that text a little above
   * sentence i, looked up already, else looked up afresh. (A sentence's concepts and cues depend
   * on its words alone, not on where they are.) The heading or lead-in nearly always sits just
   * above the first sentence that asks; looking no further keeps a page of many headings linear.
   */
  private wordsOf(text: string, i: number): SentenceWords {
    for (let j = i - 1; j >= 0 && j >= i - CONTEXT_REACH; j--) if (this.sentences[j]!.text === text) return this.words[j]!;
    const tokens = tokenize(text);
    return { tokens, concepts: this.db.concepts.find(tokens) };
  }
}

/** How many sentences back `Contexts` looks for a heading's or lead-in's words (see `wordsOf`). */
const CONTEXT_REACH = 16;

function matchSentence(
  sentence: Sentence,
  a: Analysed,
  section: Set<string> | null,
  leadIn: LeadIn | null,
  paragraphTopics: Set<string>,
  subject: PageSubject,
  db: PreparedDb,
): ClaimMatch[] {
  // Boilerplate ("book a consultation") claims nothing.
  if (a.cues.has('call-to-action')) return [];
  const anaphor = a.cues.has('anaphor');
  const contextConcepts = new Set([...(section ?? []), ...(leadIn?.concepts ?? []), ...paragraphTopics]);
  const present = new Map<string, Hit<string>[]>();
  for (const h of a.concepts) {
    const list = present.get(h.key);
    if (list) list.push(h);
    else present.set(h.key, [h]);
  }
  // On a page about LDN, "it", a list item, or a section about a condition or about LDN itself
  // stands for LDN; so does a sentence about people ("she", "patients") that names no other
  // treatment, if its words are specific enough (checked per claim). Headings name topics
  // ("LDN and fibromyalgia"); they claim only what they say outright.
  // A sentence that opens with another treatment ("Exercise can ease fatigue in MS") is about
  // that treatment, whatever section it is in.
  const implied: ImpliedSubject = sentence.kind === 'heading' || !subject.aboutLdn
    ? 'no'
    : anaphor
      ? 'yes'
      : opensWithOtherTreatment(a, db)
        ? 'no'
        : sentence.kind === 'list-item' || contextConcepts.size > 0
          ? 'yes'
          : !a.cues.has('experiencer') || aboutSomethingElse(a, db) ? 'no' : 'if-specific';

  const candidates = candidatesFor(present, contextConcepts, db);

  // A study result ("found no difference", "a study showed") is about evidence even with no trial word in it.
  const aboutEvidence = a.cues.has('null-result') || a.cues.has('study-claim') || [...present.keys()].some((c) => db.conceptKind.get(c) === 'evidence');
  const results: PatternResult[] = [];
  for (const claim of candidates) {
    const r = evaluate(claim, present, contextConcepts, implied, sentence.kind === 'heading', aboutEvidence, db);
    if (r) results.push(r);
  }
  const wordCount = new Map(results.map((r) => [r, tokenCount(r.hits)]));
  results.sort((x, y) => y.groups - x.groups || y.specificity - x.specificity || y.score - x.score || wordCount.get(y)! - wordCount.get(x)! || x.claim.id.localeCompare(y.claim.id));

  // List items and table cells take their stance's tone from the sentence that introduces them.
  const hedgedByLeadIn = leadIn?.hedged ?? false;
  const distancedByLeadIn = leadIn?.distanced ?? false;
  const build = (claim: CompiledClaim | null, hits: Hit<string>[], groupHits: Hit<string>[][], ctx: string[], score: number): ClaimMatch => {
    const cues = a.cues.outside(hits);
    return {
      sentence,
      claim,
      stance: a.cues.stanceOf(claim, cues, groupHits, distancedByLeadIn),
      // `outside` leaves out only negations: the sentence's hedges are all among `cues`.
      hedged: a.cues.has('hedge') || hedgedByLeadIn,
      concepts: unique(hits.map((h) => h.key)),
      contextConcepts: ctx,
      words: unique(hits.sort((x, y) => x.first - y.first).map((h) => surface(a.tokens, h, sentence))),
      score: Math.round(score * 100) / 100,
      sentenceConcepts: [...present.keys()],
      cues: groupCues(a.tokens, cues, sentence),
    };
  };

  // One claim per condition: the most specific wins. A claim resting on a subset of a kept
  // claim's words adds nothing either. A negatively worded claim and a claim on its topic read
  // in the opposite direction say the same thing ("not approved for X" asserts "LDN is
  // off-label" and denies "naltrexone is approved"): the one the page endorses stays.
  const kept: { r: PatternResult; m: ClaimMatch }[] = [];
  const opposite = (k: { r: PatternResult }, r: PatternResult) => k.r.claim.topic === r.claim.topic && k.r.claim.phrasedNegatively !== r.claim.phrasedNegatively;
  const redundant = (r: PatternResult) => {
    const mine = new Set(r.hits.map((h) => h.key));
    return kept.some(({ r: k }) => {
      if (r.claim.condition !== 'general' && k.claim.condition === r.claim.condition) return true;
      const theirs = new Set(k.hits.map((h) => h.key));
      return [...mine].every((c) => theirs.has(c));
    });
  };
  for (const r of results) {
    if (kept.length >= MAX_CLAIMS_PER_SENTENCE) break;
    // Reading the stance is the costly part, so a claim is built only once it may be kept.
    if (!kept.some((k) => opposite(k, r))) {
      if (!redundant(r)) kept.push({ r, m: build(r.claim, r.hits, r.groupHits, r.contextConcepts, r.score) });
      continue;
    }
    const m = build(r.claim, r.hits, r.groupHits, r.contextConcepts, r.score);
    const clash = kept.findIndex((k) => opposite(k, r) && endorses(k.m) !== endorses(m));
    if (clash >= 0) {
      if (endorses(m)) kept[clash] = { r, m };
    } else if (!redundant(r)) {
      kept.push({ r, m });
    }
  }
  // A trial's design or status ("phase 2, placebo-controlled, 160 participants") is research
  // status, not a health claim, unless it reports a finding, or the database knows the
  // statement to be out of date ("an ongoing trial" that has ended), which readers must see.
  const researchStatus = a.cues.has('trial-design') && !a.cues.has('finding') && !a.cues.has('null-result');
  const reportable = researchStatus ? kept.filter((k) => k.r.claim.outdated?.when.some((c) => present.has(c))) : kept;
  if (reportable.length > 0) return reportable.map((k) => k.m);
  if (researchStatus) return [];
  const unreviewed = unreviewedClaim(sentence, a, present, anaphor && subject.aboutLdn, db);
  return unreviewed ? [build(null, [...unreviewed.subject, ...unreviewed.action, ...unreviewed.object], [unreviewed.action], [], 0)] : [];
}

/**
 * A sentence that names another treatment ("Exercise releases endorphins") or opens with a
 * condition or a body process ("Fibromyalgia lowers quality of life") is background about that,
 * not a claim about LDN left unnamed.
 */
function aboutSomethingElse(a: Analysed, db: PreparedDb): boolean {
  const kinds = a.concepts.map((h) => db.conceptKind.get(h.key) ?? '');
  if (a.concepts.some((h, i) => kinds[i] === 'drug' && h.key !== 'naltrexone')) return true;
  const first = a.concepts.reduce((x, h, i) => (h.first < a.concepts[x]!.first ? i : x), 0);
  return BACKGROUND_OPENERS.has(kinds[first]!);
}

/** The sentence's first words (after at most a determiner) name another drug or treatment: it is the subject. */
function opensWithOtherTreatment(a: Analysed, db: PreparedDb): boolean {
  const first = a.concepts[0];
  return first !== undefined && first.first <= 1 && db.conceptKind.get(first.key) === 'drug' && first.key !== 'naltrexone';
}

const BACKGROUND_OPENERS = new Set(['condition', 'symptom', 'mechanism', 'safety', 'population']);

const candidateIndexes = new WeakMap<PreparedDb, Map<string, CompiledClaim[]>>();

/**
 * The claims `evaluate` could accept for a sentence: looked up by their rarest groups, then kept
 * only if some pattern has every group among the sentence's or the context's concepts (the same
 * rule, applied to all groups). Claims sharing only generic words ("helps") with the sentence
 * are dropped here, cheaply, instead of being evaluated one by one.
 */
function candidatesFor(present: Map<string, unknown>, context: Set<string>, db: PreparedDb): Set<CompiledClaim> {
  const index = candidateIndex(db);
  const candidates = new Set<CompiledClaim>();
  const known = (c: string) => present.has(c) || context.has(c);
  const possible = (claim: CompiledClaim) => claim.patterns.some((p) => p.all.every((group) => group.some(known)));
  const add = (concept: string) => {
    for (const claim of index.get(concept) ?? []) if (!candidates.has(claim) && possible(claim)) candidates.add(claim);
  };
  for (const concept of present.keys()) add(concept);
  for (const concept of context) add(concept);
  return candidates;
}

/**
 * Claims by the concepts of each pattern's rarest group (the group whose concepts the fewest
 * claims use). A pattern is satisfied only if every group is found in the sentence or its
 * context, so its rarest group must be among them: looking claims up by that group alone finds
 * every claim `evaluate` could accept, without also trying the thousands that share a generic
 * word such as "helps". The candidates differ, the results do not (they are sorted by a total order).
 */
function candidateIndex(db: PreparedDb): Map<string, CompiledClaim[]> {
  let index = candidateIndexes.get(db);
  if (index) return index;
  index = new Map();
  const uses = (c: string) => db.claimsByConcept.get(c)?.length ?? 0;
  for (const claim of db.compiled.claims) {
    const keys = new Set<string>();
    for (const pattern of claim.patterns) {
      let rarest: string[] = [];
      let rarestUses = Infinity;
      for (const group of pattern.all) {
        const n = group.reduce((sum, c) => sum + uses(c), 0);
        if (n < rarestUses) [rarest, rarestUses] = [group, n];
      }
      for (const c of rarest) keys.add(c);
    }
    for (const c of keys) {
      const list = index.get(c);
      if (list) list.push(claim);
      else index.set(c, [claim]);
    }
  }
  candidateIndexes.set(db, index);
  return index;
}

function evaluate(
  claim: CompiledClaim,
  present: Map<string, Hit<string>[]>,
  context: Set<string>,
  implied: ImpliedSubject,
  isHeading: boolean,
  aboutEvidence: boolean,
  db: PreparedDb,
): PatternResult | null {
  let subjectHits: Hit<string>[] = [];
  let subjectWeight = 1;
  let needsSpecificWords = false;
  // Background claims (no drug) are too easily read into a section title.
  if (claim.subject.length === 0 && isHeading) return null;
  if (claim.subject.length > 0) {
    subjectHits = hitsOf(claim.subject, present);
    if (subjectHits.length === 0) {
      if (implied === 'no' || !claim.subject.includes('ldn')) return null;
      subjectWeight = IMPLIED_SUBJECT_WEIGHT;
      needsSpecificWords = implied === 'if-specific';
    }
  }
  let best: PatternResult | null = null;
  for (const pattern of claim.patterns) {
    if (pattern.none.some((c) => present.has(c))) continue;
    const hits: Hit<string>[] = [...subjectHits];
    const groupHits: Hit<string>[][] = [];
    const fromContext: string[] = [];
    let specificity = 0;
    let inSentence = 0;
    let ok = true;
    for (const group of pattern.all) {
      // Every concept of the group found in the sentence is the claim's own words, so a negation
      // written into any of them ("not a controlled substance") is read as part of the claim.
      const mine = hitsOf(group, present);
      if (mine.length > 0) {
        hits.push(...mine);
        groupHits.push(mine);
        // The group's rarest concept found says how particular the words are.
        let rarest = Infinity;
        for (const c of group) if (present.has(c)) rarest = Math.min(rarest, db.claimsByConcept.get(c)?.length ?? 1);
        specificity += 1 / rarest;
        inSentence++;
        continue;
      }
      const ctx = group.find((c) => context.has(c));
      if (ctx && !isHeading && fromContext.length === 0) {
        fromContext.push(ctx);
        continue;
      }
      ok = false;
      break;
    }
    if (!ok || inSentence === 0) continue;
    // Under a heading "Chronic Pain", "here is who it may help" names nothing itself: a claim
    // completed from context needs at least one word in the sentence rarer than "helps" or "reduces".
    // ...unless it speaks of trials or results: "the three largest trials found no benefit" under "Fibromyalgia".
    if ((fromContext.length > 0 || needsSpecificWords) && specificity < MIN_SPECIFICITY_WITH_CONTEXT && !aboutEvidence) continue;
    const groups = pattern.all.length + (claim.subject.length > 0 ? 1 : 0);
    const earned = inSentence + CONTEXT_WEIGHT * fromContext.length + (claim.subject.length > 0 ? subjectWeight : 0);
    const r: PatternResult = { claim, hits, groupHits, contextConcepts: fromContext, groups, specificity, score: earned / groups };
    if (!best || r.groups > best.groups || (r.groups === best.groups && (r.specificity > best.specificity || (r.specificity === best.specificity && r.score > best.score)))) best = r;
  }
  return best;
}

/**
 * A sentence that names LDN (or refers to it on a page about LDN) and says what it does or
 * treats is a checkable claim even when the database has no entry for it.
 */
function unreviewedClaim(
  sentence: Sentence,
  a: Analysed,
  present: Map<string, Hit<string>[]>,
  anaphorOnLdnPage: boolean,
  db: PreparedDb,
): { subject: Hit<string>[]; action: Hit<string>[]; object: Hit<string>[] } | null {
  if (sentence.kind === 'heading') return null;
  const subjectHits = present.get('ldn') ?? [];
  if (subjectHits.length === 0 && !anaphorOnLdnPage) return null;
  const kindOf = (h: Hit<string>) => db.conceptKind.get(h.key) ?? '';
  const effects = a.concepts.filter((h) => kindOf(h) === 'effect');
  const action = effects.length > 0 ? effects : a.concepts.filter((h) => kindOf(h) === 'mechanism');
  // The object is other words than the action: "settle" is not both what happens and to what.
  const object = a.concepts.filter((h) => OBJECT_KINDS.has(kindOf(h)) && !action.some((x) => x.first <= h.last && x.last >= h.first));
  if (action.length === 0 || object.length === 0) return null;
  return { subject: subjectHits, action, object };
}

function groupCues(tokens: Token[], cues: Hit<CueKind>[], sentence: Sentence): Partial<Record<CueKind, string[]>> {
  const out: Partial<Record<CueKind, string[]>> = {};
  for (const c of cues) {
    if (SILENT_CUES.has(c.key)) continue;
    (out[c.key] ??= []).push(surface(tokens, c, sentence));
  }
  return out;
}

function surface(tokens: Token[], h: { first: number; last: number }, sentence: Sentence): string {
  return sentence.text.slice(tokens[h.first]!.start - sentence.start, tokens[h.last]!.end - sentence.start);
}

/** Cues that steer the reading but are not worth showing as "why" to a person. */
const SILENT_CUES = new Set<CueKind>(['clause-break', 'anaphor', 'pseudo-negation', 'experiencer', 'trial-design', 'finding']);

function endorses(m: ClaimMatch): boolean {
  return m.stance === 'asserts' || m.stance === 'reports';
}

function tokenCount(hits: Hit<string>[]): number {
  return hits.reduce((n, h) => n + h.last - h.first + 1, 0);
}

/** The sentence's hits of any of `concepts`, in the concepts' order (plain loops: this runs for every candidate claim). */
function hitsOf(concepts: string[], present: Map<string, Hit<string>[]>): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const c of concepts) {
    const hits = present.get(c);
    if (hits) for (const h of hits) out.push(h);
  }
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
