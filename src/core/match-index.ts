/**
 * The claims database as match.ts reads it, built once per database: every concept with what
 * matching asks of it, and every claim's patterns in terms of those concepts. A sentence's
 * concepts are then marked by number (see `ConceptMarks`), not looked up by name at every step
 * of every candidate claim.
 */
import type { CompiledClaim, PreparedDb } from './db';

/** A concept's id: its index in `MatchIndex.keys`. */
export type ConceptId = number;
/** A claim's id: its index in `MatchIndex.claims`. */
export type ClaimId = number;

export interface ClaimInfo {
  id: ClaimId;
  claim: CompiledClaim;
  /** The concepts that make the claim out of date (`claim.outdated.when`). */
  outdatedWhen: ConceptId[];
}

/**
 * What checking a candidate claim reads, as numbers in a few flat arrays rather than as an
 * object per claim, pattern and group: a page's first reading finds little of the database in
 * the processor's caches, and there each object followed cost a trip to memory, while
 * neighbouring numbers arrive together.
 *
 * `code` holds every claim's subject and patterns as lists of concept ids (a list: how many,
 * then the ids; `nextList` skips one), one claim after another. Claim c, from `claimStarts[c]`:
 *   its flags (`SUBJECT_MAY_BE_IMPLIED`), its subject (a list), how many patterns it has, and
 *   each pattern: its length (so that `nextPattern` skips it), how many groups it has, each
 *   group (a list), and its `none` concepts (a list).
 */
export interface MatchIndex {
  /** By concept id: its key, and its kind's bit (`KIND`; 0 for a kind match does not ask about). */
  keys: string[];
  kinds: Int32Array;
  claims: ClaimInfo[];
  ids: Map<string, ConceptId>;
  /** By concept id: how many claims' patterns use it (the fewer, the more particular the word). */
  claimUses: Int32Array;
  code: Int32Array;
  claimStarts: Int32Array;
  /** Concept c's candidates (see `candidateKeys`) are the claim ids `candidates[candidateStarts[c]..candidateStarts[c + 1]]`. */
  candidates: Int32Array;
  candidateStarts: Int32Array;
  marks: ConceptMarks;
}

/**
 * The kinds of concept match asks about, one bit each, so that whether a concept is of any of
 * several kinds is one test of a number, not a comparison of strings.
 */
export const KIND = { subject: 1, drug: 2, condition: 4, symptom: 8, effect: 16, mechanism: 32, safety: 64, population: 128, evidence: 256 } as const;

function kindBit(kind: string | undefined): number {
  return kind !== undefined && Object.hasOwn(KIND, kind) ? KIND[kind as keyof typeof KIND] : 0;
}

/** A claim's subject may be left unnamed on a page about LDN ("it eases pain"): the subject includes LDN. */
export const SUBJECT_MAY_BE_IMPLIED = 1;

/** Where the list after the one at `list` starts. */
export function nextList(code: Int32Array, list: number): number {
  return list + 1 + code[list]!;
}

/** Where the claim's subject (a list) starts; its flags are just before. */
export function subjectOf(index: MatchIndex, claim: ClaimId): number {
  return index.claimStarts[claim]! + 1;
}

/** Where the first of a claim's patterns starts, given where its subject starts. */
export function firstPattern(code: Int32Array, subject: number): number {
  return nextList(code, subject) + 1;
}

export function nextPattern(code: Int32Array, pattern: number): number {
  return pattern + code[pattern]!;
}

/** Where the first group (a list) of the pattern at `pattern` starts; `code[pattern + 1]` is how many it has. */
export function firstGroup(pattern: number): number {
  return pattern + 2;
}

const indexes = new WeakMap<PreparedDb, MatchIndex>();

export function matchIndex(db: PreparedDb): MatchIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = buildIndex(db)));
  return index;
}

function buildIndex(db: PreparedDb): MatchIndex {
  const keys: string[] = [];
  const ids = new Map<string, ConceptId>();
  const id = (key: string): ConceptId => {
    let c = ids.get(key);
    if (c === undefined) {
      ids.set(key, (c = keys.length));
      keys.push(key);
    }
    return c;
  };
  for (const key of db.conceptKind.keys()) id(key);
  const compiled = db.compiled.claims;
  const claims = compiled.map((claim, c): ClaimInfo => ({ id: c, claim, outdatedWhen: (claim.outdated?.when ?? []).map(id) }));
  const layout: number[] = [];
  const addList = (list: string[]) => layout.push(list.length, ...list.map(id));
  const claimStarts = compiled.map((claim) => {
    const start = layout.length;
    layout.push(claim.subject.includes('ldn') ? SUBJECT_MAY_BE_IMPLIED : 0);
    addList(claim.subject);
    layout.push(claim.patterns.length);
    for (const pattern of claim.patterns) {
      const patternStart = layout.length;
      layout.push(0, pattern.all.length);
      for (const group of pattern.all) addList(group);
      addList(pattern.none);
      layout[patternStart] = layout.length - patternStart;
    }
    return start;
  });
  const claimUses = Int32Array.from(keys, (key) => db.claimsByConcept.get(key)?.length ?? 0);
  const candidatesOf: ClaimId[][] = keys.map(() => []);
  compiled.forEach((claim, c) => {
    for (const concept of candidateKeys(claim, id, claimUses)) candidatesOf[concept]!.push(c);
  });
  const candidateStarts = new Int32Array(keys.length + 1);
  candidatesOf.forEach((claimIds, c) => (candidateStarts[c + 1] = candidateStarts[c]! + claimIds.length));
  const code = Int32Array.from(layout);
  return {
    keys,
    kinds: Int32Array.from(keys, (key) => kindBit(db.conceptKind.get(key))),
    claims,
    ids,
    claimUses,
    code,
    claimStarts: Int32Array.from(claimStarts),
    candidates: Int32Array.from(candidatesOf.flat()),
    candidateStarts,
    marks: new ConceptMarks(code, keys.length, claims.length),
  };
}

/**
 * The concepts a claim is looked up by: those of each pattern's rarest group (the group whose
 * concepts the fewest claims use). A pattern is satisfied only if every group is found in the
 * sentence or its context, so its rarest group must be among them: looking claims up by that
 * group alone finds every claim `evaluate` could accept, without also trying the thousands
 * that share a generic word such as "helps". The candidates differ, the results do not (they
 * are sorted by a total order).
 */
function candidateKeys(claim: CompiledClaim, id: (key: string) => ConceptId, claimUses: Int32Array): Set<ConceptId> {
  const keys = new Set<ConceptId>();
  for (const pattern of claim.patterns) {
    let rarest: string[] = [];
    let rarestUses = Infinity;
    for (const group of pattern.all) {
      const n = group.reduce((sum, c) => sum + claimUses[id(c)]!, 0);
      if (n < rarestUses) [rarest, rarestUses] = [group, n];
    }
    for (const c of rarest) keys.add(id(c));
  }
  return keys;
}

/**
 * Which concepts the sentence being read names (and where), which its context lends it, and
 * which claims have been tried for it, by id. One set of arrays per database, reused page after
 * page: an entry equal to the current sentence's number marks it, so starting a sentence
 * unmarks everything at once, and nothing is cleared or hashed between sentences. The lists of
 * the sentence's concepts (each hit's, the named, the lent) are kept here too, rather than in
 * arrays grown by `push` for every sentence. A list of concepts asked about is given by where it
 * starts in `MatchIndex.code`.
 */
export class ConceptMarks {
  private sentence = 0;
  private readonly named: Int32Array;
  /** For a named concept: the index of its first hit and of its latest hit so far. */
  private readonly firstHits: Int32Array;
  private readonly latestHits: Int32Array;
  /** For each hit of the sentence: its concept, and the index of the next hit of that concept or -1. */
  private hitConcepts = new Int32Array(64);
  private nextHits = new Int32Array(64);
  /** The concepts the sentence names, in the order of their first hits, and how many. */
  private readonly namedList: Int32Array;
  private namedCount = 0;
  private readonly lent: Int32Array;
  /** The concepts lent to the sentence, in the order lent, and how many. */
  private readonly lentList: Int32Array;
  private lentCount = 0;
  private readonly tried: Int32Array;

  constructor(
    private readonly code: Int32Array,
    concepts: number,
    claims: number,
  ) {
    this.named = new Int32Array(concepts);
    this.firstHits = new Int32Array(concepts);
    this.latestHits = new Int32Array(concepts);
    this.namedList = new Int32Array(concepts);
    this.lent = new Int32Array(concepts);
    this.lentList = new Int32Array(concepts);
    this.tried = new Int32Array(claims);
  }

  /** Starts the next sentence, of `hits` hits, with nothing marked. */
  nextSentence(hits: number): void {
    if (hits > this.nextHits.length) {
      this.hitConcepts = new Int32Array(hits * 2);
      this.nextHits = new Int32Array(hits * 2);
    }
    this.namedCount = 0;
    this.lentCount = 0;
    if (++this.sentence < SENTENCE_LIMIT) return;
    for (const marks of [this.named, this.lent, this.tried]) marks.fill(0);
    this.sentence = 1;
  }

  /** Marks hit `hit` of the sentence, the next in order, as naming concept `c`. */
  name(c: ConceptId, hit: number): void {
    this.hitConcepts[hit] = c;
    this.nextHits[hit] = -1;
    if (this.isNamed(c)) {
      this.nextHits[this.latestHits[c]!] = hit;
    } else {
      this.named[c] = this.sentence;
      this.firstHits[c] = hit;
      this.namedList[this.namedCount++] = c;
    }
    this.latestHits[c] = hit;
  }

  /** The concept of hit `hit`. */
  conceptOf(hit: number): ConceptId {
    return this.hitConcepts[hit]!;
  }

  /** How many concepts the sentence names; `namedAt(k)` is the kth, in the order of their first hits. */
  get namedTotal(): number {
    return this.namedCount;
  }

  namedAt(k: number): ConceptId {
    return this.namedList[k]!;
  }

  isNamed(c: ConceptId): boolean {
    return this.named[c] === this.sentence;
  }

  /** Whether the sentence names any concept of the list at `list`. */
  anyNamed(list: number): boolean {
    for (let i = list + this.code[list]!; i > list; i--) if (this.isNamed(this.code[i]!)) return true;
    return false;
  }

  /** The index of the sentence's first hit of `c`, or -1 if it does not name it. */
  firstHit(c: ConceptId): number {
    return this.isNamed(c) ? this.firstHits[c]! : -1;
  }

  /** The index of the sentence's next hit of the concept of hit `hit`, or -1. */
  nextHit(hit: number): number {
    return this.nextHits[hit]!;
  }

  /** Lends `c` to the sentence, unless it is lent already. */
  lend(c: ConceptId): void {
    if (this.isLent(c)) return;
    this.lent[c] = this.sentence;
    this.lentList[this.lentCount++] = c;
  }

  /** How many concepts are lent to the sentence; `lentAt(k)` is the kth, in the order lent. */
  get lentTotal(): number {
    return this.lentCount;
  }

  lentAt(k: number): ConceptId {
    return this.lentList[k]!;
  }

  isLent(c: ConceptId): boolean {
    return this.lent[c] === this.sentence;
  }

  /** Whether the sentence names, or is lent so far, a concept whose kind bits (`kinds`, by concept) include `kind`. */
  anyOfKind(kinds: Int32Array, kind: number): boolean {
    for (let k = 0; k < this.namedCount; k++) if ((kinds[this.namedList[k]!]! & kind) !== 0) return true;
    for (let k = 0; k < this.lentCount; k++) if ((kinds[this.lentList[k]!]! & kind) !== 0) return true;
    return false;
  }

  /** The first concept of the list at `list` that the context lends, or -1. */
  firstLent(list: number): ConceptId {
    const end = nextList(this.code, list);
    for (let i = list + 1; i < end; i++) if (this.isLent(this.code[i]!)) return this.code[i]!;
    return -1;
  }

  /** True the first time a claim is tried for the sentence. */
  firstTry(claim: ClaimId): boolean {
    if (this.tried[claim] === this.sentence) return false;
    this.tried[claim] = this.sentence;
    return true;
  }
}

/** Sentence numbers stay below this; past it the marks start afresh. */
const SENTENCE_LIMIT = 2 ** 30;
