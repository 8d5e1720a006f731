/**
 * "This match is wrong" reports: what a reader flagged (the sentence, the database claim it was
 * matched to, the page and when), kept in `storage.local` and parsed with zod on every read, so a
 * value written by an older version (or by hand) is dropped rather than crashing the panel.
 * Only the newest MAX_WRONG_MATCHES are kept; nothing leaves the device unless the reader
 * downloads the report.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const WRONG_MATCHES_KEY = 'wrongMatches';
export const MAX_WRONG_MATCHES = 200;

export const WrongMatch = z.object({
  sentence: z.string(),
  claimId: z.nullable(z.string()),
  /** Null for pasted text. */
  pageUrl: z.nullable(z.string()),
  /** ISO 8601 date and time of the report. */
  date: z.string(),
});
export type WrongMatch = z.infer<typeof WrongMatch>;

/** The stored entries that parse, oldest first; anything else is dropped. */
export function parseWrongMatches(raw: unknown): WrongMatch[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((x) => {
    const r = z.safeParse(WrongMatch, x);
    return r.success ? [r.data] : [];
  }).slice(-MAX_WRONG_MATCHES);
}

export async function loadWrongMatches(): Promise<WrongMatch[]> {
  const got = await browser.storage.local.get(WRONG_MATCHES_KEY);
  return parseWrongMatches(got[WRONG_MATCHES_KEY]);
}

/** Appends one entry; writes are queued so two quick clicks never overwrite each other. */
let queue: Promise<unknown> = Promise.resolve();
export function recordWrongMatch(entry: WrongMatch): Promise<WrongMatch[]> {
  const next = queue.catch(() => undefined).then(async () => {
    const entries = [...(await loadWrongMatches()), WrongMatch.parse(entry)].slice(-MAX_WRONG_MATCHES);
    await browser.storage.local.set({ [WRONG_MATCHES_KEY]: entries });
    return entries;
  });
  queue = next;
  return next;
}

/** The downloadable report of every stored entry. */
export function wrongMatchReport(entries: WrongMatch[], now = new Date()): object {
  return { format: 'evidence-lens/wrong-matches@1', generatedAt: now.toISOString(), total: entries.length, entries };
}
