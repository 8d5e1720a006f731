/**
 * Look-ups already made: what was found (or that nothing was) by key (`doi:…`, `pmid:…`,
 * `title:…`). Failures are never cached, so an offline look-up is tried again next time. The
 * runner only calls `get` and `set`; the extension keeps entries in `storage.local`
 * (src/extension/lookup-cache.ts), the CLI in memory for one run.
 */
import * as z from 'zod/mini';
import { OnlineRecord } from './record';

export const CachedLookup = z.object({
  /** The record found, or null when the services were asked and hold nothing. */
  record: z.nullable(OnlineRecord),
  /** The services asked, in order (for the "not found in … either" reason). */
  asked: z.array(z.enum(['crossref', 'pubmed', 'clinicaltrials'])),
  /** When it was looked up (ms since the epoch), so old entries can expire. */
  at: z.number(),
});
export type CachedLookup = z.infer<typeof CachedLookup>;

export interface LookupCache {
  get(key: string): Promise<CachedLookup | undefined>;
  set(key: string, value: CachedLookup): Promise<void>;
}

export function memoryCache(): LookupCache & { entries: Map<string, CachedLookup> } {
  const entries = new Map<string, CachedLookup>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}
