/**
 * Per-site control (issue 9): the sites a person chose to have checked *always* as their pages
 * load, or *never*. A site is an origin (scheme, host and port: `https://clinic.example`), of
 * http and https pages only. The list is kept in `storage.local` beside the settings and parsed
 * with zod on every read: an entry that does not parse, or whose origin is not in normal form, is
 * dropped, and anything that is not a list reads as no sites, so a corrupt store never crashes.
 * Only the background writes it (entrypoints/background.ts), so the registered content script
 * (src/extension/auto-run.ts) always follows the stored list.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

export const SITES_KEY = 'sites';

export const SITE_CHOICES = ['always', 'never'] as const;
export type SiteChoice = (typeof SITE_CHOICES)[number];

/**
 * Whether a host permission or content-script match pattern may name a port. Chrome's may
 * (`http://127.0.0.1:8080/*` matches that port only); Firefox's may not, so there a site's
 * pattern names its scheme and host and covers every port of that host.
 */
export const PATTERNS_HAVE_PORTS = import.meta.env.BROWSER !== 'firefox';

/** The site of a page, or why the page has none that can be remembered (said in the panel). */
export type SiteOf = { ok: true; origin: string } | { ok: false; reason: string };

export const NO_URL_REASON = 'The browser has not told Evidence Lens which site this tab shows. Click the Evidence Lens button on the page, then try again.';
export const NOT_A_SITE_REASON = 'Only web sites (http and https addresses) can be checked always or never; browser pages, extension pages and files cannot.';

/** The normalised origin of a page's address: lower-case host, default port dropped, http and https only. */
export function siteOf(url: string | undefined | null): SiteOf {
  if (!url) return { ok: false, reason: NO_URL_REASON };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: NOT_A_SITE_REASON };
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return { ok: false, reason: NOT_A_SITE_REASON };
  return { ok: true, origin: parsed.origin };
}

/** True for an origin in the form `siteOf` gives (so `https://Clinic.example:443/` is not one, `https://clinic.example` is). */
export function isOrigin(value: string): boolean {
  const site = siteOf(value);
  return site.ok && site.origin === value;
}

export const Site = z.object({
  origin: z.string().check(z.refine(isOrigin)),
  choice: z.enum(SITE_CHOICES),
});
export type Site = z.infer<typeof Site>;

/** The stored entries that parse, in the order they were chosen, one per origin (the latest choice wins). */
export function parseSites(raw: unknown): Site[] {
  if (!Array.isArray(raw)) return [];
  let sites: Site[] = [];
  for (const entry of raw) {
    const r = z.safeParse(Site, entry);
    if (r.success) sites = withChoice(sites, r.data.origin, r.data.choice);
  }
  return sites;
}

export function choiceFor(sites: readonly Site[], origin: string): SiteChoice | null {
  return sites.find((s) => s.origin === origin)?.choice ?? null;
}

/** The list with `origin` set to `choice` (moved to the end), or forgotten when `choice` is null. */
export function withChoice(sites: readonly Site[], origin: string, choice: SiteChoice | null): Site[] {
  const others = sites.filter((s) => s.origin !== origin);
  return choice === null ? others : [...others, { origin, choice }];
}

/** The host permission and content-script match pattern for a site's pages (see PATTERNS_HAVE_PORTS). */
export function sitePattern(origin: string, ports = PATTERNS_HAVE_PORTS): string {
  if (ports) return `${origin}/*`;
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * The host permission to give back when a site stops being "always": its pattern, unless
 * something still needs that very pattern: another "always" site (in Firefox, another port of
 * the same host) or another setting (`held`: the online look-up's hosts while it is on,
 * auto-run's while it is on). Auto-run's `<all_urls>` is a separate grant, which giving back one
 * site's pattern leaves in place. Null when there is nothing to give back.
 */
export function patternToRelease(origin: string, remaining: readonly Site[], held: readonly string[], ports = PATTERNS_HAVE_PORTS): string | null {
  const pattern = sitePattern(origin, ports);
  if (held.includes(pattern)) return null;
  if (remaining.some((s) => s.choice === 'always' && sitePattern(s.origin, ports) === pattern)) return null;
  return pattern;
}

export async function loadSites(): Promise<Site[]> {
  const got = await browser.storage.local.get(SITES_KEY);
  return parseSites(got[SITES_KEY]);
}

export async function saveSites(sites: readonly Site[]): Promise<void> {
  await browser.storage.local.set({ [SITES_KEY]: sites.map((s) => Site.parse(s)) });
}
