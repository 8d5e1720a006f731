/**
 * cite: the page's citations -> checked against the bibliography. Reads the reference list
 * (entries under a "References"-like heading), identifiers in text and links, and inline
 * mentions in sentences; links each sentence to the citations it carries, including the
 * reference entries its "[3]" markers point to.
 */
import type { Article } from '../article';
import type { PreparedDb } from '../db';
import type { ReportCitation } from '../report-schema';
import { isReferenceHeading } from '../reference-heading';
import type { Sentence } from '../segment';
import { findIdentifiers, identifiersInHref, type Identifier } from './identifiers';
import { inlineMention, MARKERS } from './patterns';
import { parseReference } from './reference';
import { resolve, type CitedDetails, type Resolution } from './resolve';
import { resolveJournalMention } from './journal';
import { allMatches, FOUR_DIGITS } from './text';

export interface CiteResult {
  citations: ReportCitation[];
  /** Sentence index -> indexes into `citations`. */
  bySentence: Map<number, number[]>;
}

/** Entries shorter than this are not references ("See above."). */
const MIN_REFERENCE_CHARS = 25;

export function cite(article: Article, sentences: Sentence[], db: PreparedDb): CiteResult {
  const citations: ReportCitation[] = [];
  const bySentence = new Map<number, number[]>();
  const link = (sentence: number, citation: number) => {
    const list = bySentence.get(sentence) ?? [];
    if (!list.includes(citation)) list.push(citation);
    bySentence.set(sentence, list);
  };

  const referenceBlocks = referenceListBlocks(article);
  const byNumber = new Map<number, number>();
  referenceBlocks.forEach((b, position) => {
    const block = article.blocks[b]!;
    const text = article.text.slice(block.start, block.end);
    const parsed = parseReference(text);
    const hrefIds = article.links.filter((l) => l.start >= block.start && l.end <= block.end).flatMap((l) => identifiersInHref(l.href));
    // Named field by field: V8 adds a property to a spread copy on a slow path.
    const { authors, year, title, journal } = parsed;
    const ids = hrefIds.length === 0 && parsed.ids.length < 2 ? parsed.ids : dedupe([...parsed.ids, ...hrefIds]);
    const r = resolve({ authors, year, title, journal, ids, looseYear: false }, db);
    byNumber.set(parsed.number ?? position + 1, citations.length);
    citations.push(citation(text, block.start, block.end, 'reference', r));
  });
  const inReferences = new Set(referenceBlocks);

  for (const s of sentences) {
    if (inReferences.has(s.block) || s.kind === 'heading') continue;
    // Prefilter: every marker opens with "[", which most sentences lack.
    if (s.text.includes('[')) {
      for (const m of allMatches(s.text, MARKERS)) {
        for (const n of expandMarker(m[1]!)) {
          const c = byNumber.get(n);
          if (c !== undefined) link(s.index, c);
        }
      }
    }
    // Identifiers and author-years need four digits in a row; most sentences have none.
    const hasFourDigits = FOUR_DIGITS.test(s.text);
    const ids = identifiersOf(s, hasFourDigits);
    for (const id of ids) {
      const r = resolve(details({ ids: [id] }), db);
      link(s.index, citations.length);
      citations.push(citation(id.value, id.start ?? s.start, id.end ?? s.end, 'identifier', r));
    }
    if (ids.length > 0) continue;
    const mention = inlineMention(s.text, hasFourDigits);
    if (!mention) continue;
    const r = mention.kind === 'journal'
      ? resolveJournalMention(mention.journal, s.text, db)
      : resolve(mention.kind === 'author-year' ? details({ authors: [mention.author], year: mention.year, looseYear: mention.loose }) : details({}), db);
    link(s.index, citations.length);
    citations.push(citation(s.text, s.start, s.end, 'inline', r));
  }
  return { citations, bySentence };
}

/** A citation with its resolution, named field by field: V8 copies a spread into a literal on a slow path. */
function citation(text: string, start: number, end: number, kind: ReportCitation['kind'], r: Resolution): ReportCitation {
  return { text, start, end, kind, status: r.status, studyId: r.studyId, reasons: r.reasons };
}

/** The sentence's identifiers, those in its text (at their offsets in the article) first, each once. */
function identifiersOf(s: Sentence, hasFourDigits: boolean): Identifier[] {
  const inText = hasFourDigits ? findIdentifiers(s.text) : [];
  // Most sentences have neither: nothing to shift, gather or deduplicate.
  if (inText.length === 0 && s.links.length === 0) return inText;
  return dedupe([...inText.map((i) => ({ ...i, start: s.start + i.start!, end: s.start + i.end! })), ...s.links.flatMap(identifiersInHref)]);
}

function details(d: Partial<CitedDetails>): CitedDetails {
  return { authors: [], year: null, title: null, journal: null, ids: [], looseYear: false, ...d };
}

/** Blocks under a reference-list heading, up to the next heading of the same or a higher level. */
function referenceListBlocks(article: Article): number[] {
  const out: number[] = [];
  let level = 0;
  article.blocks.forEach((b, i) => {
    if (b.kind === 'heading') {
      if (level > 0 && b.level <= level) level = 0;
      const text = article.text.slice(b.start, b.end);
      if (isReferenceHeading(text)) level = b.level || 6;
      return;
    }
    if (level === 0 || b.end - b.start < MIN_REFERENCE_CHARS) return;
    // List items under the heading are entries; a paragraph is one only if it carries a year or an identifier.
    const text = article.text.slice(b.start, b.end);
    if (b.kind === 'list-item' || (b.kind === 'paragraph' && (/\b(?:19|20)\d{2}\b/.test(text) || findIdentifiers(text).length > 0))) out.push(i);
  });
  return out;
}

function expandMarker(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split(/[–-]/).map((x) => Number(x.trim()));
    if (b !== undefined && a !== undefined && b >= a && b - a < 50) for (let n = a; n <= b; n++) out.push(n);
    else if (a !== undefined && !Number.isNaN(a)) out.push(a);
  }
  return out;
}

function dedupe(ids: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return ids.filter((i) => {
    const k = `${i.kind}:${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
