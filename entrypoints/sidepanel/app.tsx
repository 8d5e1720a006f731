/**
 * The side panel: checks the page in its tab (through the background) or pasted text, and
 * shows the report. Page text is only ever rendered as text nodes by Preact, never as HTML.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DISCLAIMER } from '../../src/core/levels';
import type { Report } from '../../src/core/report-schema';
import type { Anchoring } from '../../src/extension/messages';
import { AUTO_RUN_ORIGINS } from '../../src/extension/auto-run';
import { loadSettings, updateSettings, type Audience, type Settings } from '../../src/extension/settings';
import { activeTabId, checkTab, getReport, onReportChanged, pinnedTabId, reveal, setAutoRun, setHighlights } from './panel-api';
import { AudienceSwitch } from './audience-switch';
import { LookupSetting } from './lookup-setting';
import { PasteMode } from './paste-mode';
import { ReportView } from './report-view';
import { hereChoice, NeverNotice, SiteActions, SitesList, useSites } from './site-control';
import { tabPanelProps, Tabs } from './tabs';

type PageState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; report: Report; anchoring: Anchoring | null; checkedAnyway: boolean }
  | { kind: 'error'; message: string };

type Mode = 'page' | 'paste';

const pinned = pinnedTabId(location.search);

export function App() {
  const [mode, setMode] = useState<Mode>('page');
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [state, setState] = useState<PageState>({ kind: 'idle' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  /** The page changed after its check and the background is checking it again. */
  const [rechecking, setRechecking] = useState(false);
  const [settingNote, setSettingNote] = useState<string | null>(null);
  /** The claim last moved to (a card click or the next/previous-claim shortcut), and a count so each move refocuses. */
  const [current, setCurrent] = useState<{ index: number; seq: number } | null>(null);
  const moveTo = useCallback((index: number) => setCurrent((prev) => ({ index, seq: (prev?.seq ?? 0) + 1 })), []);
  const sites = useSites(tabId);
  /** The tab's site is one never to check: the main button reads “Check anyway”, and a notice says why. */
  const neverHere = sites.here?.ok && hereChoice(sites) === 'never' ? sites.here.origin : null;

  const load = useCallback(async (id: number | null) => {
    if (id === null) return setState({ kind: 'idle' });
    const r = await getReport(id);
    // The same report again (announced after our own check) keeps whether it was "checked anyway".
    if (r.ok && r.report) {
      const report = r.report;
      setState((prev) => ({ kind: 'done', report, anchoring: r.anchoring,
        checkedAnyway: prev.kind === 'done' && prev.report.generatedAt === report.generatedAt && prev.checkedAnyway }));
    } else setState({ kind: 'idle' });
  }, []);

  useEffect(() => {
    void loadSettings().then(setSettings);
    if (pinned === null) void activeTabId().then((id) => { setTabId(id); void load(id); });
    else void load(pinned);
  }, [load]);

  useEffect(() => onReportChanged(
    (changed) => { if (changed === tabId) { setRechecking(false); void load(changed); } },
    (changed) => { if (changed === tabId) setRechecking(true); },
    (changed, index) => { if (changed === tabId) { setRevealError(null); moveTo(index); } },
  ), [tabId, load, moveTo]);

  // Follow the active tab unless the panel was opened for one tab (`?tab=`).
  useEffect(() => {
    if (pinned !== null) return;
    const onActivated = (info: { tabId: number }) => { setTabId(info.tabId); setRechecking(false); void load(info.tabId); };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [load]);

  const check = async (assumeAboutLdn: boolean) => {
    if (tabId === null) return setState({ kind: 'error', message: 'No tab to check. Click into a page, then try again.' });
    setState({ kind: 'checking' });
    setRevealError(null);
    const r = await checkTab(tabId, assumeAboutLdn);
    setState(r.ok ? { kind: 'done', report: r.report, anchoring: r.anchoring, checkedAnyway: assumeAboutLdn } : { kind: 'error', message: r.message });
  };

  const onReveal = async (index: number) => {
    if (tabId === null) return;
    const r = await reveal(tabId, index);
    setRevealError(r.ok ? null : r.message);
    if (r.ok) setCurrent((prev) => ({ index, seq: prev?.seq ?? 0 }));
  };

  /**
   * Auto-run asks for the host permission for all sites right in the click (the browser only
   * shows its prompt during one), then has the background register the content script.
   * Turning it off unregisters the script and gives the permission back; the background stores
   * the setting, and registers the script for the sites chosen to check always.
   */
  const toggleAutoRun = async (on: boolean) => {
    setSettingNote(null);
    if (on) {
      const granted = await browser.permissions.request({ origins: AUTO_RUN_ORIGINS }).catch(() => false);
      if (!granted) return setSettingNote('Auto-run stays off: it needs permission to read the pages you open.');
    }
    const r = await setAutoRun(on);
    if (!r.ok) return setSettingNote(r.message);
    setSettings(await loadSettings());
    const always = sites.sites?.some((s) => s.choice === 'always') ? ', except on the sites you chose to check always' : '';
    setSettingNote(on ? 'Pages about LDN are now checked as they load.' : `Auto-run is off: pages are checked when you press “Check this page”${always}.`);
  };

  const toggleHighlights = async (on: boolean) => {
    setSettings(await updateSettings({ highlights: on }));
    if (tabId !== null) await setHighlights(tabId, on);
  };

  const setAudience = async (view: Audience) => {
    setSettings((prev) => (prev ? { ...prev, view } : prev));
    setSettings(await updateSettings({ view }));
  };
  const audience = settings?.view ?? 'patient';

  return (
    <div class="panel">
      <header>
        <h1>Evidence Lens</h1>
        <p class="disclaimer" role="note">{DISCLAIMER}</p>
        <Tabs name="mode" label="What to check" class="modes" selected={mode} onSelect={setMode}
          tabs={[{ id: 'page', text: 'This page' }, { id: 'paste', text: 'Paste text' }]} />
        <AudienceSwitch value={audience} disabled={settings === null} onChange={(v) => void setAudience(v)} />
      </header>
      <main>
        <div {...tabPanelProps('mode', mode)}>
        {mode === 'paste' ? <PasteMode audience={audience} /> : (
          <>
            {neverHere && <NeverNotice state={sites} origin={neverHere} autoRun={settings?.autoRun ?? false} />}
            <div class="actions">
              <button type="button" class="primary" onClick={() => void check(false)} disabled={state.kind === 'checking'}>
                {state.kind === 'done' ? 'Check again' : neverHere ? 'Check anyway' : 'Check this page'}
              </button>
            </div>
            <SiteActions state={sites} autoRun={settings?.autoRun ?? false} />
            <fieldset class="settings">
              <legend>Settings</legend>
              <label class="setting">
                <input type="checkbox" checked={settings?.highlights ?? true} disabled={settings === null}
                  onChange={(e) => void toggleHighlights((e.currentTarget as HTMLInputElement).checked)} />
                Highlight claims in the page
              </label>
              <label class="setting">
                <input type="checkbox" checked={settings?.autoRun ?? false} disabled={settings === null} aria-describedby="auto-run-help"
                  onChange={(e) => void toggleAutoRun((e.currentTarget as HTMLInputElement).checked)} />
                Check pages about LDN automatically
              </label>
              <p id="auto-run-help" class="setting-help">Asks for permission to read the pages you open; pages not about LDN, and sites you chose never to check, are left alone.</p>
              {settingNote && <p class="setting-note" role="status">{settingNote}</p>}
              <LookupSetting />
              <SitesList state={sites} autoRun={settings?.autoRun ?? false} />
            </fieldset>
            {state.kind === 'idle' && <p class="state">Press “{neverHere ? 'Check anyway' : 'Check this page'}” to find the health claims about LDN on this page and how strong the evidence behind each one is.</p>}
            {state.kind === 'checking' && <p class="state" role="status" aria-live="polite">Checking the page…</p>}
            {state.kind === 'error' && <div class="error" role="alert"><strong>The page could not be checked.</strong> {state.message}</div>}
            {revealError && <p class="notice" role="status">{revealError}</p>}
            {rechecking && state.kind === 'done' && <p class="notice rechecking" role="status" aria-live="polite">The page changed — re-checking…</p>}
            {state.kind === 'done' && (
              <ReportView audience={audience} report={state.report} anchoring={state.anchoring} checkedAnyway={state.checkedAnyway} current={current}
                onReveal={(i) => void onReveal(i)} onCheckAnyway={() => void check(true)} />
            )}
          </>
        )}
        </div>
      </main>
    </div>
  );
}
