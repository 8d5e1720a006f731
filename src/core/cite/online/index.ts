/**
 * Optional online look-up of the citations the bibliography does not hold (issue 5). Pure: URL
 * builders and parsers per service (crossref.ts, pubmed.ts, clinicaltrials.ts), the verdict on a
 * found record (judge.ts, sharing resolve.ts's comparison), and the runner (run.ts), which
 * reaches the network only through the function it is given. Start with run.ts.
 */
export { lookUpCitations, jsonFetcher, basesAt, PUBLIC_BASES, MAX_LOOKUPS_PER_PAGE, type FetchJson, type LookupBases, type LookupOptions } from './run';
export { memoryCache, CachedLookup, type LookupCache } from './cache';
export { OnlineRecord } from './record';
