/**
 * Per-site control (issue 9): "Always check this site" and "Never check this site" for the site
 * of the panel's tab, the never-site notice, and the "Sites" list in the settings, each entry with
 * its choice and a Remove button. "Always" asks the browser for that site's host permission right
 * in the click (it shows its prompt only during one), then the background remembers the choice
 * and registers the content script for the site (src/extension/auto-run.ts); "never" needs no
 * permission. Origins are shown as text, never as markup.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { hasHostPermission } from '../../src/extension/auto-run';
import { choiceFor, loadSites, SITES_KEY, siteOf, sitePattern, type Site, type SiteOf } from '../../src/extension/sites';
import { setSite } from './panel-api';

export interface SitesState {
  /** The site of the panel's tab, or why it has none; null while it is being read. */
  here: SiteOf | null;
  /** The remembered sites, in the order chosen; null while they are being read. */
  sites: Site[] | null;
  /** "Always" sites whose permission is not held now (taken back in the browser's settings, or it came with auto-run, now off). */
  unallowed: ReadonlySet<string>;
  /** What the last change made from the "This site" group or the never-site notice did, said in the group (the notice goes away with the choice). */
  note: string | null;
  /** Runs such a change and shows what it says. */
  act(change: () => Promise<string>): void;
}

const NO_TAB: SiteOf = { ok: false, reason: 'No tab is open here. Click into a page, then try again.' };

/** The site of `tabId` and the remembered sites, kept up to date as the tab navigates, the list changes or permissions change. */
export function useSites(tabId: number | null): SitesState {
  const [here, setHere] = useState<SiteOf | null>(null);
  const [sites, setSites] = useState<Site[] | null>(null);
  const [unallowed, setUnallowed] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  const act = useCallback((change: () => Promise<string>) => { setNote(null); void change().then(setNote); }, []);

  const readSites = useCallback(async () => {
    const list = await loadSites();
    const always = list.filter((s) => s.choice === 'always');
    const held = await Promise.all(always.map((s) => hasHostPermission([sitePattern(s.origin)])));
    setSites(list);
    setUnallowed(new Set(always.filter((_, i) => !held[i]).map((s) => s.origin)));
  }, []);

  useEffect(() => {
    void readSites();
    const onStorage = (changes: Record<string, unknown>, area: string) => { if (area === 'local' && SITES_KEY in changes) void readSites(); };
    const onPermissions = () => void readSites();
    browser.storage.onChanged.addListener(onStorage);
    browser.permissions.onAdded.addListener(onPermissions);
    browser.permissions.onRemoved.addListener(onPermissions);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      browser.permissions.onAdded.removeListener(onPermissions);
      browser.permissions.onRemoved.removeListener(onPermissions);
    };
  }, [readSites]);

  useEffect(() => {
    if (tabId === null) return setHere(NO_TAB);
    const read = () => void browser.tabs.get(tabId).then((t) => setHere(siteOf(t.url)), () => setHere(NO_TAB));
    read();
    const onUpdated = (id: number, info: { url?: string; status?: string }) => { if (id === tabId && (info.url || info.status === 'complete')) read(); };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);

  return { here, sites, unallowed, note, act };
}

/** The choice for the tab's site, or null (no site, no choice, or still loading). */
export function hereChoice(state: SitesState): Site['choice'] | null {
  return state.here?.ok && state.sites ? choiceFor(state.sites, state.here.origin) : null;
}

/**
 * "Always": asks for the site's permission first, before anything is awaited (the browser only
 * prompts during the click), then has the background remember it. Declined, nothing is stored.
 * Resolves to what the panel says.
 */
function chooseAlways(origin: string): Promise<string> {
  const asked = browser.permissions.request({ origins: [sitePattern(origin)] }).catch(() => false);
  return asked.then(async (granted) => {
    if (!granted) return `Nothing changed: the browser did not give Evidence Lens permission to read ${origin}, so its pages are not checked as they load.`;
    const r = await setSite(origin, 'always');
    return r.ok ? `${origin} is checked as its pages load, from the next page you open.` : r.message;
  });
}

async function chooseNever(origin: string): Promise<string> {
  const r = await setSite(origin, 'never');
  return r.ok ? `${origin} is never checked as its pages load; a page of it is checked only when you press “Check anyway”.` : r.message;
}

async function forget(origin: string, autoRun: boolean): Promise<string> {
  const r = await setSite(origin, null);
  if (!r.ok) return r.message;
  return `${origin} removed: its pages are checked ${autoRun ? 'as they load, as auto-run is on' : 'when you press “Check this page”'}.`;
}

function statusOf(state: SitesState, origin: string, autoRun: boolean): string {
  switch (state.sites ? choiceFor(state.sites, origin) : null) {
    case 'always':
      return state.unallowed.has(origin)
        ? 'Set to always, but Evidence Lens may not read it now: press “Always check this site” to allow it again.'
        : 'Always checked: its pages are checked as they load.';
    case 'never':
      return 'Never checked as its pages load.';
    default:
      return autoRun ? 'No choice made: its pages are checked as they load, as auto-run is on.' : 'No choice made: its pages are checked when you press “Check this page”.';
  }
}

/** The "This site" group: the site's current choice and the two actions (disabled, with the reason, where there is no site). */
export function SiteActions({ state, autoRun }: { state: SitesState; autoRun: boolean }) {
  const here = state.here;
  const origin = here?.ok ? here.origin : null;
  const choice = origin ? hereChoice(state) : null;
  return (
    <fieldset class="settings site-control">
      <legend>{origin ? `This site: ${origin}` : 'This site'}</legend>
      <p id="site-status" class="setting-help">
        {here === null ? 'Reading the tab’s address…' : here.ok ? statusOf(state, here.origin, autoRun) : here.reason}
      </p>
      <div class="site-actions">
        <button type="button" aria-describedby="site-status" disabled={!origin || state.sites === null || (choice === 'always' && !state.unallowed.has(origin))}
          onClick={() => origin && state.act(() => chooseAlways(origin))}>Always check this site</button>
        <button type="button" aria-describedby="site-status" disabled={!origin || state.sites === null || choice === 'never'}
          onClick={() => origin && state.act(() => chooseNever(origin))}>Never check this site</button>
      </div>
      {state.note && <p class="setting-note" role="status">{state.note}</p>}
    </fieldset>
  );
}

/**
 * Shown on a site chosen never to be checked: why nothing was checked, and the way to undo the
 * choice. The panel's main button reads “Check anyway” meanwhile (one page, this once).
 */
export function NeverNotice({ state, origin, autoRun }: { state: SitesState; origin: string; autoRun: boolean }) {
  return (
    <div class="notice never-notice">
      <p role="status">You chose never to check {origin}. Its pages are not checked as they load, and this page is checked only if you press “Check anyway” (this once; the choice stays).</p>
      <button type="button" onClick={() => state.act(() => forget(origin, autoRun))}>Remove {origin} from the never list</button>
    </div>
  );
}

const CHOICE_WORDS: Record<Site['choice'], string> = { always: 'Always checked', never: 'Never checked' };

/** The settings' "Sites" list: every remembered site with its choice, and Remove (and Allow, for an "always" site not allowed now). */
export function SitesList({ state, autoRun }: { state: SitesState; autoRun: boolean }) {
  const [note, setNote] = useState<string | null>(null);
  const act = (change: () => Promise<string>) => { setNote(null); void change().then(setNote); };
  return (
    <fieldset class="sites">
      <legend>Sites</legend>
      {state.sites === null ? <p class="setting-help">Reading the list…</p>
        : state.sites.length === 0 ? <p class="setting-help">None yet. “Always check this site” and “Never check this site” add the tab’s site here.</p>
        : (
          <ul class="site-list">
            {state.sites.map((s) => (
              <li key={s.origin}>
                <span class="site-origin">{s.origin}</span>
                <span class="site-choice">{CHOICE_WORDS[s.choice]}{s.choice === 'always' && state.unallowed.has(s.origin) ? ' (not allowed now)' : ''}</span>
                {s.choice === 'always' && state.unallowed.has(s.origin) && (
                  <button type="button" aria-label={`Allow ${s.origin}`} onClick={() => act(() => chooseAlways(s.origin))}>Allow</button>
                )}
                <button type="button" aria-label={`Remove ${s.origin}`} onClick={() => act(() => forget(s.origin, autoRun))}>Remove</button>
              </li>
            ))}
          </ul>
        )}
      {note && <p class="setting-note" role="status">{note}</p>}
    </fieldset>
  );
}
