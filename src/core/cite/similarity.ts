/** Tolerant comparison of titles, journal names and people's names, for matching citations to records. */
import { normalizeWord } from '../tokens';

const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'for', 'to', 'with', 'by', 'at', 'from', 'as', 'or', 'its', 'is', 'journal']);

function words(s: string, keepStop = false): string[] {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).map(normalizeWord).filter((w) => keepStop || !STOPWORDS.has(w));
}

/** How many strings each remembered reading keeps (see `remembered`). */
const CACHE_LIMIT = 50_000;

/**
 * `read`, remembering its result for each string: titles, family names and journal names of the
 * bibliography are compared again and again. The limit must hold the whole bibliography plus
 * what pages cite: below the bibliography's size the cache is cleared on every citation (a
 * 10,000-claim database made the cite stage 15 times slower). 50,000 titles of ten words each
 * stay within a few megabytes. Results are shared: callers must not change them.
 */
function remembered<T>(read: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      value = read(s);
      if (cache.size > CACHE_LIMIT) cache.clear();
      cache.set(s, value);
    }
    return value;
  };
}

/** The content words `titleSimilarity` compares. */
export const titleWords = remembered((title) => words(title));

/** Words this long match with one typo; shorter ones only exactly. */
export const FUZZY_MIN_LENGTH = 5;

/** Which words of the second title `titleSimilarity` has paired so far: all 0 between calls, so no title's words are copied. */
let paired = new Uint8Array(64);

/**
 * Dice overlap of the titles' content words, order-free, tolerating one-letter typos per word:
 * 1 for the same title, about 0.8 for a title with a word changed or reordered, near 0 for unrelated ones.
 */
export function titleSimilarity(a: string, b: string): number {
  return titleWordsSimilarity(titleWords(a), titleWords(b));
}

/** `titleSimilarity` on titles already passed through `titleWords`. */
export function titleWordsSimilarity(wa: string[], wb: string[]): number {
  if (wa.length === 0 || wb.length === 0) return 0;
  if (paired.length < wb.length) paired = new Uint8Array(wb.length);
  // Each word of `a` pairs with the first word of `b` it matches that no earlier word has taken.
  let shared = 0;
  for (const w of wa) {
    for (let i = 0; i < wb.length; i++) {
      if (paired[i] === 0 && sameTitleWord(w, wb[i]!)) {
        paired[i] = 1;
        shared++;
        break;
      }
    }
  }
  paired.fill(0, 0, wb.length);
  return (2 * shared) / (wa.length + wb.length);
}

function sameTitleWord(a: string, b: string): boolean {
  return a === b || (a.length >= FUZZY_MIN_LENGTH && b.length >= FUZZY_MIN_LENGTH && editDistanceAtMostOne(a, b));
}

/**
 * The word with each of its letters (code units) left out in turn. Two words one edit apart (as
 * `editDistanceAtMostOne` counts) always share one of these, or one of them is the other word:
 * the indexes of titles and family names look typos up by them, as SymSpell does.
 */
export function oneLetterDeletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** One insertion, deletion, substitution or swap of neighbouring letters ("treatmnet") apart, at most. */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  // Called for every pair of similar-length words compared: code units, and no allocation.
  if (a.length === b.length) {
    let first = -1;
    let differences = 0;
    for (let i = 0; i < a.length; i++) {
      if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
      if (++differences === 1) first = i;
      else if (differences > 2 || i !== first + 1 || a.charCodeAt(first) !== b.charCodeAt(i) || a.charCodeAt(i) !== b.charCodeAt(first)) return false;
    }
    return true;
  }
  // One letter more in the longer word: skip it at the first difference, then the rest must agree.
  const long = a.length > b.length ? a : b;
  const short = long === a ? b : a;
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  for (; i < short.length; i++) if (long.charCodeAt(i + 1) !== short.charCodeAt(i)) return false;
  return true;
}

/**
 * Journal names agree when one is the other's abbreviation: each word of the shorter (stop words
 * aside) starts the corresponding word of the longer ("J Clin Med" = "Journal of Clinical Medicine",
 * "Front Immunol" = "Frontiers in Immunology").
 */
export function sameJournal(a: string, b: string): boolean {
  return sameJournalWords(journalWords(a), journalWords(b));
}

const JOINING_WORDS = new Set(['of', 'the', 'and', 'in', 'on', 'for']);

/** A journal name as `sameJournal` compares it: its words (joining words aside), and those words joined by spaces. */
export interface JournalWords {
  words: string[];
  joined: string;
}

/** For comparing one name with many: each name's words are found once, not at every comparison. */
export const journalWords = remembered((name): JournalWords => {
  const w = words(name, true).filter((x) => !JOINING_WORDS.has(x));
  return { words: w, joined: w.join(' ') };
});

/** `sameJournal` on names already passed through `journalWords`. */
export function sameJournalWords(a: JournalWords, b: JournalWords): boolean {
  const wa = a.words;
  const wb = b.words;
  if (wa.length === 0 || wb.length === 0 || wa.length !== wb.length) return a.joined === b.joined;
  return wa.every((w, i) => wb[i]!.startsWith(w) || w.startsWith(wb[i]!));
}

/** A family name as `sameFamilyKey` compares it, for looking names up in an index. */
export const familyKey = remembered((name) => words(name, true).join(' '));

/** Whether two family names, passed through `familyKey`, are the same: equal, or one typo apart when longer than four letters. */
export function sameFamilyKey(na: string, nb: string): boolean {
  return na !== '' && (na === nb || (na.length > 4 && editDistanceAtMostOne(na, nb)));
}
