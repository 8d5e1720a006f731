/**
 * One reference-list entry -> its parts, in the common styles: APA ("Smith J, Lee K (2019).
 * Title. Journal 3:1-9."), MLA-like ('Smith, J. "Title." Journal, vol. 3, 2019.'), Vancouver
 * ("Smith J, Lee K. Title. J Pain. 2019;3:1-9.") and numbered lists of any of these.
 */
import { isSpace } from '../segment';
import { findIdentifiers, type Identifier } from './identifiers';
import { trimDotsAndSpaces } from './text';

export interface ParsedReference {
  number: number | null;
  /** Family names in the order given. */
  authors: string[];
  year: number | null;
  title: string | null;
  journal: string | null;
  ids: Identifier[];
}

const NUMBER = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+/;
const QUOTED = /["“‘]([^"”’]{8,}?)[.,]?["”’]|(?:^|\s)'(.{8,}?)[.,]?'(?=\s|$)/;
/** QUOTED needs one of these marks; most APA and Vancouver entries have none, and QUOTED tries every position. */
const QUOTE_MARK = /["'“‘]/;
const YEAR_IN_PARENS = /\(\s*((?:19|20)\d{2})[a-z]?\s*\)\.?/;
const YEAR = /\b((?:19|20)\d{2})[a-z]?\b/;
// Given-name initials ("J", "MA", "Y-H", "J.") and joining words are not family names.
const NOT_A_NAME = /^(?:[\p{Lu}](?:[.-]?[\p{Lu}])*\.?|et|al|and|&|jr|sr|ii|iii|\d.*)$/u;

export function parseReference(raw: string): ParsedReference {
  const num = NUMBER.exec(raw);
  const text = num ? raw.slice(num[0].length) : raw;
  const ids = findIdentifiers(text);
  const withoutIds = withoutIdentifiers(text);
  let authorsPart = '';
  let title: string | null = null;
  let rest = '';
  const quoted = QUOTE_MARK.test(withoutIds) ? QUOTED.exec(withoutIds) : null;
  const parenYear = YEAR_IN_PARENS.exec(withoutIds);
  if (quoted) {
    authorsPart = withoutIds.slice(0, quoted.index);
    title = (quoted[1] ?? quoted[2]!).trim();
    rest = withoutIds.slice(quoted.index + quoted[0].length);
  } else if (parenYear) {
    authorsPart = withoutIds.slice(0, parenYear.index);
    [title, rest] = firstSentence(withoutIds.slice(parenYear.index + parenYear[0].length));
  } else {
    // Vancouver: authors end at the first full stop that follows a run of initials.
    const end = /(?:\b[\p{Lu}]{1,3}|\bet al)\.\s+(?=[\p{Lu}\p{N}])/u.exec(withoutIds);
    authorsPart = end ? withoutIds.slice(0, end.index + end[0].length) : '';
    [title, rest] = firstSentence(withoutIds.slice(authorsPart.length));
  }
  const yearMatch = parenYear ?? YEAR.exec(rest) ?? YEAR.exec(withoutIds);
  return {
    number: num ? Number(num[1] ?? num[2]) : null,
    authors: familyNames(authorsPart),
    year: yearMatch ? Number(yearMatch[1]) : null,
    title: title && title.length >= 8 ? trimDotsAndSpaces(title) : null,
    journal: journalOf(rest),
    ids,
  };
}

const DOI_WITH_PREFIX = /\b(?:doi:?\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+/gi;
const PMID_WITH_PREFIX = /\bPMID:?\s*\d+/gi;

/** The entry with its DOIs and PMIDs blanked out. */
function withoutIdentifiers(text: string): string {
  // Prefilter: a DOI needs "10.", far faster to look for than DOI_WITH_PREFIX. A search for
  // "pmid" would cost what replacing PMIDs costs when there are none (the text comes back as is).
  const withoutDois = text.includes('10.') ? text.replace(DOI_WITH_PREFIX, ' ') : text;
  return withoutDois.replace(PMID_WITH_PREFIX, ' ');
}

function firstSentence(s: string): [string | null, string] {
  const t = s.trim();
  // A title ends at ". " or "? " followed by a capital (the journal), not inside "vs." or a dose.
  const m = /[.?!]\s+(?=[\p{Lu}])/u.exec(t);
  return m ? [t.slice(0, m.index + 1), t.slice(m.index + m[0].length)] : [t || null, ''];
}

/** Journal: the words before the first number or volume marker ("J Clin Med 10(24)", "Cells, vol. 11"). */
const JOURNAL_END = /\s*(?:,|\bvol\b|\bvolume\b|\d|;|\()/i;

function journalOf(rest: string): string | null {
  const start = rest.replace(/^[\s.,;:]+/, '');
  // The text before the first JOURNAL_END (what splitting there would give first, without the other parts).
  const end = start.search(JOURNAL_END);
  const j = trimDotsAndSpaces(end < 0 ? start : start.slice(0, end)).trim();
  return j.length >= 3 ? j : null;
}

const NAME_PARTICLE = /^(?:de|van|von|der|da|di|le|la)$/i;
const UPPER_CASE_START = /^[\p{Lu}]/u;

/**
 * One name per chunk of `part` between separators (what splitting at `/[,;&]|\band\b/` gives),
 * read in one pass over the characters: a pattern split and a pattern search for each chunk's
 * words cost more than the rest of parsing an entry together.
 */
function familyNames(part: string): string[] {
  const names: string[] = [];
  let name = '';
  for (let i = 0; i <= part.length; ) {
    const separator = i === part.length ? 1 : nameSeparatorAt(part, i);
    if (separator > 0) {
      // A chunk holds no comma, so its name can only end with a full stop to drop.
      if (name !== '') names.push(name.endsWith('.') ? name.slice(0, -1) : name);
      name = '';
      i += separator;
    } else if (isSpace(part.charCodeAt(i))) {
      i++;
    } else {
      // A word: up to the next space or separator.
      const start = i;
      while (++i < part.length && !isSpace(part.charCodeAt(i)) && nameSeparatorAt(part, i) === 0);
      name = withFamilyWord(name, part.slice(start, i));
    }
  }
  return names;
}

/** The length of the separator at `i` (of what `/[,;&]|\band\b/` matches there), or 0. */
function nameSeparatorAt(part: string, i: number): number {
  const c = part.charCodeAt(i);
  if (c === 0x2c || c === 0x3b || c === 0x26) return 1;
  return c === 0x61 && part.startsWith('and', i) && !isWordCharacter(part.charCodeAt(i - 1)) && !isWordCharacter(part.charCodeAt(i + 3)) ? 3 : 0;
}

/** What `\w` matches (and `\b` looks for); false past either end of the text (`NaN`). */
function isWordCharacter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** `name` with `word` added when it is part of a family name: capitalised or a particle ("van"), and not an initial or a joining word. */
function withFamilyWord(name: string, word: string): string {
  if (isNotAName(word)) return name;
  if (!startsUpperCase(word) && !NAME_PARTICLE.test(word)) return name;
  return name === '' ? word : `${name} ${word}`;
}

/**
 * NOT_A_NAME on the word without one final full stop, answered without the pattern (or a copy of
 * the word) for the common forms: a capital then a lower-case letter ("Smith") matches none of its
 * forms, and ASCII capitals alone ("M.", "MA", "WHO") match its initials.
 */
function isNotAName(word: string): boolean {
  const length = word.endsWith('.') ? word.length - 1 : word.length;
  if (length >= 2 && isAsciiCapital(word.charCodeAt(0)) && isAsciiLowerCase(word.charCodeAt(1))) return false;
  let capitals = 0;
  while (capitals < length && isAsciiCapital(word.charCodeAt(capitals))) capitals++;
  if (length > 0 && capitals === length) return true;
  return NOT_A_NAME.test(length === word.length ? word : word.slice(0, length));
}

function isAsciiCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAsciiLowerCase(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** `UPPER_CASE_START`, read from the character code for ASCII. */
function startsUpperCase(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? isAsciiCapital(c) : UPPER_CASE_START.test(word);
}
