/**
 * The side panel's views and settings in Chromium, used as a person would (issue 6): the
 * citations view and the citation status on claim cards, the printable summary, re-checking a
 * single-page app when its article changes, keyboard navigation and an axe-core check of the
 * panel in light and dark themes, and auto-run (last: it registers the content script for every
 * page of the browser). Screenshots go to tests/artifacts/.
 * Run: `npx vitest run tests/e2e/panel.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { artifact, axeViolations, browserAvailable, checkWithPanel, chooseView, extensionSession, openPanel, readHighlights, switchAutoRun, tabIdOf } from './harness';

const RUN = browserAvailable();

type Chrome = {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

describe.skipIf(!RUN)('the side panel', { timeout: 60_000 }, () => {
  const session = extensionSession();

  describe('citations', () => {
    it('lists the page\'s citations with their status in words and the reasons', async () => {
      const { panel } = await checkWithPanel(session, 'citations.html');
      expect(await panel.locator('.summary').innerText()).toMatch(/5 citations \(3 verified, 1 unverified, 1 with wrong details\)/);
      const tab = panel.getByRole('tab', { name: /Citations \(5/ });
      await tab.click();
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      const items = panel.locator('li.citation');
      expect(await items.count()).toBe(5);
      const statuses = await items.locator('.cite-status').allInnerTexts();
      expect(statuses.map((s) => s.replace(/^\W+\s*/, ''))).toEqual(['Verified', 'Details differ', 'Verified', 'Unverified citation', 'Verified']);
      const mismatch = items.filter({ hasText: 'Details differ' });
      expect(await mismatch.innerText()).toContain('The page gives the year 2021; the record is from 2024.');
      expect(await mismatch.innerText()).toContain('In the reference list');
      const unverified = items.filter({ hasText: 'Unverified citation' });
      expect(await unverified.innerText()).toContain('The page names no author, journal, year or identifier, so the study cannot be looked up.');
      // The label filter belongs to the claim views.
      expect(await panel.getByLabel('Label').count()).toBe(0);
      await panel.screenshot({ path: artifact('citations-view.png'), fullPage: true });
    });

    it('says on a claim\'s card when its inline citation is unverified', async () => {
      const { panel } = await checkWithPanel(session, 'citations.html');
      // The clinician view gives the reasons (the patient view only the status).
      await chooseView(panel, 'Clinician');
      const card = panel.locator('li.card').filter({ has: panel.locator('.sentence', { hasText: 'A study found that LDN is a proven' }) });
      await expect.poll(() => card.locator('.claim-citations').innerText()).toMatch(/Its citation:\s*\?\s*Unverified citation\s+The page names no author/);
      const verified = panel.locator('li.card').filter({ has: panel.locator('.sentence', { hasText: 'Younger et al. (2013)' }) });
      expect(await verified.locator('.claim-citations').innerText()).toMatch(/Verified/);
      // A sentence without a citation has no citation line.
      expect(await panel.locator('li.card', { hasText: 'small dose of naltrexone' }).locator('.claim-citations').count()).toBe(0);
      await panel.screenshot({ path: artifact('citations-card.png'), fullPage: true });
      // The README's picture: the report's top, as the panel shows it.
      await panel.evaluate(() => document.querySelector('.page-title')?.scrollIntoView({ block: 'start' }));
      await panel.screenshot({ path: artifact('side-panel-readme.png') });
    });
  });

  describe('printable summary', () => {
    it('prints the title, date, claims with label words, why, studies and the disclaimer, as text', async () => {
      const { panel } = await checkWithPanel(session, 'citations.html');
      await panel.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => { (window as unknown as { printed: number }).printed++; };
      });
      await panel.getByRole('button', { name: 'Printable summary' }).click();
      expect(await panel.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      // On screen nothing changes; in print only the summary shows.
      expect(await panel.locator('#print').isVisible()).toBe(false);
      await panel.emulateMedia({ media: 'print' });
      expect(await panel.locator('#app').isVisible()).toBe(false);
      const summary = panel.locator('#print .print-summary');
      expect(await summary.isVisible()).toBe(true);
      const text = await summary.innerText();
      expect(text).toContain('LDN for fibromyalgia: what the studies say');
      expect(text).toMatch(/Checked on\s+\d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(text).toMatch(/Mixed RCT results/);
      expect(text).toMatch(/No published evidence/);
      expect(text).toMatch(/Why: /);
      expect(text).toContain('Younger');
      expect(text).toMatch(/https:\/\/doi\.org\/10\./);
      expect(text).toContain("The page's citation: Unverified citation.");
      expect(text).toMatch(/it is not medical advice/);
      // Page text stays text.
      expect(await summary.locator('img, script, iframe, svg').count()).toBe(0);
      await panel.screenshot({ path: artifact('print-summary.png'), fullPage: true });
      await panel.pdf({ path: artifact('print-summary.pdf') }).catch(() => undefined);
      await panel.emulateMedia({ media: 'screen' });
      // Printing over, the print area is emptied.
      await panel.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await panel.locator('#print').innerText()).toBe('');
    });

    it('keeps script payloads in page text as text in the summary', async () => {
      const { panel } = await checkWithPanel(session, 'xss.html');
      await panel.evaluate(() => { window.print = () => undefined; });
      await panel.getByRole('button', { name: 'Printable summary' }).click();
      const text = await panel.locator('#print').textContent();
      expect(text).toContain('<script>');
      expect(await panel.locator('#print img, #print script').count()).toBe(0);
      expect(await panel.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    });
  });

  describe('a single-page app', () => {
    it('is re-checked when its article changes, and the panel says so meanwhile', async () => {
      const { page, panel, tabId } = await checkWithPanel(session, 'spa.html');
      const sentences = () => panel.locator('li.card .sentence').allInnerTexts();
      expect((await sentences()).join(' ')).toContain('Studies show that LDN reduces pain in people with fibromyalgia.');
      const before = await panel.locator('.summary').innerText();
      // The re-check takes a fraction of a second: record the panel's status lines as they appear.
      await panel.evaluate(() => {
        const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
        new MutationObserver(() => {
          for (const el of document.querySelectorAll('[role="status"]')) if (!seen.includes(el.textContent!)) seen.push(el.textContent!);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      // A person moves to the next story; the app swaps the article without loading a page.
      await page.click('#next');
      await expect.poll(() => panel.evaluate(() => (window as unknown as { seen: string[] }).seen), { timeout: 10_000 })
        .toContain('The page changed — re-checking…');
      await expect.poll(async () => (await sentences()).join(' '), { timeout: 15_000 }).toContain('We often hear that LDN is perfectly safe during pregnancy.');
      expect((await sentences()).join(' ')).not.toContain('fibromyalgia');
      expect(await panel.getByText('The page changed — re-checking').count()).toBe(0);
      expect(await panel.locator('.summary').innerText()).not.toBe(before);
      // The highlights follow the new article, and the badge its claim count.
      await expect.poll(async () => Object.values(await readHighlights(page)).flat()).toContain('We often hear that LDN is perfectly safe during pregnancy.');
      const badge = await session.browser.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
      expect(badge).toBe(String(await panel.locator('li.card').count()));
      await panel.screenshot({ path: artifact('spa-rechecked.png'), fullPage: true });
    });

    it('is not re-checked while nothing changes', async () => {
      const { panel, tabId } = await checkWithPanel(session, 'clinic-blog.html');
      const at = async () => ((await panel.evaluate((id) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ report: { generatedAt: string } }> } } }).chrome.runtime.sendMessage({ type: 'panel-bg-get-report', tabId: id }), tabId)).report.generatedAt);
      const first = await at();
      await panel.waitForTimeout(2_500);
      expect(await at()).toBe(first);
    });
  });

  describe('accessibility', () => {
    it('moves between tabs with the arrow keys, with a visible focus ring', async () => {
      const { panel } = await checkWithPanel(session, 'citations.html');
      const all = panel.getByRole('tab', { name: /All claims/ });
      await all.focus();
      await panel.keyboard.press('ArrowRight');
      await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toMatch(/Not yet reviewed/);
      await panel.keyboard.press('ArrowRight');
      const citations = panel.getByRole('tab', { name: /Citations/ });
      expect(await citations.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toMatch(/Citations/);
      expect(await panel.locator('li.citation').count()).toBe(5);
      // Only the selected tab is in the Tab order; the panel it controls is labelled by it.
      expect(await panel.locator('[role="tab"][tabindex="0"]').count()).toBe(2);
      expect(await panel.locator('#view-panel').getAttribute('aria-labelledby')).toBe('view-tab-citations');
      // Wraps around, and Home goes to the first.
      await panel.keyboard.press('ArrowRight');
      expect(await all.getAttribute('aria-selected')).toBe('true');
      await panel.keyboard.press('End');
      expect(await citations.getAttribute('aria-selected')).toBe('true');
      await panel.keyboard.press('Home');
      expect(await all.getAttribute('aria-selected')).toBe('true');
      // The focus ring is drawn (keyboard focus matches :focus-visible).
      const outline = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
      });
      expect(outline).toEqual({ visible: true, style: 'solid', width: '3px' });
      await panel.screenshot({ path: artifact('tabs-focus.png') });
      // The mode tabs too: Paste text, then back.
      const page = panel.getByRole('tab', { name: 'This page' });
      await page.focus();
      await panel.keyboard.press('ArrowRight');
      expect(await panel.getByRole('tab', { name: 'Paste text' }).getAttribute('aria-selected')).toBe('true');
      expect(await panel.getByLabel(/Paste text \(an email/).count()).toBe(1);
      await panel.keyboard.press('ArrowLeft');
      expect(await page.getAttribute('aria-selected')).toBe('true');
    });

    it.each(['light', 'dark'] as const)('axe-core finds no violations in the panel (%s theme)', async (scheme) => {
      const { panel } = await checkWithPanel(session, 'citations.html');
      await panel.emulateMedia({ colorScheme: scheme });
      await chooseView(panel, 'Patient');
      expect(await axeViolations(panel), 'patient view').toEqual([]);
      // The clinician view opens every study list, so their links are checked too.
      await chooseView(panel, 'Clinician');
      expect(await panel.locator('details.studies:not([open])').count()).toBe(0);
      // And every "How this was matched" disclosure.
      for (const d of await panel.locator('details.provenance').all()) await d.locator('summary').click();
      expect(await axeViolations(panel), 'claims view').toEqual([]);
      await panel.screenshot({ path: artifact(`axe-claims-${scheme}.png`), fullPage: true });
      await panel.getByRole('tab', { name: /Citations/ }).click();
      expect(await axeViolations(panel), 'citations view').toEqual([]);
      await panel.screenshot({ path: artifact(`axe-citations-${scheme}.png`), fullPage: true });
      await panel.getByRole('tab', { name: 'Paste text' }).click();
      expect(await axeViolations(panel), 'paste mode').toEqual([]);
    });

    it('axe-core finds no violations in the not-about-LDN and empty states', async () => {
      const { panel } = await checkWithPanel(session, 'recipe.html');
      await panel.getByText('does not seem to be about low-dose naltrexone').waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      const idle = await openPanel(session.browser, 0);
      await idle.getByRole('button', { name: 'Check this page' }).waitFor();
      await idle.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(idle)).toEqual([]);
    });
  });

  // Last: while it is on, every page this browser opens is checked.
  describe('auto-run', () => {
    const worker = <T>(fn: (arg: number) => Promise<T>, arg = 0) => session.browser.worker.evaluate(fn, arg);
    const registered = () => worker(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
    const badgeOf = (tabId: number) => worker((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);

    it('when turned on, checks pages about LDN as they load and leaves other pages alone; when off, stops', async () => {
      const settingsPanel = await openPanel(session.browser, 0);
      const toggle = settingsPanel.getByLabel('Check pages about LDN automatically');
      expect(await toggle.isChecked()).toBe(false);
      expect(await registered()).toEqual([]);
      await toggle.check();
      await settingsPanel.getByText('Pages about LDN are now checked as they load.').waitFor();
      expect(await registered()).toEqual(['evidence-lens-auto-run']);
      expect(await worker(async () => ((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('settings'))['settings'] as { autoRun: boolean }).autoRun)).toBe(true);
      await settingsPanel.screenshot({ path: artifact('auto-run-on.png') });

      // A page about LDN: highlighted and badged with no click.
      const page = await session.browser.context.newPage();
      await page.goto(`${session.server.origin}/clinic-blog.html?auto=1`);
      await expect.poll(async () => Object.keys(await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
      const tabId = await tabIdOf(session.browser, page);
      await expect.poll(() => badgeOf(tabId)).toMatch(/^\d+$/);
      // Its panel shows the report straight away.
      const panel = await openPanel(session.browser, tabId);
      await panel.locator('.summary').waitFor();
      expect(await panel.locator('li.card').count()).toBe(Number(await badgeOf(tabId)));
      await panel.screenshot({ path: artifact('auto-run-report.png'), fullPage: true });

      // A page not about LDN: read, but nothing drawn, no badge, no report.
      const recipe = await session.browser.context.newPage();
      await recipe.goto(`${session.server.origin}/recipe.html?auto=1`);
      const recipeTab = await tabIdOf(session.browser, recipe);
      await recipe.waitForTimeout(2_000);
      expect(await readHighlights(recipe)).toEqual({});
      expect(await badgeOf(recipeTab)).toBe('');
      const recipePanel = await openPanel(session.browser, recipeTab);
      await recipePanel.getByRole('button', { name: 'Check this page' }).waitFor();
      expect(await recipePanel.locator('.summary').count()).toBe(0);

      // Off: the script is unregistered, and new pages are not checked.
      await switchAutoRun(settingsPanel, false);
      expect(await registered()).toEqual([]);
      const later = await session.browser.context.newPage();
      await later.goto(`${session.server.origin}/clinic-blog.html?auto=2`);
      await later.waitForTimeout(2_500);
      expect(await readHighlights(later)).toEqual({});
      expect(await badgeOf(await tabIdOf(session.browser, later))).toBe('');
    });
  });
});
