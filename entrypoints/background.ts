/**
 * The background: opens the panel from the toolbar button, runs checks in tabs on the panel's
 * request, keeps one report per tab and shows its claim count on the badge. It answers only
 * our own extension pages, and only messages that parse (src/extension/messages.ts).
 */
import {
  AckReply, BackgroundToPanel, CheckReply, failure, isFromOurPage, parseOrNull, PanelToBackground,
  type Failure, type ReportReply,
} from '../src/extension/messages';
import { pageCss } from '../src/extension/label-style';
import { loadSettings } from '../src/extension/settings';
import { TabReports } from '../src/extension/tab-reports';

const CONTENT_SCRIPT = '/content-scripts/content.js';
const BADGE_COLOR = '#57606a';

export default defineBackground(() => {
  const reports = new TabReports();
  const ourOrigin = browser.runtime.getURL('/');
  // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  openPanelFromToolbar(action);

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    if (!isFromOurPage(sender, browser.runtime.id, ourOrigin)) return;
    const msg = parseOrNull(PanelToBackground, raw);
    if (!msg) return;
    handle(msg).then(sendResponse, (err) => sendResponse(failure('check-failed', String(err))));
    return true;
  });

  async function handle(msg: PanelToBackground): Promise<CheckReply | ReportReply | AckReply> {
    switch (msg.type) {
      case 'panel-bg-check':
        return check(msg.tabId, msg.assumeAboutLdn);
      case 'panel-bg-get-report': {
        const entry = await reports.get(msg.tabId);
        return { ok: true, report: entry?.report ?? null, anchoring: entry?.anchoring ?? null };
      }
      case 'panel-bg-reveal':
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
    const raw: unknown = await browser.tabs
      .sendMessage(tabId, { type: 'bg-cs-check', assumeAboutLdn, highlights: settings.highlights }, { frameId: 0 })
      .catch((err: unknown) => failure('check-failed', `The page did not answer: ${String(err)}`));
    const reply = parseOrNull(CheckReply, raw) ?? failure('check-failed', 'The page sent back something that is not a report.');
    if (reply.ok) {
      await reports.set(tabId, { report: reply.report, anchoring: reply.anchoring });
      await setBadge(tabId, String(reply.report.claims.length));
      announce(tabId);
    }
    return reply;
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

  /** Tells an open panel that a tab's report changed; no panel open is fine. */
  function announce(tabId: number) {
    const msg: BackgroundToPanel = { type: 'bg-panel-report-changed', tabId };
    browser.runtime.sendMessage(msg).catch(() => undefined);
  }

  async function forget(tabId: number) {
    if (await reports.drop(tabId)) announce(tabId);
  }

  browser.tabs.onRemoved.addListener((tabId) => void forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    // A navigation (or reload) replaces the page the report was about; the badge resets itself.
    if (info.status === 'loading') void forget(tabId);
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
