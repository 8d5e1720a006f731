/**
 * Per-site control (issue 9) in Chromium, used as a person would: "Always check this site" (with
 * the keyboard), after which another page of the site is checked as it loads with no click, the
 * site is listed under Sites, and Remove stops it; "Never check this site" with auto-run on, after
 * which a new page of the site is left alone and its panel says why, offers "Check anyway" and the
 * way back; a refused permission, which stores nothing; and pages that are not a web site, where
 * the actions are disabled with the reason. The e2e build already holds its test server's host
 * permission, so the browser grants a site's permission there without a prompt (a test cannot
 * answer one). Run: `npx vitest run tests/e2e/sites.test.ts`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, axeViolations, browserAvailable, extensionSession, openPage as openTestPage, openPanel, openWithPanel, readHighlights, switchAutoRun, tabIdOf } from './harness';

const RUN = browserAvailable();

type Chrome = {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; excludeMatches?: string[] }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

describe.skipIf(!RUN)('per-site control', { timeout: 90_000 }, () => {
  const session = extensionSession();
  const registered = () => session.browser.worker.evaluate(async () =>
    (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).map(({ id, matches, excludeMatches }) => ({ id, matches, excludeMatches: excludeMatches ?? [] })));
  const badgeOf = (tabId: number) => session.browser.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
  const storedSites = () => session.browser.worker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('sites'))['sites'] ?? null);

  /** A person opens another page of the site in a new tab. */
  const openPage = (name: string) => openTestPage(session, name);

  /** The page is checked with no click: highlights in it, its claim count on the badge. */
  async function expectCheckedAsItLoads(page: Page, tabId: number) {
    await expect.poll(async () => Object.keys(await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => badgeOf(tabId)).toMatch(/^[1-9]\d*$/);
  }

  /** The page is left alone: nothing drawn, no badge, after time enough for a check. */
  async function expectLeftAlone(page: Page, tabId: number) {
    await page.waitForTimeout(2_500);
    expect(await readHighlights(page)).toEqual({});
    expect(await badgeOf(tabId)).toBe('');
  }

  const sitesGroup = (panel: Page) => panel.getByRole('group', { name: 'Sites', exact: true });

  it('"Always check this site" checks its new pages as they load, lists it under Sites, and Remove stops it', async () => {
    const origin = session.server.origin;
    const { panel } = await openWithPanel(session, 'clinic-blog.html');
    const thisSite = panel.getByRole('group', { name: `This site: ${origin}` });
    await thisSite.getByText('No choice made: its pages are checked when you press “Check this page”.').waitFor();
    await sitesGroup(panel).getByText('None yet.').waitFor();

    // With the keyboard: from "Check this page", Tab to "Always check this site" and press Enter.
    await panel.getByRole('button', { name: 'Check this page' }).focus();
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('Always check this site');
    await panel.keyboard.press('Enter');
    await panel.getByText(`${origin} is checked as its pages load, from the next page you open.`).waitFor();
    await thisSite.getByText('Always checked: its pages are checked as they load.').waitFor();
    expect(await thisSite.getByRole('button', { name: 'Always check this site' }).isDisabled()).toBe(true);
    const rows = sitesGroup(panel).getByRole('listitem');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^${origin.replace(/\./g, '\\.')}\\s+Always checked\\s+Remove$`))]);
    expect(await storedSites()).toEqual([{ origin, choice: 'always' }]);
    expect(await registered()).toEqual([{ id: 'evidence-lens-auto-run', matches: [`${origin}/*`], excludeMatches: [] }]);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: artifact('site-always.png'), fullPage: true });

    // Another page of the site: checked as it loads, its panel shows the report with no click.
    const { page, tabId } = await openPage('news.html');
    await expectCheckedAsItLoads(page, tabId);
    const newsPanel = await openPanel(session.browser, tabId);
    await newsPanel.locator('.summary').waitFor();
    expect(await newsPanel.getByRole('button', { name: 'Check again' }).count()).toBe(1);
    expect(await newsPanel.locator('li.card').count()).toBe(Number(await badgeOf(tabId)));

    // Remove, with the keyboard, in the Sites list.
    await panel.bringToFront();
    const remove = sitesGroup(panel).getByRole('button', { name: `Remove ${origin}` });
    await remove.focus();
    await panel.keyboard.press('Enter');
    await panel.getByText(`${origin} removed: its pages are checked when you press “Check this page”.`).waitFor();
    await sitesGroup(panel).getByText('None yet.').waitFor();
    expect(await storedSites()).toEqual([]);
    expect(await registered()).toEqual([]);
    expect(await thisSite.getByRole('button', { name: 'Always check this site' }).isDisabled()).toBe(false);

    // A new page of the site is no longer checked as it loads.
    const later = await openPage('news.html');
    await expectLeftAlone(later.page, later.tabId);
    const laterPanel = await openPanel(session.browser, later.tabId);
    await laterPanel.getByRole('button', { name: 'Check this page' }).waitFor();
    expect(await laterPanel.locator('.summary').count()).toBe(0);
  });

  it('"Never check this site" with auto-run on: new pages are left alone, the panel says why and offers "Check anyway" and the way back', async () => {
    const origin = session.server.origin;
    const { panel } = await openWithPanel(session, 'clinic-blog.html');
    await switchAutoRun(panel, true);
    // Auto-run reaches this site: a page of it is checked as it loads.
    const first = await openPage('news.html');
    await expectCheckedAsItLoads(first.page, first.tabId);

    // "Never", from the panel of a page of the site.
    const firstPanel = await openPanel(session.browser, first.tabId);
    await firstPanel.getByRole('group', { name: `This site: ${origin}` }).getByText('No choice made: its pages are checked as they load, as auto-run is on.').waitFor();
    await firstPanel.getByRole('button', { name: 'Never check this site' }).click();
    await firstPanel.getByText(`${origin} is never checked as its pages load; a page of it is checked only when you press “Check anyway”.`).waitFor();
    expect(await storedSites()).toEqual([{ origin, choice: 'never' }]);
    expect(await registered()).toEqual([{ id: 'evidence-lens-auto-run', matches: ['http://127.0.0.1/*'], excludeMatches: [`${origin}/*`] }]);

    // A new page of the site, with auto-run still on: left alone.
    const { page, tabId } = await openPage('news.html');
    await expectLeftAlone(page, tabId);
    const pagePanel = await openPanel(session.browser, tabId);
    await pagePanel.getByText(`You chose never to check ${origin}. Its pages are not checked as they load, and this page is checked only if you press “Check anyway”`).waitFor();
    expect(await pagePanel.locator('.summary').count()).toBe(0);
    expect(await pagePanel.getByRole('button', { name: 'Check this page' }).count()).toBe(0);
    expect(await sitesGroup(pagePanel).getByRole('listitem').innerText()).toMatch(/Never checked/);
    expect(await pagePanel.getByRole('group', { name: `This site: ${origin}` }).getByRole('button', { name: 'Never check this site' }).isDisabled()).toBe(true);
    expect(await axeViolations(pagePanel)).toEqual([]);
    await pagePanel.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(pagePanel), 'dark theme').toEqual([]);
    await pagePanel.emulateMedia({ colorScheme: 'light' });
    await pagePanel.screenshot({ path: artifact('site-never.png'), fullPage: true });

    // "Check anyway": this page, this once; the choice stays.
    await pagePanel.getByRole('button', { name: 'Check anyway', exact: true }).click();
    await pagePanel.locator('.summary').waitFor({ timeout: 20_000 });
    await expect.poll(async () => Object.keys(await readHighlights(page)).length).toBeGreaterThan(0);
    expect(await storedSites()).toEqual([{ origin, choice: 'never' }]);
    const again = await openPage('news.html');
    await expectLeftAlone(again.page, again.tabId);

    // The way back: off the never list, auto-run reaches the site's new pages again.
    await pagePanel.bringToFront();
    await pagePanel.getByRole('button', { name: `Remove ${origin} from the never list` }).click();
    await pagePanel.getByText(`${origin} removed: its pages are checked as they load, as auto-run is on.`).waitFor();
    await expect.poll(() => pagePanel.locator('.never-notice').count()).toBe(0);
    expect(await storedSites()).toEqual([]);
    const back = await openPage('news.html');
    await expectCheckedAsItLoads(back.page, back.tabId);

    // Auto-run off again, for the tests that follow.
    await switchAutoRun(panel, false);
    expect(await registered()).toEqual([]);
  });

  it('stores nothing when the browser\'s permission is refused, and says so', async () => {
    const origin = session.server.origin;
    const { panel } = await openWithPanel(session, 'clinic-blog.html');
    const before = await storedSites();
    // The person answers "Don't allow" to the browser's prompt (which a test cannot click).
    await panel.evaluate(() => {
      (globalThis as unknown as { chrome: { permissions: { request: () => Promise<boolean> } } }).chrome.permissions.request = () => Promise.resolve(false);
    });
    await panel.getByRole('button', { name: 'Always check this site' }).click();
    await panel.getByText(`Nothing changed: the browser did not give Evidence Lens permission to read ${origin}, so its pages are not checked as they load.`).waitFor();
    expect(await storedSites()).toEqual(before);
    expect(await registered()).toEqual([]);
    await sitesGroup(panel).getByText('None yet.').waitFor();
  });

  it('disables both actions, with the reason, where the tab is not a web site', async () => {
    // The panel's own page, shown in a tab: an extension page.
    const own = await openPanel(session.browser, 0);
    const tabId = await tabIdOf(session.browser, own);
    const panel = await openPanel(session.browser, tabId);
    const group = panel.getByRole('group', { name: 'This site', exact: true });
    await group.getByText(/^Only web sites \(http and https addresses\) can be checked always or never/).waitFor();
    expect(await group.getByRole('button', { name: 'Always check this site' }).isDisabled()).toBe(true);
    expect(await group.getByRole('button', { name: 'Never check this site' }).isDisabled()).toBe(true);
    // The reason is the buttons' description for screen readers.
    expect(await group.getByRole('button', { name: 'Never check this site' }).getAttribute('aria-describedby')).toBe('site-status');
    expect(await axeViolations(panel)).toEqual([]);
  });
});
