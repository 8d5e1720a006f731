/**
 * The online look-up: a report's unknown citations -> looked up in Crossref, PubMed and
 * ClinicalTrials.gov -> the same report with their statuses and reasons updated. Off unless the
 * user turns it on; the network is reached only through the `fetchJson` it is given (the
 * extension passes `fetch` once the host permissions are granted, the CLI Node's `fetch` with
 * `--online`), so the core itself never touches it.
 *
 * It never throws: a service that cannot be reached, answers late or answers junk leaves the
 * citation `unverified` with a reason that says so, and stops being asked for the rest of the page.
 */
import { CITATION_STATUSES } from '../../levels';
import type { Notice, Report, ReportCitation } from '../../report-schema';
import type { Identifier } from '../identifiers';
import { ID_NAME, SAME_TITLE, type CitedDetails } from '../resolve';
import { titleSimilarity } from '../similarity';
import type { CachedLookup, LookupCache } from './cache';
import { crossrefQueryUrl, crossrefWorkUrl, parseCrossrefWork, parseCrossrefWorks } from './crossref';
import { failureReason, judgeOnline, notFoundReason, type Failure } from './judge';
import { parsePubmedSearch, parsePubmedSummary, pubmedSearchUrl, pubmedSummaryUrl } from './pubmed';
import { SOURCE_NAME, type OnlineRecord, type Source } from './record';
import { hasSearchableTitle, idKey, lookupDetails, titleKey } from './targets';
import { parseTrial, trialUrl } from './clinicaltrials';

/** At most this many citations of one page are looked up: a reference list of 300 would take minutes and hammer the services. */
export const MAX_LOOKUPS_PER_PAGE = 20;
/** A request not answered in this time counts as failed, and its service is not asked again for this page. */
export const REQUEST_TIMEOUT_MS = 8_000;
/** Cached results older than this are looked up again (a new paper gets indexed; a record gets corrected). */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

/** Where each service is; tests point all three at one local server (their paths do not overlap). */
export interface LookupBases {
  crossref: string;
  eutils: string;
  clinicaltrials: string;
}

export const PUBLIC_BASES: LookupBases = {
  crossref: 'https://api.crossref.org',
  eutils: 'https://eutils.ncbi.nlm.nih.gov',
  clinicaltrials: 'https://clinicaltrials.gov',
};

/** All three services at one origin (`EVIDENCE_LENS_LOOKUP_BASE`, for tests). */
export function basesAt(origin: string): LookupBases {
  const o = origin.replace(/\/+$/, '');
  return { crossref: o, eutils: o, clinicaltrials: o };
}

/** A GET that answers JSON: the HTTP status and the parsed body (undefined when it is not JSON). Rejects when nothing answers. */
export type FetchJson = (url: string, init: { signal: AbortSignal }) => Promise<{ status: number; body: unknown }>;

/** A `FetchJson` over a `fetch` (the browser's or Node's). */
export function jsonFetcher(fetchImpl: typeof fetch): FetchJson {
  return async (url, { signal }) => {
    // Called on globalThis: the browser's `fetch` throws "Illegal invocation" when called unbound.
    const res = await fetchImpl.call(globalThis, url, { signal, headers: { accept: 'application/json' }, credentials: 'omit', redirect: 'follow' });
    const body: unknown = res.ok ? await res.json().catch(() => undefined) : undefined;
    return { status: res.status, body };
  };
}

export interface LookupOptions {
  bases?: LookupBases;
  maxLookups?: number;
  timeoutMs?: number;
  now?: () => number;
}

type Step = { found: OnlineRecord | null; asked: Source[] } | { failure: Failure };
type Outcome = { record: OnlineRecord; how: string } | { notFound: Source[] } | { failure: Failure } | { capped: true };

export async function lookUpCitations(report: Report, fetchJson: FetchJson, cache: LookupCache, options: LookupOptions = {}): Promise<Report> {
  try {
    if (report.notices.some((n) => n.code === 'online-lookup')) return report;
    return await run(report, fetchJson, cache, options);
  } catch {
    return report;
  }
}

async function run(report: Report, fetchJson: FetchJson, cache: LookupCache, options: LookupOptions): Promise<Report> {
  const bases = options.bases ?? PUBLIC_BASES;
  const max = options.maxLookups ?? MAX_LOOKUPS_PER_PAGE;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const unreachable = new Map<Source, Failure>();
  const steps = new Map<string, Promise<Step>>();
  const targets = new Set<string>();

  async function request(source: Source, url: string): Promise<{ status: number; body: unknown } | { failure: Failure }> {
    const known = unreachable.get(source);
    if (known) return { failure: known };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetchJson(url, { signal: controller.signal });
      // Too many requests, or the service is down: do not ask it again for this page.
      if (res.status === 429 || res.status >= 500) unreachable.set(source, { source, why: 'status', status: res.status });
      return res;
    } catch {
      const failure: Failure = controller.signal.aborted ? { source, why: 'timeout', seconds: Math.max(1, Math.round(timeoutMs / 1000)) } : { source, why: 'offline' };
      unreachable.set(source, failure);
      return { failure };
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request whose 404 means "not held"; any other non-2xx, or a body that does not parse, is a failure. */
  async function ask<T>(source: Source, url: string, parse: (body: unknown) => T | null): Promise<{ value: T | null } | { failure: Failure }> {
    const res = await request(source, url);
    if ('failure' in res) return res;
    if (res.status === 404) return { value: null };
    if (res.status < 200 || res.status >= 300) return { failure: { source, why: 'status', status: res.status } };
    const value = parse(res.body);
    return value === null ? { failure: { source, why: 'format' } } : { value };
  }

  const best = (records: OnlineRecord[], title: string) => {
    let top: { r: OnlineRecord; sim: number } | null = null;
    for (const r of records) {
      const sim = titleSimilarity(title, r.title);
      if (!top || sim > top.sim) top = { r, sim };
    }
    return top && top.sim >= SAME_TITLE ? top.r : null;
  };

  async function byId(id: Identifier): Promise<Step> {
    const found = (source: Source, r: { value: OnlineRecord | null } | { failure: Failure }): Step =>
      'failure' in r ? r : { found: r.value, asked: [source] };
    switch (id.kind) {
      case 'doi':
        return found('crossref', await ask('crossref', crossrefWorkUrl(bases.crossref, id.value), parseCrossrefWork));
      case 'pmid':
      case 'pmcid': {
        const db = id.kind === 'pmid' ? 'pubmed' : 'pmc';
        const r = await ask('pubmed', pubmedSummaryUrl(bases.eutils, [id.value.replace(/^PMC/, '')], db), (b) => parsePubmedSummary(b, db));
        return 'failure' in r ? r : { found: r.value?.[0] ?? null, asked: ['pubmed'] };
      }
      case 'nct':
        return found('clinicaltrials', await ask('clinicaltrials', trialUrl(bases.clinicaltrials, id.value), parseTrial));
    }
  }

  /** Crossref first (it holds most DOIs), then PubMed; either one finding the title is enough. */
  async function byTitle(title: string): Promise<Step> {
    const asked: Source[] = [];
    let failure: Failure | null = null;
    const crossref = await ask('crossref', crossrefQueryUrl(bases.crossref, title), parseCrossrefWorks);
    if ('failure' in crossref) failure = crossref.failure;
    else {
      asked.push('crossref');
      const hit = best(crossref.value ?? [], title);
      if (hit) return { found: hit, asked };
    }
    const ids = await ask('pubmed', pubmedSearchUrl(bases.eutils, title), parsePubmedSearch);
    if ('failure' in ids) return { failure: failure ?? ids.failure };
    if (ids.value && ids.value.length > 0) {
      const summaries = await ask('pubmed', pubmedSummaryUrl(bases.eutils, ids.value), (b) => parsePubmedSummary(b));
      if ('failure' in summaries) return { failure: failure ?? summaries.failure };
      const hit = best(summaries.value ?? [], title);
      if (hit) return { found: hit, asked: [...asked, 'pubmed'] };
    }
    return failure ? { failure } : { found: null, asked: [...asked, 'pubmed'] };
  }

  /** A step, once per page (the same DOI in a sentence and in the references is asked once), through the cache. */
  function step(key: string, go: () => Promise<Step>): Promise<Step> {
    let p = steps.get(key);
    if (!p) {
      p = (async () => {
        const cached = await cache.get(key).catch(() => undefined);
        if (cached && now() - cached.at < CACHE_MAX_AGE_MS) return { found: cached.record, asked: cached.asked };
        const s = await go();
        if (!('failure' in s)) {
          const entry: CachedLookup = { record: s.found, asked: s.asked, at: now() };
          await cache.set(key, entry).catch(() => undefined);
        }
        return s;
      })();
      steps.set(key, p);
    }
    return p;
  }

  async function lookUp(details: CitedDetails): Promise<Outcome> {
    const first = details.ids[0] ? idKey(details.ids[0]) : titleKey(details.title!);
    if (!targets.has(first)) {
      if (targets.size >= max) return { capped: true };
      targets.add(first);
    }
    const asked: Source[] = [];
    let failure: Failure | null = null;
    for (const id of details.ids) {
      const s = await step(idKey(id), () => byId(id));
      if ('failure' in s) failure ??= s.failure;
      else if (s.found) return { record: s.found, how: `its ${ID_NAME[id.kind]} ${id.value}` };
      else asked.push(...s.asked);
    }
    if (hasSearchableTitle(details)) {
      const s = await step(titleKey(details.title), () => byTitle(details.title));
      if ('failure' in s) failure ??= s.failure;
      else if (s.found) return { record: s.found, how: 'its title' };
      else asked.push(...s.asked);
    }
    return failure ? { failure } : { notFound: asked };
  }

  const citations: ReportCitation[] = [];
  const counts = { found: 0, notFound: 0, failed: 0, capped: 0 };
  // One at a time: NCBI allows three requests a second without a key, and a page's citations are few.
  for (const c of report.citations) {
    const details = lookupDetails(c);
    if (!details) {
      citations.push(c);
      continue;
    }
    const outcome = await lookUp(details);
    if ('record' in outcome) {
      counts.found++;
      const r = judgeOnline(details, outcome.record, outcome.how);
      citations.push({ ...c, status: r.status, reasons: [...c.reasons, ...r.reasons] });
    } else if ('notFound' in outcome) {
      counts.notFound++;
      citations.push({ ...c, reasons: [...c.reasons, notFoundReason(outcome.notFound)] });
    } else if ('failure' in outcome) {
      counts.failed++;
      citations.push({ ...c, reasons: [...c.reasons, failureReason(outcome.failure)] });
    } else {
      counts.capped++;
      citations.push({ ...c, reasons: [...c.reasons, `Not looked up online: only the first ${max} unknown citations of a page are.`] });
    }
  }
  const looked = counts.found + counts.notFound + counts.failed + counts.capped;
  if (looked === 0) return report;
  const notices: Notice[] = [...report.notices, {
    code: 'online-lookup',
    message: `Looked up ${looked} citation${looked === 1 ? '' : 's'} the bibliography does not hold in Crossref, PubMed and ClinicalTrials.gov: ${counts.found} found, ${counts.notFound} not found${counts.failed ? `, ${counts.failed} not looked up (see below)` : ''}${counts.capped ? `, ${counts.capped} left out (at most ${max} per page)` : ''}.`,
  }];
  const offline = [...unreachable.values()].filter((f) => f.why === 'offline' || f.why === 'timeout');
  if (offline.length > 0) {
    notices.push({
      code: 'lookup-offline',
      message: `Could not reach ${offline.map((f) => SOURCE_NAME[f.source]).join(' or ')}: offline? ${counts.failed} citation${counts.failed === 1 ? ' was' : 's were'} not looked up; check again when online.`,
    });
  }
  const statusCounts: Record<string, number> = {};
  for (const s of CITATION_STATUSES) {
    const n = citations.filter((c) => c.status === s).length;
    if (n > 0) statusCounts[s] = n;
  }
  return { ...report, citations, notices, stats: { ...report.stats, citations: statusCounts } };
}
