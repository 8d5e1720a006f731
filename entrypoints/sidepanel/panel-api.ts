/**
 * The side panel's side of the wire: requests to the background, each reply parsed with zod
 * before the panel looks at it (a reply that does not parse is reported as a failure).
 */
import * as z from 'zod/mini';
import {
  AckReply, BackgroundToPanel, CheckReply, failure, isFromOurExtension, parseOrNull, ReportReply, TextReply,
  type PanelToBackground,
} from '../../src/extension/messages';
import type { SiteChoice } from '../../src/extension/sites';

async function ask<T>(msg: PanelToBackground, schema: z.ZodMiniType<T>): Promise<T | ReturnType<typeof failure>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(msg);
    return parseOrNull(schema, raw) ?? failure('bad-request', 'The extension sent back something unexpected. Reload the page and try again.');
  } catch (err) {
    return failure('check-failed', `The extension did not answer (${String(err)}). Reload the page and try again.`);
  }
}

export const checkTab = (tabId: number, assumeAboutLdn: boolean) => ask({ type: 'panel-bg-check', tabId, assumeAboutLdn }, CheckReply);
export const checkText = (text: string) => ask({ type: 'panel-bg-check-text', text }, TextReply);
export const getReport = (tabId: number) => ask({ type: 'panel-bg-get-report', tabId }, ReportReply);
export const reveal = (tabId: number, index: number) => ask({ type: 'panel-bg-reveal', tabId, index }, AckReply);
export const setHighlights = (tabId: number, on: boolean) => ask({ type: 'panel-bg-set-highlights', tabId, on }, AckReply);
export const setAutoRun = (on: boolean) => ask({ type: 'panel-bg-set-auto-run', on }, AckReply);
export const setSite = (origin: string, choice: SiteChoice | null) => ask({ type: 'panel-bg-set-site', origin, choice }, AckReply);

/**
 * Calls `onChange(tabId)` when the background announces a new or dropped report,
 * `onRechecking(tabId)` when it starts re-checking a page that changed, and
 * `onCurrent(tabId, index)` when a keyboard command moved to a claim. Returns an unsubscribe.
 */
export function onReportChanged(onChange: (tabId: number) => void, onRechecking: (tabId: number) => void = () => undefined,
  onCurrent: (tabId: number, index: number) => void = () => undefined): () => void {
  const listener = (raw: unknown, sender: { id?: string }) => {
    if (!isFromOurExtension(sender, browser.runtime.id)) return;
    const msg = parseOrNull(BackgroundToPanel, raw);
    if (msg?.type === 'bg-panel-report-changed') onChange(msg.tabId);
    else if (msg?.type === 'bg-panel-rechecking') onRechecking(msg.tabId);
    else if (msg?.type === 'bg-panel-current') onCurrent(msg.tabId, msg.index);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * The tab the panel works on: `?tab=<id>` when given (end-to-end tests open the panel as a
 * page, where "the active tab" would be the panel itself), else the active tab of this window.
 */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
