/**
 * The online look-up's cache in `storage.local`: one entry per DOI, id or title looked up (what
 * was found, or that nothing was), so a page checked again asks nothing it asked before. Parsed
 * with zod on every read: an entry written by an older version, or by hand, is dropped, never
 * trusted. Bounded: the oldest entries go first.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { CachedLookup, type LookupCache } from '../core/cite/online';

export const LOOKUP_CACHE_KEY = 'lookup-cache';
/** About 1 KB each: a few hundred kilobytes at most, well inside `storage.local`'s quota. */
export const MAX_CACHE_ENTRIES = 500;

const Entries = z.record(z.string(), z.unknown());

/** Stored data -> the entries that parse; anything else is dropped. */
export function parseCache(raw: unknown): Map<string, CachedLookup> {
  const out = new Map<string, CachedLookup>();
  const r = z.safeParse(Entries, raw ?? {});
  if (!r.success) return out;
  for (const [key, value] of Object.entries(r.data)) {
    const entry = z.safeParse(CachedLookup, value);
    if (entry.success) out.set(key, entry.data);
  }
  return out;
}

/** Keeps the newest `max` entries. */
export function trimCache(entries: Map<string, CachedLookup>, max = MAX_CACHE_ENTRIES): Record<string, CachedLookup> {
  return Object.fromEntries([...entries].sort((a, b) => b[1].at - a[1].at).slice(0, max));
}

export function storageCache(): LookupCache {
  const load = async () => parseCache((await browser.storage.local.get(LOOKUP_CACHE_KEY))[LOOKUP_CACHE_KEY]);
  return {
    get: async (key) => (await load()).get(key),
    set: async (key, value) => {
      const entries = await load();
      entries.set(key, value);
      await browser.storage.local.set({ [LOOKUP_CACHE_KEY]: trimCache(entries) });
    },
  };
}

/** Forgets every look-up (when the setting is turned off). */
export async function clearLookupCache(): Promise<void> {
  await browser.storage.local.remove(LOOKUP_CACHE_KEY).catch(() => undefined);
}
