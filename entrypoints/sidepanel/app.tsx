/**
 * The side panel: checks the page in its tab (through the background) or pasted text, and
 * shows the report. Page text is only ever rendered as text nodes by Preact, never as HTML.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { DISCLAIMER } from '../../src/core/levels';
import type { Report } from '../../src/core/report-schema';
import type { Anchoring } from '../../src/extension/messages';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '../../src/extension/settings';
import { activeTabId, checkTab, getReport, onReportChanged, pinnedTabId, reveal, setHighlights } from './panel-api';
import { PasteMode } from './paste-mode';
import { ReportView } from './report-view';

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

  useEffect(() => onReportChanged((changed) => { if (changed === tabId) void load(changed); }), [tabId, load]);

  // Follow the active tab unless the panel was opened for one tab (`?tab=`).
  useEffect(() => {
    if (pinned !== null) return;
    const onActivated = (info: { tabId: number }) => { setTabId(info.tabId); void load(info.tabId); };
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
  };

  const toggleHighlights = async (on: boolean) => {
    const next = { ...(settings ?? DEFAULT_SETTINGS), highlights: on };
    setSettings(next);
    await saveSettings(next);
    if (tabId !== null) await setHighlights(tabId, on);
  };

  return (
    <div class="panel">
      <header>
        <h1>Evidence Lens</h1>
        <p class="disclaimer" role="note">{DISCLAIMER}</p>
        <div role="tablist" aria-label="What to check" class="modes">
          <button type="button" role="tab" aria-selected={mode === 'page'} onClick={() => setMode('page')}>This page</button>
          <button type="button" role="tab" aria-selected={mode === 'paste'} onClick={() => setMode('paste')}>Paste text</button>
        </div>
      </header>
      <main>
        {mode === 'paste' ? <PasteMode /> : (
          <>
            <div class="actions">
              <button type="button" class="primary" onClick={() => void check(false)} disabled={state.kind === 'checking'}>
                {state.kind === 'done' ? 'Check again' : 'Check this page'}
              </button>
              <label class="setting">
                <input type="checkbox" checked={settings?.highlights ?? true} disabled={settings === null}
                  onChange={(e) => void toggleHighlights((e.currentTarget as HTMLInputElement).checked)} />
                Highlight claims in the page
              </label>
            </div>
            {state.kind === 'idle' && <p class="state">Press “Check this page” to find the health claims about LDN on this page and how strong the evidence behind each one is.</p>}
            {state.kind === 'checking' && <p class="state" role="status" aria-live="polite">Checking the page…</p>}
            {state.kind === 'error' && <div class="error" role="alert"><strong>The page could not be checked.</strong> {state.message}</div>}
            {revealError && <p class="notice" role="status">{revealError}</p>}
            {state.kind === 'done' && (
              <ReportView report={state.report} anchoring={state.anchoring} checkedAnyway={state.checkedAnyway}
                onReveal={(i) => void onReveal(i)} onCheckAnyway={() => void check(true)} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
