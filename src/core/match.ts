/**
 * match: sentences -> claim matches. Each sentence's words were looked up once in the lexicon
 * (concepts and cues, sentence-words.ts); the claims whose concepts appear are the candidates,
 * and each candidate's patterns are checked against the sentence and its context (section
 * heading and list lead-in, and what earlier sentences of the paragraph named). A sentence's
 * cues are read (stance.ts reads the page's stance from them) only once one of its claims asks.
 */
import type { CompiledClaim, CueKind, PreparedDb } from './db';
import type { Hit } from './forms';
import type { Stance } from './levels';
import { MAX_CLAIMS_PER_SENTENCE } from './limits';
import { firstGroup, firstPattern, KIND, matchIndex, nextList, nextPattern, subjectOf, SUBJECT_MAY_BE_IMPLIED, type ClaimId, type ClaimInfo, type ConceptId, type ConceptMarks, type MatchIndex } from './match-index';
import { isReferenceHeading } from './reference-heading';
import type { Sentence } from './segment';
import type { SentenceWords } from './sentence-words';
import { CUE, isQuestion, SentenceCues } from './stance';
import type { PageSubject } from './subject';
import { tokenize } from './tokens';

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
const OBJECT_KINDS = KIND.condition | KIND.symptom | KIND.mechanism | KIND.safety;
/**
 * Specificity of a concept is 1 / the number of claims using it. The generic effect words
 * ("helps" in about 80 claims, "reduces" in about 70, "increases" in about 30) fall below this;
 * "less pain" (about 20) and anything rarer pass.
 */
const MIN_SPECIFICITY_WITH_CONTEXT = 1 / 25;
/** The kinds a paragraph's later sentences may leave unnamed: "LDN was tried in Crohn's disease. In a trial, 88% improved." */
const CARRIED = KIND.subject | KIND.condition;
/** A sentence that opens with one of these is background about it (see `aboutSomethingElse`). */
const BACKGROUND_OPENERS = KIND.condition | KIND.symptom | KIND.mechanism | KIND.safety | KIND.population;
/** Cues that steer the reading but are not worth showing as "why" to a person. */
const SILENT_CUES = new Set<CueKind>(['clause-break', 'anaphor', 'pseudo-negation', 'experiencer', 'trial-design', 'finding']);

/** What a list's lead-in lends to its items: its concepts, and its tone. */
interface LeadIn {
  concepts: ConceptId[];
  hedged: boolean;
  /** "Claims you will see online:" — the items that follow are others' claims. */
  distanced: boolean;
}

/** Whether a sentence that does not name LDN may be read as being about it. */
type ImpliedSubject = 'yes' | 'no' | 'if-specific';

/** How well one of a claim's patterns fits a sentence. */
interface PatternScore {
  /** Where the pattern starts in `MatchIndex.code`. */
  pattern: number;
  /** The concept a group took from the section heading, lead-in or paragraph, or -1. */
  fromContext: ConceptId;
  groups: number;
  /** How particular the matched words are: rare concepts (used by few claims) say more than "helps". */
  specificity: number;
  score: number;
}

interface PatternResult {
  info: ClaimInfo;
  claim: CompiledClaim;
  hits: Hit<string>[];
  /** Where the hits of the subject and of each group the sentence itself satisfied end (see `ClaimWords`). */
  ends: number[];
  contextConcepts: string[];
  groups: number;
  specificity: number;
  score: number;
  /** How many of the sentence's words the hits span. */
  wordCount: number;
}

interface Paragraph {
  block: number;
  /** What its sentences so far named that later ones may leave unnamed (see `CARRIED`). */
  topics: ConceptId[];
  /** The claims of its latest sentence that made any. */
  last: ClaimMatch[];
}

/** `words[i]` holds sentence i's tokens and concepts (sentence-words.ts). */
export function match(sentences: Sentence[], words: SentenceWords[], subject: PageSubject, db: PreparedDb): ClaimMatch[] {
  const page = new PageReader(sentences, words, subject, db);
  const out: ClaimMatch[] = [];
  // What earlier sentences of the same paragraph named (LDN, a condition) carries over:
  // "LDN was tried in Crohn's disease. In a 2011 trial, 88% improved."
  // And a sentence that only agrees with the one before ("A second trial reached the same
  // conclusion") makes the same claims, read the same way.
  let paragraph: Paragraph = { block: -1, topics: [], last: [] };
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    // A reference list's titles name topics of papers; they are checked by the cite stage, not as claims.
    if (page.inReferences(sentence)) continue;
    if (sentence.block !== paragraph.block) paragraph = { block: sentence.block, topics: [], last: [] };
    // A sentence that names no concept claims nothing of its own (`matchSentence` would find
    // nothing); it can only agree with the sentence before, if that made claims.
    if (words[i]!.concepts.length === 0 && paragraph.last.length === 0) continue;
    const s = page.read(i);
    // A question ("Is LDN safe in pregnancy?", an FAQ's "Q: ...") asks; it claims nothing, and a
    // page that asks is never shown as endorsing.
    const question = isQuestion(sentence.text);
    let found = s.hits.length > 0 && !question ? matchSentence(s, page.sectionTopics(i), page.leadIn(i), paragraph.topics, page) : [];
    if (found.length === 0 && paragraph.last.length > 0 && !question && s.cues.has(CUE.agreement)) found = agreeing(s, paragraph.last);
    if (found.length > 0) {
      for (const m of found) out.push(m);
      const reviewed = found.filter(isReviewed);
      if (reviewed.length > 0) paragraph.last = reviewed;
    }
    for (let k = 0; k < s.marks.namedTotal; k++) {
      const c = s.marks.namedAt(k);
      if ((page.index.kinds[c]! & CARRIED) !== 0 && !paragraph.topics.includes(c)) paragraph.topics.push(c);
    }
  }
  return out;
}

/** The previous sentence's claims, restated by a sentence that agrees with it. */
function agreeing(s: SentenceReading, previous: ClaimMatch[]): ClaimMatch[] {
  const cues = s.groupedCues();
  const sentenceConcepts = s.hits.map((h) => h.key);
  return previous.map((m) => ({
    ...m,
    sentence: s.sentence,
    hedged: s.cues.has(CUE.hedge),
    concepts: [],
    contextConcepts: m.concepts,
    words: cues.agreement ?? [],
    // It names nothing itself: its match rests on the sentence before.
    score: Math.round(m.score * CONTEXT_WEIGHT * 100) / 100,
    sentenceConcepts,
    cues,
  }));
}

/**
 * One page being read: the database as match reads it, the page's subject, the marks of the
 * sentence being read, and each heading's and lead-in's reading, once per text. A heading names
 * topics; its verbs ("Treatment for Pain") do not carry over to the sentences below. A list's
 * lead-in is the first half of each item's sentence: "LDN may ease: - migraine".
 */
class PageReader {
  readonly index: MatchIndex;
  readonly marks: ConceptMarks;
  private readonly sections = new Map<string, ConceptId[]>();
  private readonly leadIns = new Map<string, LeadIn>();
  private section: string | null = null;
  private referenceList = false;
  // Sentences come section by section and list by list: the latest reading is asked again at once.
  private latestSection: { text: string; topics: ConceptId[] } | null = null;
  private latestLeadIn: { text: string; leadIn: LeadIn } | null = null;
  /** The condition the page's title names, if one (`PageSubject.condition`). */
  private readonly pageCondition: ConceptId | undefined;

  constructor(
    private readonly sentences: Sentence[],
    private readonly words: SentenceWords[],
    readonly subject: PageSubject,
    private readonly db: PreparedDb,
  ) {
    this.index = matchIndex(db);
    this.marks = this.index.marks;
    this.pageCondition = subject.condition === null ? undefined : this.index.ids.get(subject.condition);
  }

  /** Sentence i, to be matched now: what it names becomes the marks' current sentence. */
  read(i: number): SentenceReading {
    return new SentenceReading(this.sentences[i]!, this.words[i]!, this.subject, this.index, this.marks);
  }

  /** Whether the sentence is under a reference list's heading (sentences come section by section). */
  inReferences(sentence: Sentence): boolean {
    if (sentence.section !== this.section) {
      this.section = sentence.section;
      this.referenceList = this.section !== null && isReferenceHeading(this.section);
    }
    return this.referenceList;
  }

  sectionTopics(i: number): ConceptId[] {
    const text = this.sentences[i]!.section;
    if (text === null) return [];
    if (this.latestSection?.text === text) return this.latestSection.topics;
    let topics = this.sections.get(text);
    if (!topics) this.sections.set(text, (topics = this.conceptsOf(this.wordsOf(text, i).concepts).filter((c) => this.index.kinds[c] !== KIND.effect)));
    this.latestSection = { text, topics };
    return topics;
  }

  leadIn(i: number): LeadIn | null {
    const text = this.sentences[i]!.leadIn;
    if (text === null) return null;
    if (this.latestLeadIn?.text === text) return this.latestLeadIn.leadIn;
    let leadIn = this.leadIns.get(text);
    if (!leadIn) {
      const words = this.wordsOf(text, i);
      const { cues } = words;
      leadIn = { concepts: this.conceptsOf(words.concepts), hedged: cues.some((h) => h.key === 'hedge'), distanced: cues.some((h) => h.key === 'distancing') };
      this.leadIns.set(text, leadIn);
    }
    this.latestLeadIn = { text, leadIn };
    return leadIn;
  }

  /**
   * Lends sentence `s` what its context names (`ConceptMarks.lentAt` lists it, each concept
   * once). The condition the page's title names is lent last, to a study's report only, and only
   * where nothing nearer names a condition: "the largest trial found no difference in pain"
   * under "LDN for fibromyalgia" is about fibromyalgia, but a sentence, heading, lead-in or
   * paragraph naming MS is about MS, and "endorphins are natural pain relievers" is background.
   */
  lend(s: SentenceReading, section: ConceptId[], leadIn: LeadIn | null, topics: ConceptId[]): void {
    for (const c of section) this.marks.lend(c);
    if (leadIn) for (const c of leadIn.concepts) this.marks.lend(c);
    for (const c of topics) this.marks.lend(c);
    if (this.pageCondition === undefined || this.marks.anyOfKind(this.index.kinds, KIND.condition) || !s.reportsStudy) return;
    this.marks.lend(this.pageCondition);
  }

  /** The hits' concepts, each once. */
  private conceptsOf(hits: Hit<string>[]): ConceptId[] {
    const out: ConceptId[] = [];
    for (const h of hits) {
      const c = this.index.ids.get(h.key)!;
      if (!out.includes(c)) out.push(c);
    }
    return out;
  }

  /**
   * The words of a heading or lead-in: those of the sentence with that text a little above
   * sentence i, looked up already, else looked up afresh. (A sentence's concepts and cues depend
   * on its words alone, not on where they are.) The heading or lead-in nearly always sits just
   * above the first sentence that asks; looking no further keeps a page of many headings linear.
   */
  private wordsOf(text: string, i: number): SentenceWords {
    for (let j = i - 1; j >= 0 && j >= i - CONTEXT_REACH; j--) if (this.sentences[j]!.text === text) return this.words[j]!;
    return this.db.lexicon.find(tokenize(text));
  }
}

/** How many sentences back `PageReader` looks for a heading's or lead-in's words (see `wordsOf`). */
const CONTEXT_REACH = 16;

/**
 * One sentence as matching reads it: each hit's concept and the concepts it names and is lent
 * (in `marks`, as the current sentence's: a reading is asked nothing once the next is made), and
 * its cues, read only when first asked.
 */
class SentenceReading {
  readonly hits: Hit<string>[];
  private sentenceCues: SentenceCues | undefined;
  private implied: ImpliedSubject | undefined;
  private evidence: boolean | undefined;
  private keys: string[] | undefined;
  private grouped: Partial<Record<CueKind, string[]>> | undefined;
  private unreviewedClaim: UnreviewedClaim | null | undefined;

  constructor(
    readonly sentence: Sentence,
    private readonly words: SentenceWords,
    private readonly subject: PageSubject,
    readonly index: MatchIndex,
    readonly marks: ConceptMarks,
  ) {
    this.hits = words.concepts;
    marks.nextSentence(this.hits.length);
    // Every hit is of a lexicon concept, and the index holds them all.
    for (let j = 0; j < this.hits.length; j++) marks.name(index.ids.get(this.hits[j]!.key)!, j);
  }

  /** Whether it may be read as about LDN without naming it (see `impliedSubject`); asked only once its context is lent. */
  get impliedSubject(): ImpliedSubject {
    this.implied ??= impliedSubject(this, this.marks.lentTotal > 0, this.subject);
    return this.implied;
  }

  get cues(): SentenceCues {
    this.sentenceCues ??= new SentenceCues(this.words.cues, this.words.tokens, this.sentence);
    return this.sentenceCues;
  }

  /** It reports a study or a null result ("a trial found", "no better than placebo"). */
  get reportsStudy(): boolean {
    return this.cues.has(CUE['null-result']) || this.cues.has(CUE['study-claim']);
  }

  /** A study result ("found no difference", "a study showed") is about evidence even with no trial word in it. */
  get aboutEvidence(): boolean {
    this.evidence ??= this.reportsStudy || this.namesKind(KIND.evidence);
    return this.evidence;
  }

  /** The keys of the concepts it names (`ClaimMatch.sentenceConcepts`: one array, shared by its matches). */
  namedKeys(): string[] {
    if (!this.keys) {
      this.keys = [];
      for (let k = 0; k < this.marks.namedTotal; k++) this.keys.push(this.index.keys[this.marks.namedAt(k)]!);
    }
    return this.keys;
  }

  private namesKind(kind: number): boolean {
    for (let k = 0; k < this.marks.namedTotal; k++) if (this.index.kinds[this.marks.namedAt(k)] === kind) return true;
    return false;
  }

  /** All its cues, as shown (`ClaimMatch.cues`: one object, shared by its matches that leave out no cue). */
  groupedCues(): Partial<Record<CueKind, string[]>> {
    this.grouped ??= this.groupCues(this.cues.all);
    return this.grouped;
  }

  groupCues(cues: Hit<CueKind>[]): Partial<Record<CueKind, string[]>> {
    const out: Partial<Record<CueKind, string[]>> = {};
    for (const c of cues) {
      if (SILENT_CUES.has(c.key)) continue;
      (out[c.key] ??= []).push(this.surface(c));
    }
    return out;
  }

  /**
   * Its hits of any concept of the list at `list` in `MatchIndex.code`, in the list's order,
   * added to `out` (while it is the marks' current sentence).
   */
  hitsOf(list: number, out: Hit<string>[]): Hit<string>[] {
    const { code } = this.index;
    const end = nextList(code, list);
    for (let i = list + 1; i < end; i++) for (let j = this.marks.firstHit(code[i]!); j >= 0; j = this.marks.nextHit(j)) out.push(this.hits[j]!);
    return out;
  }

  /** What it says LDN does, and to what, when the database may lack the claim (see `unreviewedClaim`). */
  get unreviewed(): UnreviewedClaim | null {
    if (this.unreviewedClaim === undefined) this.unreviewedClaim = unreviewedClaim(this);
    return this.unreviewedClaim;
  }

  /** Its hits of concepts of the given kind (`KIND`). */
  hitsOfKind(kind: number): Hit<string>[] {
    const out: Hit<string>[] = [];
    for (let j = 0; j < this.hits.length; j++) if (this.kindOf(j) === kind) out.push(this.hits[j]!);
    return out;
  }

  /** The kind of hit j's concept (`KIND`). */
  kindOf(j: number): number {
    return this.index.kinds[this.marks.conceptOf(j)]!;
  }

  surface(h: { first: number; last: number }): string {
    const { tokens } = this.words;
    return this.sentence.text.slice(tokens[h.first]!.start - this.sentence.start, tokens[h.last]!.end - this.sentence.start);
  }
}

function matchSentence(s: SentenceReading, section: ConceptId[], leadIn: LeadIn | null, paragraphTopics: ConceptId[], page: PageReader): ClaimMatch[] {
  page.lend(s, section, leadIn, paragraphTopics);
  // Searching the sentence for cues costs more than the rest of its reading: they are searched
  // for only once something asks, and most sentences that name a claim's words name no claim.
  const results: PatternResult[] = [];
  const { marks } = s;
  for (let k = 0; k < marks.namedTotal; k++) tryCandidates(marks.namedAt(k), s, results);
  for (let k = 0; k < marks.lentTotal; k++) tryCandidates(marks.lentAt(k), s, results);
  // Nothing to report: done, with no cues read.
  if (results.length === 0 && !s.unreviewed) return [];
  // Boilerplate ("book a consultation") claims nothing.
  if (s.cues.has(CUE['call-to-action'])) return [];
  sortStable(results, strongestFirst);
  const kept = keep(results, s, leadIn);
  // A trial's design or status ("phase 2, placebo-controlled, 160 participants") is research
  // status, not a health claim, unless it reports a finding, or the database knows the
  // statement to be out of date ("an ongoing trial" that has ended), which readers must see.
  const researchStatus = s.cues.has(CUE['trial-design']) && !s.cues.has(CUE.finding) && !s.cues.has(CUE['null-result']);
  const reportable = researchStatus ? kept.filter((k) => k.r.info.outdatedWhen.some((c) => s.marks.isNamed(c))) : kept;
  if (reportable.length > 0) return reportable.map((k) => k.m);
  const unreviewed = researchStatus ? null : s.unreviewed;
  // It names LDN, or refers to it ("it") on a page about LDN.
  if (!unreviewed || (unreviewed.subject.length === 0 && !(s.cues.has(CUE.anaphor) && page.subject.aboutLdn))) return [];
  const { subject, action, object } = unreviewed;
  const words = { hits: [...subject, ...action, ...object], ends: [subject.length, subject.length + action.length] };
  return [build(s, leadIn, null, words, [], 0)];
}

/**
 * On a page about LDN, "it", a list item, or a section about a condition or about LDN itself
 * stands for LDN; so does a sentence about people ("she", "patients") that names no other
 * treatment, if its words are specific enough (checked per claim). Headings name topics
 * ("LDN and fibromyalgia"); they claim only what they say outright.
 * A sentence that opens with another treatment ("Exercise can ease fatigue in MS") is about
 * that treatment, whatever section it is in.
 */
function impliedSubject(s: SentenceReading, hasContext: boolean, subject: PageSubject): ImpliedSubject {
  if (s.sentence.kind === 'heading' || !subject.aboutLdn) return 'no';
  if (s.cues.has(CUE.anaphor)) return 'yes';
  if (opensWithOtherTreatment(s)) return 'no';
  if (s.sentence.kind === 'list-item' || hasContext) return 'yes';
  return !s.cues.has(CUE.experiencer) || aboutSomethingElse(s) ? 'no' : 'if-specific';
}

/** What an unreviewed claim's sentence says: LDN (or nothing, for "it"), what it does, and to what. */
interface UnreviewedClaim {
  subject: Hit<string>[];
  action: Hit<string>[];
  object: Hit<string>[];
}

/** Kept claims, each with its match. */
interface Kept {
  r: PatternResult;
  m: ClaimMatch;
}

/**
 * One claim per condition: the most specific wins. A claim resting on a subset of a kept
 * claim's words adds nothing either. A negatively worded claim and a claim on its topic read
 * in the opposite direction say the same thing ("not approved for X" asserts "LDN is
 * off-label" and denies "naltrexone is approved"): the one the page endorses stays.
 */
function keep(results: PatternResult[], s: SentenceReading, leadIn: LeadIn | null): Kept[] {
  const kept: Kept[] = [];
  for (const r of results) {
    if (kept.length >= MAX_CLAIMS_PER_SENTENCE) break;
    // Reading the stance is the costly part, so a claim is built only once it may be kept.
    if (!anyOpposite(kept, r)) {
      if (!redundant(r, kept)) kept.push({ r, m: build(s, leadIn, r.claim, r, r.contextConcepts, r.score) });
      continue;
    }
    const m = build(s, leadIn, r.claim, r, r.contextConcepts, r.score);
    const clash = clashing(kept, r, m);
    if (clash >= 0) {
      if (endorses(m)) kept[clash] = { r, m };
    } else if (!redundant(r, kept)) {
      kept.push({ r, m });
    }
  }
  return kept;
}

function anyOpposite(kept: Kept[], r: PatternResult): boolean {
  for (const k of kept) if (opposite(k.r, r)) return true;
  return false;
}

/** The index of the kept claim opposite to `r` that the page reads the other way from `m`, or -1. */
function clashing(kept: Kept[], r: PatternResult, m: ClaimMatch): number {
  for (let i = 0; i < kept.length; i++) if (opposite(kept[i]!.r, r) && endorses(kept[i]!.m) !== endorses(m)) return i;
  return -1;
}

function opposite(k: PatternResult, r: PatternResult): boolean {
  return k.claim.topic === r.claim.topic && k.claim.phrasedNegatively !== r.claim.phrasedNegatively;
}

/** Whether a kept claim is about the same condition, or rests on all of `r`'s words. */
function redundant(r: PatternResult, kept: Kept[]): boolean {
  for (const { r: k } of kept) {
    if (r.claim.condition !== 'general' && k.claim.condition === r.claim.condition) return true;
    if (keysAmong(r.hits, k.hits)) return true;
  }
  return false;
}

/** Whether every hit of `hits` is of a concept that `of` has a hit of. */
function keysAmong(hits: Hit<string>[], of: Hit<string>[]): boolean {
  for (const h of hits) if (!hasKey(of, h.key)) return false;
  return true;
}

function hasKey(hits: Hit<string>[], key: string): boolean {
  for (const h of hits) if (h.key === key) return true;
  return false;
}

/**
 * The words a match rests on: the hits of the claim's subject, then of each of its groups (of a
 * reviewed claim's pattern, those the sentence itself satisfied), one after another in `hits`.
 * `ends[0]` is where the subject's hits end, `ends[g + 1]` where group g's do. The groups are
 * made arrays of their own only for a sentence whose stance reading looks at them.
 */
interface ClaimWords {
  hits: Hit<string>[];
  ends: number[];
}

function groupsOf(words: ClaimWords): Hit<string>[][] {
  const groups: Hit<string>[][] = [];
  for (let g = 1; g < words.ends.length; g++) groups.push(words.hits.slice(words.ends[g - 1], words.ends[g]));
  return groups;
}

function build(s: SentenceReading, leadIn: LeadIn | null, claim: CompiledClaim | null, words: ClaimWords, contextConcepts: string[], score: number): ClaimMatch {
  const { hits } = words;
  const cues = s.cues.outside(hits);
  // Read while `hits` is in the claim's order, which `ends` counts: the words below sort it.
  const stance = s.cues.stanceOf(claim, cues, s.cues.mayDeny ? groupsOf(words) : [], leadIn?.distanced ?? false);
  return {
    sentence: s.sentence,
    claim,
    stance,
    // `outside` leaves out only negations: the sentence's hedges are all among `cues`.
    hedged: s.cues.has(CUE.hedge) || (leadIn?.hedged ?? false),
    concepts: uniqueKeys(hits),
    contextConcepts,
    words: uniqueSurfaces(s, sortStable(hits, byPosition)),
    score: Math.round(score * 100) / 100,
    sentenceConcepts: s.namedKeys(),
    cues: cues === s.cues.all ? s.groupedCues() : s.groupCues(cues),
  };
}

/**
 * A sentence that names another treatment ("Exercise releases endorphins") or opens with a
 * condition or a body process ("Fibromyalgia lowers quality of life") is background about that,
 * not a claim about LDN left unnamed.
 */
function aboutSomethingElse(s: SentenceReading): boolean {
  for (let j = 0; j < s.hits.length; j++) if (isOtherDrug(s.marks.conceptOf(j), s.index)) return true;
  let first = 0;
  for (let j = 1; j < s.hits.length; j++) if (s.hits[j]!.first < s.hits[first]!.first) first = j;
  return (s.kindOf(first) & BACKGROUND_OPENERS) !== 0;
}

/** The sentence's first words (after at most a determiner) name another drug or treatment: it is the subject. */
function opensWithOtherTreatment(s: SentenceReading): boolean {
  const first = s.hits[0];
  return first !== undefined && first.first <= 1 && isOtherDrug(s.marks.conceptOf(0), s.index);
}

function isOtherDrug(c: ConceptId, index: MatchIndex): boolean {
  return index.kinds[c] === KIND.drug && index.keys[c] !== 'naltrexone';
}

/**
 * Tries the claims `evaluate` could accept for a sentence that names or is lent `concept`, each
 * once a sentence, and adds those that fit to `results`. Claims are looked up by their rarest
 * groups (see match-index.ts), so claims sharing only generic words ("helps") with the sentence
 * are never tried.
 */
function tryCandidates(concept: ConceptId, s: SentenceReading, results: PatternResult[]): void {
  const { index } = s;
  const end = index.candidateStarts[concept + 1]!;
  for (let i = index.candidateStarts[concept]!; i < end; i++) {
    const claim = index.candidates[i]!;
    if (!s.marks.firstTry(claim)) continue;
    const r = evaluate(claim, s);
    if (r) results.push(r);
  }
}

/** The claim's best pattern for the sentence, with the sentence's words that match it; null if none fits. */
function evaluate(claim: ClaimId, s: SentenceReading): PatternResult | null {
  const { code } = s.index;
  const subject = subjectOf(s.index, claim);
  const hasSubject = code[subject]! > 0;
  // Background claims (no drug) are too easily read into a section title.
  if (!hasSubject && s.sentence.kind === 'heading') return null;
  const subjectNamed = !hasSubject || s.marks.anyNamed(subject);
  if (!subjectNamed && (code[subject - 1]! & SUBJECT_MAY_BE_IMPLIED) === 0) return null;
  const patterns = code[nextList(code, subject)]!;
  let best: PatternScore | null = null;
  for (let n = 0, pattern = firstPattern(code, subject); n < patterns; n++, pattern = nextPattern(code, pattern)) {
    const r = scorePattern(pattern, s, hasSubject, subjectNamed);
    if (!r) continue;
    if (!best || r.groups > best.groups || (r.groups === best.groups && (r.specificity > best.specificity || (r.specificity === best.specificity && r.score > best.score)))) best = r;
  }
  return best && result(s.index.claims[claim]!, subject, best, s);
}

/**
 * How the pattern at `pattern` fits the sentence, from the marks (its hits are collected only
 * for the claim's best pattern): null if some group is found neither in the sentence nor, once,
 * in its context, or if the claim's subject is unnamed and may not be implied.
 */
function scorePattern(pattern: number, s: SentenceReading, hasSubject: boolean, subjectNamed: boolean): PatternScore | null {
  const { marks } = s;
  const { code, claimUses } = s.index;
  const groupCount = code[pattern + 1]!;
  let group = firstGroup(pattern);
  let fromContext: ConceptId = -1;
  let specificity = 0;
  let inSentence = 0;
  for (let n = 0; n < groupCount; n++, group = nextList(code, group)) {
    // The group's rarest concept found says how particular the words are.
    let rarest = Infinity;
    for (let i = group + code[group]!; i > group; i--) if (marks.isNamed(code[i]!)) rarest = Math.min(rarest, claimUses[code[i]!]!);
    if (rarest < Infinity) {
      specificity += 1 / rarest;
      inSentence++;
      continue;
    }
    // A heading claims only what it says; one group at most may come from the context.
    if (s.sentence.kind === 'heading' || fromContext >= 0) return null;
    fromContext = marks.firstLent(group);
    if (fromContext < 0) return null;
  }
  // After the groups, the concepts that rule the pattern out.
  if (marks.anyNamed(group)) return null;
  if (inSentence === 0) return null;
  // Whether an unnamed subject may be implied is read from the cues, read only now that the
  // pattern fits (most claims tried on a sentence do not).
  let subjectWeight = 1;
  let needsSpecificWords = false;
  if (!subjectNamed) {
    const implied = s.impliedSubject;
    if (implied === 'no') return null;
    subjectWeight = IMPLIED_SUBJECT_WEIGHT;
    needsSpecificWords = implied === 'if-specific';
  }
  // Under a heading "Chronic Pain", "here is who it may help" names nothing itself: a claim
  // completed from context needs at least one word in the sentence rarer than "helps" or "reduces".
  // ...unless it speaks of trials or results: "the three largest trials found no benefit" under "Fibromyalgia".
  if ((fromContext >= 0 || needsSpecificWords) && specificity < MIN_SPECIFICITY_WITH_CONTEXT && !s.aboutEvidence) return null;
  const groups = groupCount + (hasSubject ? 1 : 0);
  const earned = inSentence + CONTEXT_WEIGHT * (fromContext >= 0 ? 1 : 0) + (hasSubject ? subjectWeight : 0);
  return { pattern, fromContext, groups, specificity, score: earned / groups };
}

/** The claim's match on its best pattern: every concept of a group found in the sentence is the claim's own words. */
function result(info: ClaimInfo, subject: number, best: PatternScore, s: SentenceReading): PatternResult {
  const { code } = s.index;
  const hits = s.hitsOf(subject, []);
  const ends = [hits.length];
  let group = firstGroup(best.pattern);
  for (let n = code[best.pattern + 1]!; n > 0; n--, group = nextList(code, group)) {
    // A negation written into any of them ("not a controlled substance") is read as part of the claim.
    if (!s.marks.anyNamed(group)) continue;
    s.hitsOf(group, hits);
    ends.push(hits.length);
  }
  const { groups, specificity, score } = best;
  return { info, claim: info.claim, hits, ends, contextConcepts: best.fromContext >= 0 ? [s.index.keys[best.fromContext]!] : [], groups, specificity, score, wordCount: wordCount(hits) };
}

/** More groups, rarer words, a fuller score, more words first; then by id, so the order is total. */
function strongestFirst(x: PatternResult, y: PatternResult): number {
  return y.groups - x.groups || y.specificity - x.specificity || y.score - x.score || y.wordCount - x.wordCount || x.claim.id.localeCompare(y.claim.id);
}

/**
 * A sentence that names LDN (or refers to it on a page about LDN) and says what it does or
 * treats is a checkable claim even when the database has no entry for it. This reads what it
 * does and to what; the caller checks the subject, which may need the sentence's cues.
 */
function unreviewedClaim(s: SentenceReading): UnreviewedClaim | null {
  if (s.sentence.kind === 'heading') return null;
  const effects = s.hitsOfKind(KIND.effect);
  const action = effects.length > 0 ? effects : s.hitsOfKind(KIND.mechanism);
  if (action.length === 0) return null;
  // The object is other words than the action: "settle" is not both what happens and to what.
  const object: Hit<string>[] = [];
  for (let j = 0; j < s.hits.length; j++) if ((s.kindOf(j) & OBJECT_KINDS) !== 0 && !overlapsAny(s.hits[j]!, action)) object.push(s.hits[j]!);
  if (object.length === 0) return null;
  const subject: Hit<string>[] = [];
  for (const h of s.hits) if (h.key === 'ldn') subject.push(h);
  return { subject, action, object };
}

function overlapsAny(h: Hit<string>, hits: Hit<string>[]): boolean {
  for (const x of hits) if (x.first <= h.last && x.last >= h.first) return true;
  return false;
}

function isReviewed(m: ClaimMatch): boolean {
  return m.claim !== null;
}

function endorses(m: ClaimMatch): boolean {
  return m.stance === 'asserts' || m.stance === 'reports';
}

/**
 * Sorts in place, keeping the order of items that compare equal, as `Array#sort` does. A claim
 * has a handful of hits and a sentence a handful of results: an insertion sort does this
 * without `Array#sort`'s setup, which cost more than the sorting.
 */
function sortStable<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    for (; j > 0 && compare(items[j - 1]!, item) > 0; j--) items[j] = items[j - 1]!;
    items[j] = item;
  }
  return items;
}

function byPosition(a: Hit<string>, b: Hit<string>): number {
  return a.first - b.first;
}

function wordCount(hits: Hit<string>[]): number {
  let n = 0;
  for (const h of hits) n += h.last - h.first + 1;
  return n;
}

function uniqueKeys(hits: Hit<string>[]): string[] {
  const keys: string[] = [];
  for (const h of hits) addNew(keys, h.key);
  return keys;
}

function uniqueSurfaces(s: SentenceReading, hits: Hit<string>[]): string[] {
  const texts: string[] = [];
  for (const h of hits) addNew(texts, s.surface(h));
  return texts;
}

/**
 * Adds `text` to `texts` unless it is there: a loop the compiler inlines, where `includes` is a
 * call per claim's word. Texts of another length are told apart without comparing the strings,
 * which is a call each.
 */
function addNew(texts: string[], text: string): void {
  for (const t of texts) if (t.length === text.length && t === text) return;
  texts.push(text);
}
