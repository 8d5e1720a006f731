/**
 * The user's settings, kept in `storage.local` and parsed with zod on every read, so a value
 * written by an older version (or by hand in devtools) falls back to the defaults, never crashes.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'settings';

export const Settings = z.object({
  /** Draw highlights in the page after a check. Default: on. */
  highlights: z._default(z.boolean(), true),
  /** Check pages about LDN as soon as they load (needs a host permission, asked for when turned on). Default: off, check on click. */
  autoRun: z._default(z.boolean(), false),
  /** Look up unknown citations in Crossref, PubMed and ClinicalTrials.gov (the only network use; asked for when turned on). Default: off. */
  onlineLookup: z._default(z.boolean(), false),
  /** Who the report is shown for: plain words for patients, studies first for clinicians, citations and exports first for journalists. Default: patient. */
  view: z._default(z.enum(['patient', 'clinician', 'journalist']), 'patient'),
});
export type Settings = z.infer<typeof Settings>;
export type Audience = Settings['view'];

export const DEFAULT_SETTINGS: Settings = { highlights: true, autoRun: false, onlineLookup: false, view: 'patient' };

/** Parses stored data; anything invalid yields the defaults. */
export function parseSettings(raw: unknown): Settings {
  const r = z.safeParse(Settings, raw ?? {});
  return r.success ? r.data : { ...DEFAULT_SETTINGS };
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: Settings.parse(settings) });
}

/**
 * Changes some settings, keeping the others as stored now: two parts of the panel that each
 * hold their own copy of the settings must not undo each other's changes.
 */
export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  await saveSettings(next);
  return next;
}
