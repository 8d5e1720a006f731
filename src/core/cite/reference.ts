/**
 * One reference-list entry -> its parts, in the common styles: APA ("Smith J, Lee K (2019).
 * Title. Journal 3:1-9."), MLA-like ('Smith, J. "Title." Journal, vol. 3, 2019.'), Vancouver
 * ("Smith J, Lee K. Title. J Pain. 2019;3:1-9.") and numbered lists of any of these.
 */
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
  const quoted = QUOTED.exec(withoutIds);
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
  // Prefilters: a DOI needs "10.", a PMID the letters "pmid"; most entries have no PMID.
  const withoutDois = text.includes('10.') ? text.replace(DOI_WITH_PREFIX, ' ') : text;
  return /pmid/i.test(withoutDois) ? withoutDois.replace(PMID_WITH_PREFIX, ' ') : withoutDois;
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

function familyNames(part: string): string[] {
  const names: string[] = [];
  for (const chunk of part.split(/[,;&]|\band\b/)) {
    // The chunk's capitalised words (and particles such as "van"), initials and joining words aside.
    let name = '';
    // The words between spaces (what trimming and splitting at spaces gives, without an empty word).
    for (const w of chunk.match(/\S+/g) ?? []) {
      if (isNotAName(w.endsWith('.') ? w.slice(0, -1) : w)) continue;
      if (startsUpperCase(w) || NAME_PARTICLE.test(w)) name = name === '' ? w : `${name} ${w}`;
    }
    if (name !== '') names.push(name.endsWith('.') || name.endsWith(',') ? name.slice(0, -1) : name);
  }
  return names;
}

/** NOT_A_NAME, answered without the pattern for most family names: a capital then a lower-case letter ("Smith") matches none of its forms. */
function isNotAName(word: string): boolean {
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  if (first >= 0x41 && first <= 0x5a && second >= 0x61 && second <= 0x7a) return false;
  return NOT_A_NAME.test(word);
}

/** `UPPER_CASE_START`, read from the character code for ASCII. */
function startsUpperCase(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER_CASE_START.test(word);
}
