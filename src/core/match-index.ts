/**
 * The claims database as match.ts reads it, built once per database: every concept with what
 * matching asks of it, and every claim's patterns in terms of those concepts. A sentence's
 * concepts are then told apart by object and marked by number (see `ConceptMarks`), not looked
 * up by name at every step of every candidate claim.
 */
import type { CompiledClaim, PreparedDb } from './db';

export interface ConceptInfo {
  /** Index in `MatchIndex.concepts`. */
  id: number;
  key: string;
  /** The lexicon's kind ("condition", "effect"...), or '' for a concept the lexicon does not define. */
  kind: string;
  /** How many claims' patterns use it: the fewer, the more particular the word. */
  claimUses: number;
  /** The claims to try when a sentence or its context names it (see `candidateKeys`). */
  candidates: ClaimInfo[];
}

export interface ClaimInfo {
  /** Index in `MatchIndex.claims`. */
  id: number;
  claim: CompiledClaim;
  subject: ConceptInfo[];
  /** Its subject may be left unnamed on a page about LDN ("it eases pain"): the subject includes LDN. */
  subjectMayBeImplied: boolean;
  patterns: PatternInfo[];
  /** The concepts that make the claim out of date (`claim.outdated.when`). */
  outdatedWhen: ConceptInfo[];
}

export interface PatternInfo {
  all: ConceptInfo[][];
  none: ConceptInfo[];
}

export interface MatchIndex {
  concepts: ConceptInfo[];
  claims: ClaimInfo[];
  byKey: Map<string, ConceptInfo>;
  marks: ConceptMarks;
}

const indexes = new WeakMap<PreparedDb, MatchIndex>();

export function matchIndex(db: PreparedDb): MatchIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = buildIndex(db)));
  return index;
}

function buildIndex(db: PreparedDb): MatchIndex {
  const concepts: ConceptInfo[] = [];
  const byKey = new Map<string, ConceptInfo>();
  const concept = (key: string): ConceptInfo => {
    let c = byKey.get(key);
    if (!c) {
      c = { id: concepts.length, key, kind: db.conceptKind.get(key) ?? '', claimUses: db.claimsByConcept.get(key)?.length ?? 0, candidates: [] };
      concepts.push(c);
      byKey.set(key, c);
    }
    return c;
  };
  for (const key of db.conceptKind.keys()) concept(key);
  const claims = db.compiled.claims.map((claim, id): ClaimInfo => ({
    id,
    claim,
    subject: claim.subject.map(concept),
    subjectMayBeImplied: claim.subject.includes('ldn'),
    patterns: claim.patterns.map((p) => ({ all: p.all.map((group) => group.map(concept)), none: p.none.map(concept) })),
    outdatedWhen: (claim.outdated?.when ?? []).map(concept),
  }));
  for (const claim of claims) for (const c of candidateKeys(claim)) c.candidates.push(claim);
  return { concepts, claims, byKey, marks: new ConceptMarks(concepts.length, claims.length) };
}

/**
 * The concepts a claim is looked up by: those of each pattern's rarest group (the group whose
 * concepts the fewest claims use). A pattern is satisfied only if every group is found in the
 * sentence or its context, so its rarest group must be among them: looking claims up by that
 * group alone finds every claim `evaluate` could accept, without also trying the thousands
 * that share a generic word such as "helps". The candidates differ, the results do not (they
 * are sorted by a total order).
 */
function candidateKeys(claim: ClaimInfo): Set<ConceptInfo> {
  const keys = new Set<ConceptInfo>();
  for (const pattern of claim.patterns) {
    let rarest: ConceptInfo[] = [];
    let rarestUses = Infinity;
    for (const group of pattern.all) {
      const n = group.reduce((sum, c) => sum + c.claimUses, 0);
      if (n < rarestUses) [rarest, rarestUses] = [group, n];
    }
    for (const c of rarest) keys.add(c);
  }
  return keys;
}

/**
 * Which concepts the sentence being read names (and where), which its context lends it, and
 * which claims have been tried for it, by id. One set of arrays per database, reused page after
 * page: an entry equal to the current sentence's number marks it, so starting a sentence
 * unmarks everything at once, and nothing is cleared or hashed between sentences.
 */
export class ConceptMarks {
  private sentence = 0;
  private readonly named: Int32Array;
  /** For a named concept: the index of its first hit and of its latest hit so far. */
  private readonly firstHits: Int32Array;
  private readonly latestHits: Int32Array;
  private readonly lent: Int32Array;
  private readonly tried: Int32Array;

  constructor(concepts: number, claims: number) {
    this.named = new Int32Array(concepts);
    this.firstHits = new Int32Array(concepts);
    this.latestHits = new Int32Array(concepts);
    this.lent = new Int32Array(concepts);
    this.tried = new Int32Array(claims);
  }

  /** Starts the next sentence, with nothing marked. */
  nextSentence(): void {
    if (++this.sentence < SENTENCE_LIMIT) return;
    for (const marks of [this.named, this.lent, this.tried]) marks.fill(0);
    this.sentence = 1;
  }

  /** Marks hit `hit` of the sentence as naming `c`; returns the index of c's previous hit, or -1 for its first. */
  name(c: ConceptInfo, hit: number): number {
    const previous = this.isNamed(c) ? this.latestHits[c.id]! : -1;
    if (previous < 0) {
      this.named[c.id] = this.sentence;
      this.firstHits[c.id] = hit;
    }
    this.latestHits[c.id] = hit;
    return previous;
  }

  isNamed(c: ConceptInfo): boolean {
    return this.named[c.id] === this.sentence;
  }

  anyNamed(concepts: ConceptInfo[]): boolean {
    for (const c of concepts) if (this.isNamed(c)) return true;
    return false;
  }

  /** The index of the sentence's first hit of `c`, or -1 if it does not name it. */
  firstHit(c: ConceptInfo): number {
    return this.isNamed(c) ? this.firstHits[c.id]! : -1;
  }

  lend(c: ConceptInfo): void {
    this.lent[c.id] = this.sentence;
  }

  isLent(c: ConceptInfo): boolean {
    return this.lent[c.id] === this.sentence;
  }

  /** The first of `concepts` the context lends, or null. */
  firstLent(concepts: ConceptInfo[]): ConceptInfo | null {
    for (const c of concepts) if (this.isLent(c)) return c;
    return null;
  }

  /** Whether some pattern of the claim has every group among the concepts the sentence names or its context lends. */
  mayFit(claim: ClaimInfo): boolean {
    for (const pattern of claim.patterns) if (this.allKnown(pattern.all)) return true;
    return false;
  }

  private allKnown(groups: ConceptInfo[][]): boolean {
    for (const group of groups) if (!this.anyKnown(group)) return false;
    return true;
  }

  private anyKnown(group: ConceptInfo[]): boolean {
    for (const c of group) if (this.isNamed(c) || this.isLent(c)) return true;
    return false;
  }

  /** True the first time a claim is tried for the sentence. */
  firstTry(claim: ClaimInfo): boolean {
    if (this.tried[claim.id] === this.sentence) return false;
    this.tried[claim.id] = this.sentence;
    return true;
  }
}

/** Sentence numbers stay below this; past it the marks start afresh. */
const SENTENCE_LIMIT = 2 ** 30;
