/**
 * A citation's details -> the bibliography record it names, and a status with reasons in plain
 * words. Identifiers decide first; then the title; then first author and year.
 */
import type { PreparedDb, StudySummary } from '../db';
import type { CitationStatus } from '../levels';
import type { Identifier, IdKind } from './identifiers';
import { hasSpaceSeparatedPieces, trimDotsAndSpaces } from './text';
import { titleCandidates } from './title-index';
import { familyKey, journalWords, oneLetterDeletions, sameFamilyKey, sameJournalWords, titleWords, titleWordsSimilarity, type JournalWords } from './similarity';

export interface CitedDetails {
  authors: string[];
  year: number | null;
  title: string | null;
  journal: string | null;
  ids: Identifier[];
  /** Inline mentions date the research loosely ("in 1985, Dr. X found"): a different year is noted, not a mismatch. */
  looseYear: boolean;
}

export interface Resolution {
  status: CitationStatus;
  studyId: string | null;
  reasons: string[];
}

/** Titles this similar are the same work (see titleSimilarity for the scale). */
export const SAME_TITLE = 0.8;
/** Shorter parsed titles are not compared: they are usually a journal name or a fragment. */
export const MIN_TITLE_WORDS = 4;
/** With the same first author and year, a title this similar is enough. */
const RELATED_TITLE = 0.4;

/** Records by kind of identifier, then by the identifier as `Identifier.value` spells it. */
type IdIndex = Record<IdKind, Map<string, StudySummary>>;

const indexes = new WeakMap<PreparedDb, IdIndex>();

/** One map per kind, so that a citation's identifier is looked up as it is, without a key string built for it. */
function byIdentifier(db: PreparedDb): IdIndex {
  let index = indexes.get(db);
  if (!index) {
    index = { doi: new Map(), pmid: new Map(), pmcid: new Map(), nct: new Map() };
    for (const s of Object.values(db.compiled.studies)) {
      if (s.doi) index.doi.set(s.doi.toLowerCase(), s);
      if (s.pmid) index.pmid.set(s.pmid, s);
      if (s.pmcid) index.pmcid.set(s.pmcid.toUpperCase(), s);
      if (s.nct) index.nct.set(s.nct.toUpperCase(), s);
    }
    indexes.set(db, index);
  }
  return index;
}

interface FamilyIndex {
  /** Family name (as `familyKey` spells it) -> the records with an author of that name. */
  records: Map<string, Set<StudySummary>>;
  /** A family name, or one of its one-letter deletions -> the family names it comes from. */
  byVariant: Map<string, string[]>;
  /** Cited family name -> `recordsNamed`'s answer (cached: see `NAME_CACHE_LIMIT`). */
  named: Map<string, StudySummary[]>;
}

/**
 * Pages cite the same authors again and again, and looking a name up builds a string per letter
 * and as many map look-ups; each name's records are kept. The limit bounds the memory a
 * long-running extension can spend on names of pages it has read.
 */
const NAME_CACHE_LIMIT = 20_000;

const familyIndexes = new WeakMap<PreparedDb, FamilyIndex>();

/** Records by each author's family name, and the names by their one-letter deletions: one pass per database, not per citation. */
function byFamily(db: PreparedDb): FamilyIndex {
  let index = familyIndexes.get(db);
  if (!index) {
    index = { records: new Map(), byVariant: new Map(), named: new Map() };
    for (const s of Object.values(db.compiled.studies)) {
      for (const f of s.authorFamilies) {
        const key = familyKey(f);
        const set = index.records.get(key);
        if (set) {
          set.add(s);
          continue;
        }
        index.records.set(key, new Set([s]));
        for (const variant of [key, ...oneLetterDeletions(key)]) {
          const keys = index.byVariant.get(variant);
          if (!keys) index.byVariant.set(variant, [key]);
          else if (!keys.includes(key)) keys.push(key);
        }
      }
    }
    familyIndexes.set(db, index);
  }
  return index;
}

/**
 * The records with an author `sameFamilyKey` takes for `key`, in bibliography order: looked up by
 * the name and its deletions, not compared with every name. Shared: callers must not change it.
 */
function recordsNamed(key: string, db: PreparedDb): StudySummary[] {
  const index = byFamily(db);
  let records = index.named.get(key);
  if (!records) {
    const named = new Set<StudySummary>();
    for (const variant of [key, ...oneLetterDeletions(key)]) {
      for (const k of index.byVariant.get(variant) ?? []) if (sameFamilyKey(key, k)) for (const r of index.records.get(k)!) named.add(r);
    }
    const { position } = recordsOf(db);
    records = [...named].sort((x, y) => position.get(x)! - position.get(y)!);
    if (index.named.size >= NAME_CACHE_LIMIT) index.named.clear();
    index.named.set(key, records);
  }
  return records;
}

const recordLists = new WeakMap<PreparedDb, { records: StudySummary[]; position: Map<StudySummary, number> }>();

/** The bibliography in its order, with each record's position: listed once per database, not per citation. */
function recordsOf(db: PreparedDb): { records: StudySummary[]; position: Map<StudySummary, number> } {
  let list = recordLists.get(db);
  if (!list) {
    const records = Object.values(db.compiled.studies);
    list = { records, position: new Map(records.map((r, i) => [r, i])) };
    recordLists.set(db, list);
  }
  return list;
}

export const ID_NAME: Record<IdKind, string> = { doi: 'DOI', pmid: 'PMID', pmcid: 'PMC id', nct: 'trial registration' };

export function resolve(cited: CitedDetails, db: PreparedDb): Resolution {
  const { records } = recordsOf(db);
  let record: StudySummary | undefined;
  let how = '';
  for (const id of cited.ids) {
    record = byIdentifier(db)[id.kind].get(id.value);
    if (record) {
      how = `its ${ID_NAME[id.kind]} ${id.value}`;
      break;
    }
  }
  // The cited title's words, found once for every comparison below.
  const citedWords = cited.title ? titleWords(cited.title) : null;
  if (!record && citedWords) {
    // The first record with the highest similarity (what a stable sort would put first).
    let best: { r: StudySummary; sim: number } | null = null;
    for (const r of titleCandidates(citedWords, SAME_TITLE, db, records)) {
      const sim = titleWordsSimilarity(citedWords, titleWords(r.title));
      if (!best || sim > best.sim) best = { r, sim };
    }
    if (best && best.sim >= SAME_TITLE) {
      record = best.r;
      how = 'its title';
    }
  }
  if (!record && cited.authors[0]) {
    const dated = recordsNamed(familyKey(cited.authors[0]), db).filter((r) => cited.year === null || r.year === null || Math.abs(r.year - cited.year) <= (cited.looseYear ? 3 : 0));
    const titled = citedWords ? dated.filter((r) => titleWordsSimilarity(citedWords, titleWords(r.title)) >= RELATED_TITLE) : dated;
    if (titled.length === 1 || (titled.length > 1 && !cited.title && cited.looseYear)) {
      record = titled[0];
      how = cited.title ? 'its first author, year and title' : 'its author and year';
    }
  }
  if (!record) {
    const ids = cited.ids.map((i) => `${ID_NAME[i.kind]} ${i.value}`);
    return {
      status: 'unverified',
      studyId: null,
      reasons: [
        cited.title || cited.authors.length > 0 || ids.length > 0
          ? `No study with ${ids.length > 0 ? ids.join(', ') : 'this title or these authors'} is in the bibliography (${records.length} studies); it may not exist, or may be new.`
          : 'The page names no author, journal, year or identifier, so the study cannot be looked up.',
      ],
    };
  }
  return judge(cited, record, how);
}

/** The parts of a record that `describe` shows. */
export type Describable = Pick<StudySummary, 'authors' | 'year' | 'title' | 'journal'>;

const descriptions = new WeakMap<Describable, string>();

/** "Smith et al. (2019), Title, Journal." without doubled full stops; empty parts are left out. Built once per record, which every citation of it describes. */
export function describe(r: Describable): string {
  let d = descriptions.get(r);
  if (d === undefined) descriptions.set(r, (d = description(r)));
  return d;
}

function description(r: Describable): string {
  let out: string | null = null;
  for (const part of [`${r.authors ?? 'Unknown authors'}${r.year ? ` (${r.year})` : ''}`, r.title, r.journal]) {
    if (part) out = out === null ? trimDotsAndSpaces(part) : `${out}, ${trimDotsAndSpaces(part)}`;
  }
  return `${out ?? ''}.`;
}

/** The parts of a record a citation's details are compared with: a bibliography record, or one found online. */
export type Comparable = Pick<StudySummary, 'authorFamilies' | 'year' | 'journal' | 'title'>;

export interface Comparison {
  /** Details the page gives that the record contradicts, one sentence each. */
  mismatches: string[];
  /** Differences worth saying that do not make a mismatch (a loosely dated mention's year). */
  notes: string[];
}

/**
 * The page's details against a record's: first author, year, journal and title. Shared by the
 * bibliography (`judge`) and the online look-up (online/judge.ts), so both call the same
 * differences mismatches.
 */
export function compareDetails(cited: CitedDetails, r: Comparable): Comparison {
  const mismatches: string[] = [];
  const notes: string[] = [];
  const words = wordsOf(r);
  if (cited.authors[0] && r.authorFamilies.length > 0 && !includesFamilyKey(words.familyKeys, familyKey(cited.authors[0]))) {
    mismatches.push(`The page names ${cited.authors.slice(0, 2).join(' & ')} as authors; the record's authors are ${r.authorFamilies.slice(0, 3).join(', ')}${r.authorFamilies.length > 3 ? ' and others' : ''}.`);
  }
  if (cited.year !== null && r.year !== null && cited.year !== r.year) {
    const text = `The page gives the year ${cited.year}; the record is from ${r.year}.`;
    if (cited.looseYear) notes.push(text);
    else mismatches.push(text);
  }
  if (cited.journal && words.journal && !sameJournalWords(journalWords(cited.journal), words.journal)) {
    mismatches.push(`The page names the journal ${cited.journal}; the record was published in ${r.journal}.`);
  }
  // A "title" of a few words is more likely a journal or a fragment than a real title ("Arthritis Rheum 2013").
  if (cited.title && hasSpaceSeparatedPieces(cited.title, MIN_TITLE_WORDS) && titleWordsSimilarity(titleWords(cited.title), words.titleWords) < RELATED_TITLE) {
    mismatches.push(`The page's title differs from the record's: ${r.title}.`);
  }
  return { mismatches, notes };
}

/** What `compareDetails` reads of a record, as the functions of similarity.ts read it. */
interface RecordWords {
  titleWords: string[];
  familyKeys: string[];
  /** Null when the record names no journal. */
  journal: JournalWords | null;
}

const recordWords = new WeakMap<Comparable, RecordWords>();

/** A record's words, found once per record instead of looked up by each of its strings at every comparison. */
function wordsOf(r: Comparable): RecordWords {
  let words = recordWords.get(r);
  if (!words) {
    words = { titleWords: titleWords(r.title), familyKeys: r.authorFamilies.map(familyKey), journal: r.journal ? journalWords(r.journal) : null };
    recordWords.set(r, words);
  }
  return words;
}

/** Whether `sameFamilyKey` takes `key` for one of `keys`. */
function includesFamilyKey(keys: string[], key: string): boolean {
  return keys.some((k) => sameFamilyKey(key, k));
}

function judge(cited: CitedDetails, r: StudySummary, how: string): Resolution {
  const { mismatches, notes } = compareDetails(cited, r);
  const reasons = [`Matched by ${how}: ${describe(r)}`, ...notes];
  if (r.type === 'speech') reasons.push('The record is a conference presentation, not a peer-reviewed paper.');
  if (!r.seen) {
    return { status: 'unverified', studyId: r.id, reasons: [...reasons, 'The work is known only from other pages citing it; no copy of it could be found.', ...mismatches] };
  }
  const offTopic = r.dose === 'none'
    ? 'This work does not study LDN; it is background cited as if it supported LDN.'
    : r.dose === 'standard'
      ? 'This work studied standard-dose naltrexone (50 mg or more), not LDN.'
      : null;
  if (mismatches.length > 0) return { status: 'mismatch', studyId: r.id, reasons: [...reasons, ...mismatches, ...(offTopic ? [offTopic] : [])] };
  if (offTopic) return { status: 'off-topic', studyId: r.id, reasons: [...reasons, offTopic] };
  return { status: 'verified', studyId: r.id, reasons };
}
