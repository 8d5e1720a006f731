/**
 * Which of a report's citations an online look-up can help, and what to look them up by. Only
 * citations the bibliography holds nothing for (`unverified`, no study) that carry an identifier
 * or a title: an author and a year alone ("Smith (2019)") match too many works to say which.
 */
import type { ReportCitation } from '../../report-schema';
import type { Identifier } from '../identifiers';
import { parseReference } from '../reference';
import { MIN_TITLE_WORDS, type CitedDetails } from '../resolve';
import { titleWords } from '../similarity';

/** Identifier citations carry the normalised value as their text (see cite/index.ts). */
function identifierOf(value: string): Identifier | null {
  if (/^10\.\d{4,9}\//.test(value)) return { kind: 'doi', value: value.toLowerCase() };
  if (/^\d{5,9}$/.test(value)) return { kind: 'pmid', value };
  if (/^PMC\d{5,9}$/i.test(value)) return { kind: 'pmcid', value: value.toUpperCase() };
  if (/^NCT\d{8}$/i.test(value)) return { kind: 'nct', value: value.toUpperCase() };
  return null;
}

/** The details to look a citation up by, or null when it is verified already or has nothing to look up by. */
export function lookupDetails(c: ReportCitation): CitedDetails | null {
  if (c.status !== 'unverified' || c.studyId !== null) return null;
  if (c.kind === 'identifier') {
    const id = identifierOf(c.text);
    return id ? { authors: [], year: null, title: null, journal: null, ids: [id], looseYear: false } : null;
  }
  if (c.kind !== 'reference') return null;
  const parsed = parseReference(c.text);
  const details: CitedDetails = { ...parsed, looseYear: false };
  return details.ids.length > 0 || hasSearchableTitle(details) ? details : null;
}

export function hasSearchableTitle(d: CitedDetails): d is CitedDetails & { title: string } {
  return d.title !== null && d.title.split(/\s+/).length >= MIN_TITLE_WORDS;
}

/** Cache and de-duplication keys, one per way a citation is looked up: each identifier, then its title. */
export function idKey(id: Identifier): string {
  return `${id.kind}:${id.value}`;
}

export function titleKey(title: string): string {
  return `title:${titleWords(title).join(' ')}`;
}
