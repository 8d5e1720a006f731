/**
 * The built extension in Chromium, against synthetic pages of three genres served on 127.0.0.1:
 * highlights on the right sentences, the panel's cards, scroll-to-claim, exports, paste-text
 * mode, the not-about-LDN and error states, the page's own script unharmed, and no request
 * leaving 127.0.0.1.
 * Run: `npx vitest run tests/e2e` (builds the e2e variant of the extension first).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/core/report-schema';
import { artifact, browserAvailable, checkWithPanel, extensionSession, openPanel, readHighlights, tabIdOf } from './harness';

const RUN = browserAvailable();
const TIMEOUT = 60_000;

describe.skipIf(!RUN)('extension in Chromium', { timeout: TIMEOUT }, () => {
  const session = extensionSession();


  it('checks a clinic blog: highlights, cards, scroll, page script', async () => {
    const { page, panel } = await checkWithPanel(session, 'clinic-blog.html');

    const highlights = await readHighlights(page);
    const all = Object.values(highlights).flat();
    expect(all).toContain('Studies show that LDN reduces pain in people with fibromyalgia.');
    // Found across a line break and a run of spaces in the markup.
    expect(all).toContain('LDN is also a powerful treatment for autism, and it can cure cancer by boosting the immune system.');
    expect(Object.keys(highlights).every((n) => n.startsWith('evidence-lens-'))).toBe(true);
    // Each sentence is highlighted once, in the label of its first card (cards are in page order).
    const cards = panel.locator('li.card');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(3);
    const firstLabel = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const label = (await cards.nth(i).getAttribute('data-label'))!;
      const sentence = (await cards.nth(i).locator('.sentence').innerText()).replace(/^“|”$/g, '');
      if (!firstLabel.has(sentence)) firstLabel.set(sentence, label);
    }
    for (const [sentence, label] of firstLabel) {
      expect(highlights[`evidence-lens-${label}`] ?? [], `highlight of “${sentence}”`).toContain(sentence);
    }
    expect(all.length).toBe(firstLabel.size);
    // Badges carry words and an icon, not colour alone.
    const badge = cards.first().locator('.badge');
    expect((await badge.innerText()).trim().length).toBeGreaterThan(3);
    await expect.poll(() => panel.locator('.summary').innerText()).toMatch(/^\d+ claims? · /);
    await expect.poll(() => panel.locator('.disclaimer').innerText()).toMatch(/not medical advice/);

    // The badge shows the claim count.
    const tabId = await tabIdOf(session.browser, page);
    const badgeText = await session.browser.worker.evaluate((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badgeText).toBe(String(n));

    // Clicking a card far down the page scrolls there and flashes the sentence.
    await page.bringToFront();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: artifact('clinic-blog-top.png') });
    const far = panel.locator('li.card', { hasText: 'powerful treatment for autism' }).first().locator('button.sentence');
    await far.click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeGreaterThan(500);
    // Smooth scrolling ends with the flashed sentence inside the viewport.
    await expect.poll(() => page.evaluate(() => {
      const flash = (CSS.highlights as unknown as Map<string, Set<Range>>).get('evidence-lens-flash');
      const rect = flash ? [...flash][0]?.getBoundingClientRect() : undefined;
      return rect !== undefined && rect.top >= 0 && rect.bottom <= window.innerHeight;
    }), { timeout: 5_000 }).toBe(true);
    await expect.poll(async () => (await readHighlights(page))['evidence-lens-flash'] ?? []).toContain(
      'LDN is also a powerful treatment for autism, and it can cure cancer by boosting the immune system.');
    // Let the smooth scroll come to rest before the screenshot.
    await expect.poll(async () => {
      const a = await page.evaluate(() => window.scrollY);
      await page.waitForTimeout(150);
      return a === (await page.evaluate(() => window.scrollY));
    }).toBe(true);
    await page.screenshot({ path: artifact('clinic-blog-revealed.png') });

    // The page's own script still runs, and its DOM was not rewritten by Readability.
    expect(await page.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
    await page.click('#page-button');
    expect(await page.textContent('#likes')).toBe('1');
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.locator('nav a').count()).toBe(3);

    await panel.screenshot({ path: artifact('clinic-blog-panel.png'), fullPage: true });
  });

  it('shows a claim\'s label when the pointer rests on its highlight', async () => {
    const { page } = await checkWithPanel(session, 'clinic-blog.html');
    await expect.poll(async () => Object.keys(await readHighlights(page)).length).toBeGreaterThan(0);
    // The middle of the first highlighted range, in the viewport.
    const point = await page.evaluate(() => {
      const first = [...CSS.highlights.values()].flatMap((h) => [...h] as Range[])[0]!;
      first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = first.getClientRects()[0]!;
      return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    const label = page.locator('#evidence-lens-hover [role="tooltip"]');
    await expect.poll(() => label.textContent()).toMatch(/^Evidence Lens: (Established|Small RCTs support|Mixed RCT results|Contradicted by RCT|No RCT|Case reports only|Lab or animal studies only|No published evidence|Not yet reviewed)$/);
    // Away from any claim, the label goes.
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('#evidence-lens-hover').count()).toBe(0);
  });

  it('filters by label and shows the "Not yet reviewed" view', async () => {
    const { panel } = await checkWithPanel(session, 'news.html');
    const total = await panel.locator('li.card').count();
    expect(total).toBeGreaterThan(0);
    await panel.getByRole('tab', { name: /Not yet reviewed/ }).click();
    const labels = await panel.locator('li.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    expect(labels.every((l) => l === 'not-reviewed')).toBe(true);
    await panel.getByRole('tab', { name: /All claims/ }).click();
    const first = await panel.locator('li.card').first().getAttribute('data-label');
    await panel.getByLabel('Label').selectOption(first!);
    const filtered = await panel.locator('li.card').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((l) => l === first)).toBe(true);
    await panel.screenshot({ path: artifact('news-panel.png'), fullPage: true });
  });

  it('exports Markdown, JSON and ClaimReview that parse', async () => {
    const { panel } = await checkWithPanel(session, 'forum.html');
    const save = async (button: string) => {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: button, exact: true }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const md = await save('Markdown');
    expect(md.name).toMatch(/^evidence-lens-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.text).toMatch(/^# Evidence Lens report: /);
    expect(md.text).toContain('## Claims');
    const json = await save('JSON');
    const report = Report.parse(JSON.parse(json.text));
    expect(report.claims.length).toBeGreaterThan(0);
    expect(report.source.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/forum\.html\?run=\d+$/);
    const cr = await save('ClaimReview');
    const doc = JSON.parse(cr.text) as { '@context': string; '@graph': { '@type': string }[] };
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].every((x) => x['@type'] === 'ClaimReview')).toBe(true);
  });

  it('checks pasted text in the panel', async () => {
    const b2 = session.browser;
    const panel = await openPanel(b2, 0);
    await panel.getByRole('tab', { name: 'Paste text' }).click();
    await panel.getByRole('textbox', { name: /Paste text/ }).fill('My sister swears by it.\nLDN reduces pain in people with fibromyalgia.\nIt also cures cancer.');
    await panel.getByRole('button', { name: 'Check text' }).click();
    await panel.locator('li.card').first().waitFor();
    expect(await panel.locator('li.card').count()).toBeGreaterThan(0);
    expect(await panel.locator('.summary').innerText()).toMatch(/claim/);
    await panel.screenshot({ path: artifact('paste-panel.png'), fullPage: true });
  });

  it('turns highlights off and on from the panel setting', async () => {
    const { page, panel } = await checkWithPanel(session, 'clinic-blog.html');
    expect(Object.keys(await readHighlights(page)).length).toBeGreaterThan(0);
    await panel.getByLabel('Highlight claims in the page').uncheck();
    await expect.poll(async () => Object.keys(await readHighlights(page)).length).toBe(0);
    await panel.getByLabel('Highlight claims in the page').check();
    await expect.poll(async () => Object.keys(await readHighlights(page)).length).toBeGreaterThan(0);
  });

  it('says when a page is not about LDN, and checks it anyway on request', async () => {
    const { panel } = await checkWithPanel(session, 'recipe.html');
    const state = panel.getByText('does not seem to be about low-dose naltrexone');
    await state.waitFor();
    await panel.getByRole('button', { name: /Check anyway/ }).click();
    await expect.poll(() => panel.getByText('does not seem to be about low-dose naltrexone').count()).toBe(0);
    await panel.locator('li.card').first().waitFor();
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: artifact('recipe-panel-dark.png'), fullPage: true });
  });

  it('explains why a browser page cannot be checked', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('chrome://version/');
    await page.bringToFront();
    // Without the "tabs" permission a chrome:// tab's URL is hidden, so take the active tab.
    const tabId = await session.browser.worker.evaluate(async () => {
      type Tabs = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
      const [tab] = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    expect(tabId).toBeGreaterThanOrEqual(0);
    const panel = await openPanel(session.browser, tabId);
    await panel.getByRole('button', { name: 'Check this page' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/could not be checked.*cannot be checked/s);
  });

  it('sent no request to any host but 127.0.0.1', () => {
    // chrome:// is the browser's own page opened by the error-state test, served from memory.
    const outside = session.browser.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|chrome:|data:|blob:)/.test(u));
    expect(outside).toEqual([]);
    expect(session.browser.requests.some((u) => u.startsWith('http://127.0.0.1'))).toBe(true);
  });
});
