/**
 * The background: opens the panel from the toolbar button, runs checks on the panel's request,
 * keeps one report per tab and shows its claim count on the badge. It holds the pipeline after
 * extraction and the claims database: the content script sends the page's Article, the
 * background checks it and sends back the claims to highlight; pasted text is checked here too.
 * It answers only our own extension pages, and only messages that parse (src/extension/messages.ts).
 * Checks of one tab never overlap: requests that arrive while one runs share a result
 * (src/extension/tab-checks.ts). With auto-run on, or on a site chosen to be checked always
 * (src/extension/auto-run.ts, src/extension/sites.ts), the content script says when it loads in a
 * page, and the page is checked unless its site is one never to check; one that is not about LDN
 * gets no highlights, badge or kept report. The background alone writes the auto-run setting and
 * the sites list, one change at a time, and registers the content script to match. When a checked
 * article changes, the content script asks for a re-check (src/extension/change-watcher.ts), and
 * the panel is told one is running.
 */
import type * as z from 'zod/mini';
import { checkArticle } from '../src/core/pipeline';
import { articleFromText } from '../src/core/plain-text';
import type { Report } from '../src/core/report-schema';
import { bundledDb } from '../src/extension/db';
import {
  AckReply, ContentToBackground, ExtractReply, failure, isFromOurContentScript, isFromOurPage, parseOrNull, PanelToBackground, ShowReply,
  type BackgroundToContent, type BackgroundToPanel, type CheckReply, type Failure, type ReportReply, type TextReply,
} from '../src/extension/messages';
import { applyAutoRunScope, AUTO_RUN_ORIGINS, autoRunCause, autoRunScope, hasHostPermission } from '../src/extension/auto-run';
import { pageCss } from '../src/extension/label-style';
import { lookupOrigins } from '../src/extension/lookup-access';
import { lookUpAndReplace } from '../src/extension/online-lookup';
import { loadSettings, updateSettings } from '../src/extension/settings';
import { choiceFor, loadSites, patternToRelease, saveSites, siteOf, sitePattern, withChoice, type Site, type SiteChoice } from '../src/extension/sites';
import { TabChecks } from '../src/extension/tab-checks';
import { TabReports } from '../src/extension/tab-reports';

const CONTENT_SCRIPT = '/content-scripts/content.js';

declare const __EVIDENCE_LENS_E2E__: boolean | undefined;
const E2E = typeof __EVIDENCE_LENS_E2E__ === 'boolean' && __EVIDENCE_LENS_E2E__;
const BADGE_COLOR = '#57606a';

export default defineBackground(() => {
  const reports = new TabReports();
  const checks = new TabChecks((tabId, assumeAboutLdn) => check(tabId, assumeAboutLdn));
  const ourOrigin = browser.runtime.getURL('/');
  /** Tabs whose check auto-run started (and no click since): shown only if the page is about LDN. */
  const autoTabs = new Set<number>();
  /** Whether each tab's last requested check was "check anyway", so a re-check reads it the same way. */
  const assumed = new Map<number, boolean>();
  // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  openPanelFromToolbar(action);

  /** Each tab's current claim: the one last revealed by a card click or a keyboard command. */
  const current = new Map<number, number>();

  /**
   * A keyboard command (manifest `commands`, rebindable in the browser's shortcuts page):
   * "next-claim" / "previous-claim" reveal the next or previous claim found in the page (orphans
   * are skipped), wrapping around, and tell the panel which card is now current.
   */
  async function onCommand(command: string, tab?: { id?: number }): Promise<void> {
    const step = command === 'next-claim' ? 1 : command === 'previous-claim' ? -1 : 0;
    if (step === 0) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const entry = await reports.get(tabId);
    if (!entry) return;
    const orphaned = new Set(entry.anchoring.orphans.map((o) => o.index));
    const found = entry.report.claims.map((_, i) => i).filter((i) => !orphaned.has(i));
    if (found.length === 0) return;
    const at = current.get(tabId);
    let next: number;
    if (at === undefined) next = step > 0 ? found[0]! : found[found.length - 1]!;
    else if (step > 0) next = found.find((i) => i > at) ?? found[0]!;
    else next = [...found].reverse().find((i) => i < at) ?? found[found.length - 1]!;
    current.set(tabId, next);
    const r = await toContent(tabId, { type: 'bg-cs-reveal', index: next });
    if (r.ok) browser.runtime.sendMessage({ type: 'bg-panel-current', tabId, index: next } satisfies BackgroundToPanel).catch(() => undefined);
  }
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // The e2e build lets a test press a shortcut: it calls what the listener calls (a test cannot press browser keys).
  if (E2E) (globalThis as unknown as { evidenceLensCommand?: typeof onCommand }).evidenceLensCommand = onCommand;

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (isFromOurContentScript(sender, browser.runtime.id, ourOrigin)) {
      const msg = parseOrNull(ContentToBackground, raw);
      if (msg) void fromContent(msg, sender.tab.id, sender.url);
      return;
    }
    if (!isFromOurPage(sender, browser.runtime.id, ourOrigin)) return;
    const msg = parseOrNull(PanelToBackground, raw);
    if (!msg) return;
    handle(msg).then(sendResponse, (err) => sendResponse(failure('check-failed', String(err))));
    return true;
  });

  async function handle(msg: PanelToBackground): Promise<CheckReply | TextReply | ReportReply | AckReply> {
    switch (msg.type) {
      case 'panel-bg-check':
        // A click: the report is shown whatever the page is about, even if auto-run started this check.
        autoTabs.delete(msg.tabId);
        assumed.set(msg.tabId, msg.assumeAboutLdn);
        return checks.request(msg.tabId, msg.assumeAboutLdn);
      case 'panel-bg-set-auto-run':
        return setAutoRun(msg.on);
      case 'panel-bg-set-site':
        return setSite(msg.origin, msg.choice);
      case 'panel-bg-check-text':
        return checkText(msg.text);
      case 'panel-bg-get-report': {
        const entry = await reports.get(msg.tabId);
        return { ok: true, report: entry?.report ?? null, anchoring: entry?.anchoring ?? null };
      }
      case 'panel-bg-reveal':
        current.set(msg.tabId, msg.index);
        return toContent(msg.tabId, { type: 'bg-cs-reveal', index: msg.index });
      case 'panel-bg-set-highlights':
        if (!(await reports.get(msg.tabId))) return { ok: true };
        return toContent(msg.tabId, { type: 'bg-cs-set-highlights', on: msg.on });
    }
  }

  async function check(tabId: number, assumeAboutLdn: boolean): Promise<CheckReply> {
    const settings = await loadSettings();
    try {
      await browser.scripting.insertCSS({ target: { tabId }, css: pageCss() });
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    } catch (err) {
      return injectionFailure(err);
    }
    const extracted = await ask(tabId, { type: 'bg-cs-extract' }, ExtractReply, 'The page sent back something that is not an article.');
    if (!extracted.ok) return extracted;
    let report: Report;
    try {
      report = checkArticle(extracted.article, bundledDb(), { url: extracted.url, assumeAboutLdn, extractMs: extracted.extractMs });
    } catch (err) {
      return failure('check-failed', `The check failed on this page: ${String(err)}`);
    }
    if (autoTabs.has(tabId) && !report.source.aboutLdn) {
      // Auto-run marks pages about LDN only. The page is still watched (no claims, no highlights),
      // so a single-page app that moves on to an article about LDN is checked then.
      await ask(tabId, { type: 'bg-cs-show', claims: [], highlights: false, extraction: extracted.extraction }, ShowReply, '');
      await forget(tabId);
      await setBadge(tabId, '');
      return { ok: true, report, anchoring: { anchored: 0, total: 0, orphans: [] } };
    }
    const claims = report.claims.map((c) => ({ start: c.start, end: c.end, label: c.label }));
    const shown = await ask(tabId, { type: 'bg-cs-show', claims, highlights: settings.highlights, extraction: extracted.extraction }, ShowReply, 'The page did not take the report.');
    if (!shown.ok) return shown;
    await reports.set(tabId, { report, anchoring: shown.anchoring });
    await setBadge(tabId, String(report.claims.length));
    announce(tabId);
    void lookUpAndReplace(tabId, report, reports, announce);
    return { ok: true, report, anchoring: shown.anchoring };
  }

  /** Pasted text, read as text about LDN; the report goes back to the panel and is not kept. */
  function checkText(text: string): TextReply {
    try {
      const t0 = performance.now();
      const article = articleFromText(text);
      return { ok: true, report: checkArticle(article, bundledDb(), { assumeAboutLdn: true, extractMs: performance.now() - t0 }) };
    } catch (err) {
      return failure('check-failed', `The check failed: ${String(err)}`);
    }
  }

  /** Sends a request to the tab's top frame and parses the reply; no answer or junk is a failure. */
  async function ask<T>(tabId: number, msg: BackgroundToContent, schema: z.ZodMiniType<T>, junk: string): Promise<T | Failure> {
    const raw: unknown = await browser.tabs
      .sendMessage(tabId, msg, { frameId: 0 })
      .catch((err: unknown) => failure('check-failed', `The page did not answer: ${String(err)}`));
    return parseOrNull(schema, raw) ?? failure('check-failed', junk);
  }

  async function toContent(tabId: number, msg: { type: 'bg-cs-reveal'; index: number } | { type: 'bg-cs-set-highlights'; on: boolean }): Promise<AckReply> {
    try {
      const raw: unknown = await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
      return parseOrNull(AckReply, raw) ?? failure('not-found', 'The page did not answer.');
    } catch {
      return failure('not-found', 'The page has changed since it was checked. Check it again.');
    }
  }

  async function setBadge(tabId: number, text: string) {
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }).catch(() => undefined);
    await action.setBadgeText({ tabId, text }).catch(() => undefined);
  }

  /** Tells an open panel that a tab's report changed (or is being re-checked); no panel open is fine. */
  function announce(tabId: number, type: 'bg-panel-report-changed' | 'bg-panel-rechecking' = 'bg-panel-report-changed') {
    const msg: BackgroundToPanel = { type, tabId };
    browser.runtime.sendMessage(msg).catch(() => undefined);
  }

  /** `url` is the page's, as the browser gives it for the sender. */
  async function fromContent(msg: ContentToBackground, tabId: number, url: string | undefined) {
    const report = await reports.get(tabId);
    const cause = async () => autoRunCause(url, (await loadSettings()).autoRun, await loadSites());
    if (msg.type === 'cs-bg-loaded') {
      // Injected by a click (a check is already running): nothing to do.
      if (report || checks.busy(tabId)) return;
      // Not to be checked as it loads (auto-run off, or a site never to check), or the permission was taken back.
      const why = await cause();
      const site = siteOf(url);
      if (!why || !(await hasHostPermission(why === 'site-always' && site.ok ? [sitePattern(site.origin)] : AUTO_RUN_ORIGINS))) return;
      autoTabs.add(tabId);
      await checks.request(tabId, false);
      return;
    }
    // cs-bg-article-changed: re-check pages that were checked, or that auto-run is watching.
    if (!report && !(autoTabs.has(tabId) && (await cause()))) return;
    if (report) announce(tabId, 'bg-panel-rechecking');
    const r = await checks.request(tabId, assumed.get(tabId) ?? false).catch(() => null);
    // A successful check announced its report; after a failure the panel still stops waiting.
    if (!r?.ok) announce(tabId);
  }

  /**
   * Changes to auto-run and to the sites list run one at a time, each storing the change and then
   * registering the content script for what is stored (src/extension/auto-run.ts), so the
   * registration always follows the last change.
   */
  let changes: Promise<unknown> = Promise.resolve();
  function serially(what: string, change: () => Promise<AckReply>): Promise<AckReply> {
    const next = changes.catch(() => undefined).then(change).catch((err: unknown) => failure('check-failed', `${what}: ${String(err)}`));
    changes = next;
    return next;
  }

  async function registerForStored(): Promise<void> {
    const [settings, sites] = await Promise.all([loadSettings(), loadSites()]);
    await applyAutoRunScope(autoRunScope(settings.autoRun, sites));
  }

  /** Turning auto-run off gives its permission back; the sites chosen to check always stay registered. */
  function setAutoRun(on: boolean): Promise<AckReply> {
    return serially('Auto-run could not be changed', async () => {
      if (on && !(await hasHostPermission(AUTO_RUN_ORIGINS))) return failure('no-access', 'Auto-run needs permission to read all sites. Turn it on again and allow it.');
      await updateSettings({ autoRun: on });
      await registerForStored();
      if (!on) await browser.permissions.remove({ origins: AUTO_RUN_ORIGINS }).catch(() => false);
      return { ok: true };
    });
  }

  /**
   * A site to check always (its host permission already granted, in the panel's click), never,
   * or neither (null). A site that stops being "always" gives its permission back, unless
   * something else still needs that pattern (`patternToRelease`).
   */
  function setSite(origin: string, choice: SiteChoice | null): Promise<AckReply> {
    return serially('The site could not be changed', async () => {
      if (choice === 'always' && !(await hasHostPermission([sitePattern(origin)]))) {
        return failure('no-access', `Evidence Lens needs your permission to read ${origin} to check its pages as they load.`);
      }
      const before = await loadSites();
      const after = withChoice(before, origin, choice);
      await saveSites(after);
      await registerForStored();
      if (choiceFor(before, origin) === 'always' && choice !== 'always') await releaseSite(origin, after);
      return { ok: true };
    });
  }

  async function releaseSite(origin: string, remaining: Site[]): Promise<void> {
    const settings = await loadSettings();
    const held = [...(settings.autoRun ? AUTO_RUN_ORIGINS : []), ...(settings.onlineLookup ? lookupOrigins() : [])];
    const pattern = patternToRelease(origin, remaining, held);
    // A host the build itself holds (the e2e build's test server) cannot be given back, and need not be.
    if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  }

  // The permission taken back in the browser's settings turns auto-run off. A site's permission
  // taken back leaves the site listed, shown in the panel as not allowed, with a way to allow it again.
  browser.permissions.onRemoved.addListener((removed) => {
    if (!removed.origins?.some((o) => AUTO_RUN_ORIGINS.includes(o))) return;
    void serially('Auto-run could not be turned off', async () => {
      await updateSettings({ autoRun: false });
      await registerForStored();
      return { ok: true };
    });
  });

  // An installed or updated extension registers the content script for what is stored.
  browser.runtime.onInstalled.addListener(() => void serially('The content script could not be registered', async () => {
    await registerForStored();
    return { ok: true };
  }));

  async function forget(tabId: number) {
    current.delete(tabId);
    if (await reports.drop(tabId)) announce(tabId);
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    autoTabs.delete(tabId);
    assumed.delete(tabId);
    void forget(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    // A navigation (or reload) replaces the page the report was about; the badge resets itself.
    if (info.status !== 'loading') return;
    autoTabs.delete(tabId);
    assumed.delete(tabId);
    void forget(tabId);
  });
});

/**
 * Chrome: open the side panel ourselves on `action.onClicked`, synchronously. With
 * `openPanelOnActionClick` Chrome opens the panel without firing `onClicked`, and then does not
 * grant activeTab, so the content script could not be injected. Firefox: toggle the sidebar.
 */
function openPanelFromToolbar(action: typeof browser.action) {
  const sidePanel = browser.sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
    action.onClicked.addListener((tab) => {
      if (tab.windowId !== undefined) sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) action.onClicked.addListener(() => void sidebar.toggle());
}

function injectionFailure(err: unknown): Failure {
  const text = String(err);
  if (/cannot access a chrome|chrome-extension|extensions gallery|about:|moz-extension|cannot be scripted/i.test(text)) {
    return failure('not-a-page', 'Browser pages and extension pages cannot be checked. Open an article and try again.');
  }
  if (/no tab with id/i.test(text)) return failure('no-tab', 'That tab is gone. Open the page again.');
  return failure('no-access', 'Evidence Lens may only read a page after you click its toolbar button on that page. Click the Evidence Lens button, then "Check this page" again.');
}
