/** DOIs, PMIDs, PMC ids and NCT ids, in running text and in link targets. */
import { allMatches, FOUR_DIGITS } from './text';

export type IdKind = 'doi' | 'pmid' | 'pmcid' | 'nct';

export interface Identifier {
  kind: IdKind;
  /** Normalised: DOIs lower-case without a trailing full stop, PMC ids upper-case. */
  value: string;
  /** Offsets in the text searched (absent for identifiers read from a link target). */
  start?: number;
  end?: number;
}

// A DOI ends at whitespace, quotes or angle brackets; a trailing full stop or bracket is punctuation.
const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/g;
const PMID = /\bPMID:?\s*(\d{5,9})\b/gi;
const PMCID = /\b(PMC\d{5,9})\b/g;
const NCT = /\b(NCT\d{8})\b/g;

/**
 * Every identifier pattern above needs one of these. The digits after "10.", "PMC" and "NCT" keep
 * words such as "function" and "distinct" from passing.
 */
const MAYBE_IDENTIFIER = /10\.\d{4}|pmid|pmc\d|nct\d/i;
const MAYBE_PMID = /pmid/i;

/** The patterns above without the global flag, for `hasIdentifier` (a test on a global pattern moves its `lastIndex`). */
const FIRST_IDENTIFIER = [DOI, PMID, PMCID, NCT].map((re) => new RegExp(re.source, re.flags.replace('g', '')));

/** `findIdentifiers(text).length > 0` without collecting them: every match of a pattern is an identifier. */
export function hasIdentifier(text: string): boolean {
  return FOUR_DIGITS.test(text) && MAYBE_IDENTIFIER.test(text) && FIRST_IDENTIFIER.some((re) => re.test(text));
}

export function findIdentifiers(text: string): Identifier[] {
  const out: Identifier[] = [];
  if (!FOUR_DIGITS.test(text)) return out;
  // Prefilters: each pattern is run only on text holding its literal part.
  if (text.includes('10.')) {
    for (const m of allMatches(text, DOI)) {
      const value = trimDoi(m[1]!);
      out.push({ kind: 'doi', value: value.toLowerCase(), start: m.index, end: m.index + value.length });
    }
  }
  if (MAYBE_PMID.test(text)) for (const m of allMatches(text, PMID)) out.push({ kind: 'pmid', value: m[1]!, start: m.index, end: m.index + m[0].length });
  if (text.includes('PMC')) for (const m of allMatches(text, PMCID)) out.push({ kind: 'pmcid', value: m[1]!.toUpperCase(), start: m.index, end: m.index + m[0].length });
  if (text.includes('NCT')) for (const m of allMatches(text, NCT)) out.push({ kind: 'nct', value: m[1]!, start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start! - b.start!);
}

function trimDoi(doi: string): string {
  let d = doi;
  // Drop trailing punctuation, and a closing bracket that has no opening one inside the DOI.
  for (;;) {
    if (endsWithPunctuation(d)) d = d.slice(0, -1);
    else if (d.endsWith(')') && (d.match(/\(/g) ?? []).length < (d.match(/\)/g) ?? []).length) d = d.slice(0, -1);
    else if (d.endsWith(']') && !d.includes('[')) d = d.slice(0, -1);
    else return d;
  }
}

/** `/[.,;:]$/.test(s)`, read from the last character code. */
function endsWithPunctuation(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a;
}

/** Identifiers in a link target: doi.org, PubMed, PMC and ClinicalTrials.gov addresses. */
export function identifiersInHref(href: string): Identifier[] {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return [];
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(url.pathname);
  if (host === 'doi.org' || host === 'dx.doi.org') {
    const doi = path.replace(/^\//, '');
    return /^10\.\d{4,9}\//.test(doi) ? [{ kind: 'doi', value: trimDoi(doi).toLowerCase() }] : [];
  }
  if (host === 'pubmed.ncbi.nlm.nih.gov') {
    const m = /^\/(\d{5,9})\/?$/.exec(path);
    return m ? [{ kind: 'pmid', value: m[1]! }] : [];
  }
  if (host === 'ncbi.nlm.nih.gov' || host === 'pmc.ncbi.nlm.nih.gov') {
    const pmc = /(PMC\d{5,9})/i.exec(path);
    if (pmc) return [{ kind: 'pmcid', value: pmc[1]!.toUpperCase() }];
    const pubmed = /^\/pubmed\/(\d{5,9})/.exec(path);
    return pubmed ? [{ kind: 'pmid', value: pubmed[1]! }] : [];
  }
  if (host === 'clinicaltrials.gov' || host === 'classic.clinicaltrials.gov') {
    const nct = /(NCT\d{8})/i.exec(path + url.search);
    return nct ? [{ kind: 'nct', value: nct[1]!.toUpperCase() }] : [];
  }
  return [];
}
