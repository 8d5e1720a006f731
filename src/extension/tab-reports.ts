/**
 * The background's reports, one per tab: in memory, mirrored to `storage.session` so they
 * survive the service worker being stopped (never written to disk, gone when the browser
 * closes). Dropped when the tab closes or navigates. Stored values are parsed on the way back in.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { Report } from '../core/report-schema';
import { Anchoring } from './messages';

export const TabEntry = z.object({ report: Report, anchoring: Anchoring });
export type TabEntry = z.infer<typeof TabEntry>;

const key = (tabId: number) => `report:${tabId}`;

/** `storage.session` is missing in older Firefox; the in-memory map still works there. */
function session() {
  return browser.storage?.session;
}

export class TabReports {
  private readonly entries = new Map<number, TabEntry>();

  async get(tabId: number): Promise<TabEntry | null> {
    const hit = this.entries.get(tabId);
    if (hit) return hit;
    const stored = await session()?.get(key(tabId)).catch(() => ({}));
    const parsed = z.safeParse(TabEntry, (stored as Record<string, unknown> | undefined)?.[key(tabId)]);
    if (!parsed.success) return null;
    this.entries.set(tabId, parsed.data);
    return parsed.data;
  }

  async set(tabId: number, entry: TabEntry): Promise<void> {
    this.entries.set(tabId, entry);
    await session()?.set({ [key(tabId)]: entry }).catch(() => undefined);
  }

  async drop(tabId: number): Promise<boolean> {
    const had = this.entries.delete(tabId);
    await session()?.remove(key(tabId)).catch(() => undefined);
    return had;
  }
}
