/**
 * How sentences point at studies: numbered markers ("[3]"), identifiers, author-year forms
 * ("Younger et al. (2013)", "(Bruun, 2024)", "a 2011 trial by Smith", "in 1985, Dr. Bihari"),
 * journal mentions ("a study published in the Journal of Neurology") and bare appeals to a
 * single study ("a study found"). Grading and the cite stage share these patterns.
 */
import { hasIdentifier } from './identifiers';

export type InlineMention =
  | { kind: 'author-year'; author: string; year: number; loose: boolean }
  | { kind: 'journal'; journal: string }
  | { kind: 'vague' };

const NAME = String.raw`[\p{Lu}][\p{L}'’-]+`;
const CO_AUTHOR = String.raw`(?:\s+et\s+al\.?|\s+(?:and|&)\s+${NAME})?`;
const YEAR = String.raw`((?:19|20)\d{2})[a-z]?`;

export const MARKERS = /\[\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*\]/g;
const AUTHOR_THEN_YEAR = new RegExp(String.raw`\b(${NAME})${CO_AUTHOR},?\s*\(${YEAR}\)`, 'u');
const YEAR_IN_PARENS = new RegExp(String.raw`\((${NAME})${CO_AUTHOR},?\s+${YEAR}(?:[;,][^)]*)?\)`, 'u');
const YEAR_STUDY_BY = new RegExp(String.raw`\b${YEAR}\s+(?:study|trial|paper|review|report|analysis|survey)\s+(?:by|from)\s+(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?((?:${NAME}\s+)*${NAME})`, 'u');
const DOCTOR = new RegExp(String.raw`\b(?:Dr\.?|Doctor|Prof(?:essor)?\.?)\s+((?:${NAME}\s+)*${NAME})`, 'u');
const ANY_YEAR = /\b(1[89]\d{2}|20\d{2})\b/;
const FINDING = /\b(?:found|finds|showed|shows|shown|revealed|indicated|reported|demonstrated|concluded|suggested|observed|identified|discovered|noted|published)\b/i;
const JOURNAL = /\b(?:published|appeared|reported|printed)\s+in\s+(?:the\s+)?(?:journal\s+)?((?:[\p{Lu}][\p{L}&'’.-]*)(?:\s+(?:of|and|&|the|in|for|[\p{Lu}][\p{L}&'’.-]*))*)/u;
const VAGUE = /\b(?:a|one|another|an?\s+(?:earlier|recent|new|small|large|older|clinical|pilot|published|landmark|single))\s+(?:\w+\s+)?(?:study|trial|paper)\b/i;
/** Words that start sentences and look like names to the author-year pattern. */
const NOT_NAMES = new Set(['In', 'The', 'By', 'Since', 'From', 'Until', 'After', 'Before', 'During', 'As', 'At', 'On', 'For', 'A', 'An', 'This', 'That', 'And', 'Or', 'But', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Spring', 'Summer', 'Autumn', 'Fall', 'Winter']);

/** Every author-year form needs a year (AUTHOR_THEN_YEAR, YEAR_IN_PARENS, YEAR_STUDY_BY, ANY_YEAR): most sentences have none, and skip those four patterns. */
const MAYBE_YEAR = /(?:1[89]|20)\d\d/;
/** A copy of MARKERS without the global flag, whose `lastIndex` would carry over between tests. */
const MARKER = new RegExp(MARKERS.source);
/**
 * JOURNAL needs one of its verbs and VAGUE one of its nouns; most sentences have none. One search
 * for all seven words costs about as much as a search for either pattern's words, and far less
 * than both.
 */
const MAYBE_JOURNAL_OR_VAGUE = /study|trial|paper|published|appeared|reported|printed/i;

/** `hasFourDigits`: whether the text holds FOUR_DIGITS (as every year does), which the caller has already looked for. */
export function inlineMention(text: string, hasFourDigits: boolean): InlineMention | null {
  const authored = hasFourDigits && MAYBE_YEAR.test(text) ? authorYear(text) : null;
  if (authored) return authored;
  if (!MAYBE_JOURNAL_OR_VAGUE.test(text)) return null;
  return journalMention(text) ?? (isVague(text) ? { kind: 'vague' } : null);
}

/** True when the text has a numbered marker ("[3]", "[1, 4-6]"). */
export function hasMarker(text: string): boolean {
  // Prefilter: every marker opens with "[", which most sentences lack.
  return text.includes('[') && MARKER.test(text);
}

function authorYear(text: string): InlineMention | null {
  // Prefilter: both forms put their year or their author in brackets.
  if (text.includes('(')) {
    for (const re of [AUTHOR_THEN_YEAR, YEAR_IN_PARENS]) {
      const m = re.exec(text);
      if (m && !NOT_NAMES.has(m[1]!)) return { kind: 'author-year', author: m[1]!, year: Number(m[2]), loose: false };
    }
  }
  const by = YEAR_STUDY_BY.exec(text);
  if (by) return { kind: 'author-year', author: lastWord(by[2]!), year: Number(by[1]), loose: false };
  const dr = DOCTOR.exec(text);
  const year = ANY_YEAR.exec(text);
  if (dr && year && FINDING.test(text)) return { kind: 'author-year', author: lastWord(dr[1]!), year: Number(year[1]), loose: true };
  return null;
}

function journalMention(text: string): InlineMention | null {
  const journal = JOURNAL.exec(text);
  if (!journal) return null;
  const name = journal[1]!.replace(/\s+(?:of|and|&|the|in|for)$/i, '').replace(/[.]$/, '');
  return name.split(/\s+/).length >= 1 && name.length >= 4 ? { kind: 'journal', journal: name } : null;
}

/** VAGUE is tried first: FINDING, the slowest pattern here, matches far more sentences. */
function isVague(text: string): boolean {
  return VAGUE.test(text) && FINDING.test(text);
}

/** True when the sentence names its source: a marker, an identifier, a study link, an author-year or a journal. */
export function hasCitationMark(text: string, links: string[]): boolean {
  if (links.length > 0 || hasMarker(text) || hasIdentifier(text)) return true;
  // A vague appeal ("a study found") names no source, so its patterns are not tried here.
  return (MAYBE_YEAR.test(text) && authorYear(text) !== null) || journalMention(text) !== null;
}

function lastWord(name: string): string {
  return name.trim().split(/\s+/).pop()!;
}
