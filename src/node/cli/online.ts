/**
 * `--online`: the citations the bibliography does not hold, looked up in Crossref, PubMed and
 * ClinicalTrials.gov with Node's `fetch` (src/core/cite/online/), cached for this run only.
 * Without the flag nothing is sent anywhere. `EVIDENCE_LENS_LOOKUP_BASE` is for tests: it
 * replaces the three services' origins with one (a local server answering in their formats).
 */
import { basesAt, jsonFetcher, lookUpCitations, memoryCache, PUBLIC_BASES, type LookupBases } from '../../core/cite/online';
import type { Report } from '../../core/report-schema';
import { InputError } from './input';

export const LOOKUP_BASE_ENV = 'EVIDENCE_LENS_LOOKUP_BASE';

export function lookupBases(env: NodeJS.ProcessEnv): LookupBases {
  const base = env[LOOKUP_BASE_ENV];
  if (!base) return PUBLIC_BASES;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new InputError(`${LOOKUP_BASE_ENV} must be an http(s) origin such as http://127.0.0.1:8080 (got ${base})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${LOOKUP_BASE_ENV} must be an http(s) origin (got ${base})`);
  return basesAt(url.origin);
}

export function lookUpOnline(report: Report, env: NodeJS.ProcessEnv): Promise<Report> {
  return lookUpCitations(report, jsonFetcher(fetch), memoryCache(), { bases: lookupBases(env) });
}
