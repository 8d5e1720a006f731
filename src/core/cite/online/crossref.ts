/**
 * Crossref's REST API: a work by DOI (`/works/{doi}`, answering `{ message: Work }`, or 404) and
 * works by bibliographic query (`/works?query.bibliographic=`, answering `{ message: { items } }`).
 * A Work carries `title` and `container-title` as lists, `author` as `{ given, family }` or
 * `{ name }` for organisations, and its dates as `{ "date-parts": [[year, month, day]] }`.
 */
import * as z from 'zod/mini';
import { displayAuthors, plainText, type OnlineRecord } from './record';

/** Works asked for per title query: the best match is nearly always first, and a few cover reordered hits. */
export const TITLE_QUERY_ROWS = 3;

const DateParts = z.optional(z.object({ 'date-parts': z.optional(z.array(z.array(z.nullable(z.number())))) }));

const Work = z.object({
  DOI: z.string(),
  title: z.optional(z.array(z.string())),
  author: z.optional(z.array(z.object({ family: z.optional(z.string()), name: z.optional(z.string()) }))),
  'container-title': z.optional(z.array(z.string())),
  'short-container-title': z.optional(z.array(z.string())),
  issued: DateParts,
  'published-print': DateParts,
  'published-online': DateParts,
});
type Work = z.infer<typeof Work>;

const WorkReply = z.object({ message: Work });
const WorkListReply = z.object({ message: z.object({ items: z.array(Work) }) });

/** Each DOI segment is encoded; the slashes between them stay, as Crossref documents its paths. */
export function crossrefWorkUrl(base: string, doi: string): string {
  return `${base}/works/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

export function crossrefQueryUrl(base: string, title: string): string {
  return `${base}/works?query.bibliographic=${encodeURIComponent(title)}&rows=${TITLE_QUERY_ROWS}`;
}

/** A `/works/{doi}` reply -> its record; null when it is not a work. */
export function parseCrossrefWork(body: unknown): OnlineRecord | null {
  const r = z.safeParse(WorkReply, body);
  return r.success ? toRecord(r.data.message) : null;
}

/** A `/works?query...` reply -> its records, in Crossref's order; null when it is not a work list. */
export function parseCrossrefWorks(body: unknown): OnlineRecord[] | null {
  const r = z.safeParse(WorkListReply, body);
  return r.success ? r.data.message.items.map(toRecord).filter((x): x is OnlineRecord => x !== null) : null;
}

function toRecord(w: Work): OnlineRecord | null {
  const title = plainText(w.title?.[0] ?? '');
  if (!title) return null;
  const families = (w.author ?? []).map((a) => plainText(a.family ?? a.name ?? '')).filter(Boolean);
  const full = w['container-title']?.[0];
  const short = w['short-container-title']?.[0];
  return {
    source: 'crossref',
    title,
    authors: displayAuthors(families),
    authorFamilies: families,
    journal: full ? plainText(full) : null,
    journalAbbreviation: short ? plainText(short) : null,
    year: yearOf(w.issued) ?? yearOf(w['published-print']) ?? yearOf(w['published-online']),
    doi: w.DOI.toLowerCase(),
    pmid: null,
    pmcid: null,
    nct: null,
    trialStatus: null,
  };
}

function yearOf(d: z.infer<typeof DateParts>): number | null {
  const y = d?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' && Number.isInteger(y) && y > 1800 && y < 2200 ? y : null;
}
