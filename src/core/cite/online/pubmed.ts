/**
 * PubMed through NCBI's E-utilities: `esummary` gives document summaries by id (JSON:
 * `{ result: { uids: [...], "<uid>": { title, authors: [{ name, authtype }], fulljournalname,
 * source, pubdate, articleids: [{ idtype, value }] } } }`, and `{ "<uid>": { error } }` for an id it
 * does not hold); `esearch` finds ids by title (`{ esearchresult: { idlist: [...] } }`).
 * PubMed Central ids are summarised from the `pmc` database, which answers in the same shape.
 */
import * as z from 'zod/mini';
import { displayAuthors, plainText, yearIn, type OnlineRecord } from './record';

/** Ids asked for per title search: see TITLE_QUERY_ROWS in crossref.ts. */
export const TITLE_SEARCH_IDS = 3;

const EUTILS = '/entrez/eutils';

export function pubmedSummaryUrl(base: string, ids: string[], db: 'pubmed' | 'pmc' = 'pubmed'): string {
  return `${base}${EUTILS}/esummary.fcgi?db=${db}&id=${ids.map(encodeURIComponent).join(',')}&retmode=json`;
}

/** PubMed's `[Title]` field tag: the words are searched in titles only. */
export function pubmedSearchUrl(base: string, title: string): string {
  const words = title.replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
  return `${base}${EUTILS}/esearch.fcgi?db=pubmed&term=${encodeURIComponent(`${words}[Title]`)}&retmode=json&retmax=${TITLE_SEARCH_IDS}`;
}

const Summary = z.object({
  uid: z.string(),
  title: z.optional(z.string()),
  error: z.optional(z.string()),
  authors: z.optional(z.array(z.object({ name: z.string(), authtype: z.optional(z.string()) }))),
  fulljournalname: z.optional(z.string()),
  source: z.optional(z.string()),
  pubdate: z.optional(z.string()),
  articleids: z.optional(z.array(z.object({ idtype: z.string(), value: z.string() }))),
});
type Summary = z.infer<typeof Summary>;

const SummaryReply = z.object({ result: z.record(z.string(), z.unknown()) });
const SearchReply = z.object({ esearchresult: z.object({ idlist: z.array(z.string()) }) });

/** An `esummary` reply -> the records it holds (ids it does not hold are left out); null when it is not a summary reply. */
export function parsePubmedSummary(body: unknown, db: 'pubmed' | 'pmc' = 'pubmed'): OnlineRecord[] | null {
  const r = z.safeParse(SummaryReply, body);
  if (!r.success) return null;
  const uids = z.safeParse(z.array(z.string()), r.data.result['uids']);
  if (!uids.success) return null;
  const out: OnlineRecord[] = [];
  for (const uid of uids.data) {
    const s = z.safeParse(Summary, r.data.result[uid]);
    if (s.success && !s.data.error && s.data.title) out.push(toRecord(s.data, db));
  }
  return out;
}

/** An `esearch` reply -> the PubMed ids found; null when it is not a search reply. */
export function parsePubmedSearch(body: unknown): string[] | null {
  const r = z.safeParse(SearchReply, body);
  return r.success ? r.data.esearchresult.idlist.filter((id) => /^\d{1,9}$/.test(id)) : null;
}

function toRecord(s: Summary, db: 'pubmed' | 'pmc'): OnlineRecord {
  const families = (s.authors ?? []).map((a) => familyOf(a.name, a.authtype)).filter(Boolean);
  const id = (type: string) => s.articleids?.find((a) => a.idtype === type)?.value ?? null;
  const pmc = id('pmc') ?? id('pmcid') ?? (db === 'pmc' ? `PMC${s.uid}` : null);
  return {
    source: 'pubmed',
    title: plainText(s.title ?? '').replace(/\.$/, ''),
    authors: displayAuthors(families),
    authorFamilies: families,
    journal: s.fulljournalname ? plainText(s.fulljournalname) : s.source ? plainText(s.source) : null,
    journalAbbreviation: s.source ? plainText(s.source) : null,
    year: yearIn(s.pubdate),
    doi: id('doi')?.toLowerCase() ?? null,
    pmid: db === 'pubmed' ? s.uid : id('pmid') ?? id('pubmed'),
    pmcid: pmc ? (/^PMC/i.test(pmc) ? pmc.toUpperCase() : `PMC${pmc}`).replace(/^(PMC\d+).*$/, '$1') : null,
    nct: null,
    trialStatus: null,
  };
}

/** "Younger J" -> "Younger"; "van der Berg AB" -> "van der Berg"; a collective name stays whole. */
function familyOf(name: string, authtype: string | undefined): string {
  const n = plainText(name);
  if (authtype && authtype !== 'Author') return n;
  const words = n.split(' ');
  if (words.length > 1 && /^[\p{Lu}]{1,3}$/u.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}
