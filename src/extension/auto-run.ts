/**
 * Checking pages as they load, without a click: everywhere with auto-run on (the host permission
 * for all sites, asked for by the panel when it is turned on, since `permissions.request` needs
 * the click), and on the sites a person chose to check always (each site's own permission, asked
 * for the same way); never on the sites they chose never to check (src/extension/sites.ts).
 *
 * One content script registration (`scripting.registerContentScripts`) serves both: it matches
 * every page with auto-run on plus each "always" site's pages, and excludes the "never" sites'
 * pages, so the script is not even injected there. On load the script tells the background,
 * which asks `autoRunCause` whether the page is to be checked, and shows the result only if the
 * page is about LDN. Turning everything off unregisters the script. Nothing here is declared in
 * the manifest: `<all_urls>` is an optional permission, and it covers each site's.
 */
import { browser } from 'wxt/browser';
import { choiceFor, PATTERNS_HAVE_PORTS, siteOf, sitePattern, type Site } from './sites';

/** The id of the registered content script. */
export const AUTO_RUN_SCRIPT_ID = 'evidence-lens-auto-run';
/**
 * The optional host permission auto-run needs (`optional_host_permissions` / MV2
 * `optional_permissions` in wxt.config.ts), and the pages the script is registered for. The e2e
 * build (`--mode e2e`, tests only) asks for its test server instead, which it already holds:
 * a test cannot answer the browser's permission prompt.
 */
export const AUTO_RUN_ORIGINS = import.meta.env.MODE === 'e2e' ? ['http://127.0.0.1/*'] : ['<all_urls>'];
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** The pages the content script is registered for. */
export interface AutoRunScope {
  matches: string[];
  excludeMatches: string[];
}

/**
 * Where the content script is to be registered: all pages with auto-run on, and each "always"
 * site; never the "never" sites (unless, in Firefox where patterns have no port, a pattern is
 * also an "always" site's). Null when no page is to be checked as it loads.
 */
export function autoRunScope(autoRun: boolean, sites: readonly Site[], ports = PATTERNS_HAVE_PORTS): AutoRunScope | null {
  const patterns = (choice: Site['choice']) => sites.filter((s) => s.choice === choice).map((s) => sitePattern(s.origin, ports));
  const always = patterns('always');
  const matches = [...new Set([...(autoRun ? AUTO_RUN_ORIGINS : []), ...always])];
  if (matches.length === 0) return null;
  return { matches, excludeMatches: [...new Set(patterns('never'))].filter((p) => !always.includes(p)) };
}

/** Why a page that has just loaded is to be checked without a click. */
export type AutoRunCause = 'site-always' | 'auto-run';

/**
 * Whether a page that has just loaded is to be checked without a click, and why: its site's
 * choice first ("never" wins over auto-run, "always" works with auto-run off), then auto-run.
 * Pages that are not web sites (no choice can be made for them) follow auto-run.
 */
export function autoRunCause(url: string | undefined, autoRun: boolean, sites: readonly Site[]): AutoRunCause | null {
  const site = siteOf(url);
  const choice = site.ok ? choiceFor(sites, site.origin) : null;
  if (choice === 'never') return null;
  if (choice === 'always') return 'site-always';
  return autoRun ? 'auto-run' : null;
}

type Registered = { id: string; matches?: string[]; excludeMatches?: string[] };
type Scripting = {
  registerContentScripts(s: object[]): Promise<void>;
  unregisterContentScripts(f?: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(f?: { ids: string[] }): Promise<Registered[]>;
};
const scripting = () => browser.scripting as unknown as Scripting;

/** True when the user has granted all of these host permissions (they can take them back in the browser's settings at any time). */
export async function hasHostPermission(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins }).catch(() => false);
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Registers the content script for `scope` (top frames only, once the page has loaded), replacing
 * any registration that differs, or unregisters it when `scope` is null. Callers run one at a time.
 */
export async function applyAutoRunScope(scope: AutoRunScope | null): Promise<void> {
  const [now] = await scripting().getRegisteredContentScripts({ ids: [AUTO_RUN_SCRIPT_ID] }).catch((): Registered[] => []);
  if (now && scope && sameList(now.matches, scope.matches) && sameList(now.excludeMatches, scope.excludeMatches)) return;
  if (now) await scripting().unregisterContentScripts({ ids: [AUTO_RUN_SCRIPT_ID] });
  if (!scope) return;
  await scripting().registerContentScripts([{
    id: AUTO_RUN_SCRIPT_ID, matches: scope.matches, ...(scope.excludeMatches.length > 0 ? { excludeMatches: scope.excludeMatches } : {}),
    js: [CONTENT_SCRIPT], runAt: 'document_idle', allFrames: false,
  }]);
}
