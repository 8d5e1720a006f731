/**
 * Claims that cannot be highlighted, and moving between claims with the keyboard, in Chromium,
 * used as a person would (issue 9): a claim whose sentence the page hides after the check is
 * listed under "Not found on the page" with the reason, and becomes a normal card again when the
 * page shows it; the "next-claim" / "previous-claim" shortcuts scroll the page to each claim and
 * mark its card current in the panel. Screenshots go to tests/artifacts/.
 * Run: `npx vitest run tests/e2e/navigation.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { artifact, axeViolations, browserAvailable, checkWithPanel, extensionSession, readHighlights } from './harness';

const RUN = browserAvailable();
const HIDDEN = 'LDN is safe and has virtually no side effects.';

describe.skipIf(!RUN)('claims not found on the page, and keyboard commands', { timeout: 60_000 }, () => {
  const session = extensionSession();

  /** Presses a shortcut: the background's command handler, as the browser calls it for the focused tab. */
  function press(command: 'next-claim' | 'previous-claim', tabId: number) {
    return session.browser.worker.evaluate(([c, id]) =>
      (globalThis as unknown as { evidenceLensCommand(c: string, tab: { id: number }): Promise<void> }).evidenceLensCommand(c, { id }), [command, tabId] as const);
  }

  it('lists a claim the page hid under "Not found on the page" with the reason, and anchors it again when the page shows it', async () => {
    const { page, panel } = await checkWithPanel(session, 'orphans.html');
    const notFound = panel.locator('section.not-found');
    // The page hides the paragraph right after the check; the change brings a re-check, which finds it hidden.
    await notFound.waitFor({ timeout: 20_000 });
    expect(await notFound.getByRole('heading').innerText()).toMatch(/Not found on the page \(1\)/);
    const orphan = notFound.locator('li.card');
    expect(await orphan.count()).toBe(1);
    expect(await orphan.locator('.sentence').innerText()).toContain(HIDDEN);
    expect(await orphan.locator('.orphan-reason').innerText()).toMatch(/The text is hidden on the page\./);
    // Not offered as a link to the page, not highlighted there; the other claims still are.
    expect(await orphan.locator('button.sentence').count()).toBe(0);
    expect(await panel.locator('ol[aria-label="Claims in page order"] li.card').count()).toBeGreaterThan(0);
    expect(Object.values(await readHighlights(page)).flat()).not.toContain(HIDDEN);
    expect(await panel.locator('.notice', { hasText: 'could not be found in the page' }).innerText()).toMatch(/1 of \d+ claims/);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: artifact('orphans-panel.png'), fullPage: true });

    // The reader expands the post: the sentence is shown, found again, and its card is a normal one.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => notFound.count(), { timeout: 20_000 }).toBe(0);
    const card = panel.locator('ol[aria-label="Claims in page order"] li.card', { hasText: HIDDEN });
    expect(await card.locator('button.sentence').count()).toBe(1);
    await expect.poll(async () => Object.values(await readHighlights(page)).flat()).toContain(HIDDEN);
  });

  it('moves to the next and previous claim with the keyboard commands: the page scrolls and the panel marks the card current', async () => {
    const { page, panel, tabId } = await checkWithPanel(session, 'clinic-blog.html');
    const cards = panel.locator('ol[aria-label="Claims in page order"] li.card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(1);
    /** The flashed sentence's text and whether it is within the viewport. */
    const flashed = () => page.evaluate(() => {
      // The flash lasts 1.6 s; the last one seen is kept, to measure where smooth scrolling ends.
      const w = window as unknown as { lastFlash?: Range };
      const hl = (CSS.highlights as unknown as Map<string, Set<Range>>).get('evidence-lens-flash');
      const range = (hl ? [...hl][0] : undefined) ?? w.lastFlash;
      if (!range) return null;
      w.lastFlash = range;
      const r = range.getBoundingClientRect();
      return { text: range.toString().replace(/\s+/g, ' ').trim(), inView: r.top >= 0 && r.bottom <= innerHeight };
    });
    const sentenceOf = async (i: number) => (await cards.nth(i).locator('.sentence').innerText()).replace(/^“|”$/g, '');
    const current = panel.locator('li.card[aria-current="true"]');
    // The shortcut is pressed while reading the page: its tab is the one in front (and scrolls smoothly).
    await page.bringToFront();

    await press('next-claim', tabId);
    await expect.poll(() => current.getAttribute('data-index')).toBe(await cards.nth(0).getAttribute('data-index'));
    await expect.poll(async () => (await flashed())?.text.slice(0, 20)).toBe((await sentenceOf(0)).slice(0, 20));
    await expect.poll(async () => (await flashed())?.inView).toBe(true);
    const topScroll = await page.evaluate(() => scrollY);

    // On to the first claim past the page's tall block ("…a powerful treatment for autism…"): the page scrolls down to it.
    const texts = await cards.locator('.sentence').allInnerTexts();
    const far = texts.findIndex((t) => t.includes('autism'));
    expect(far).toBeGreaterThan(0);
    for (let i = 1; i <= far; i++) {
      await press('next-claim', tabId);
      await expect.poll(() => current.getAttribute('data-index')).toBe(await cards.nth(i).getAttribute('data-index'));
      await expect.poll(async () => (await flashed())?.text.slice(0, 20)).toBe((await sentenceOf(i)).slice(0, 20));
      await expect.poll(async () => (await flashed())?.inView).toBe(true);
    }
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(topScroll + 500);
    // The card is current in words and focused, one card at a time.
    expect(await current.count()).toBe(1);
    expect(await current.locator('.current-tag').innerText()).toBe('Current');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('li.card')?.getAttribute('data-index'))).toBe(await cards.nth(far).getAttribute('data-index'));
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: artifact('keyboard-current-card.png'), fullPage: true });

    // Back: the claim before it, above the tall block; the page scrolls up to it.
    const farScroll = await page.evaluate(() => scrollY);
    await press('previous-claim', tabId);
    await expect.poll(() => current.getAttribute('data-index')).toBe(await cards.nth(far - 1).getAttribute('data-index'));
    await expect.poll(async () => (await flashed())?.text.slice(0, 20)).toBe((await sentenceOf(far - 1)).slice(0, 20));
    await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(farScroll - 500);
    await expect.poll(async () => (await flashed())?.inView).toBe(true);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.closest('li.card')?.getAttribute('data-index'))).toBe(await cards.nth(far - 1).getAttribute('data-index'));

    for (let i = far - 1; i > 0; i--) await press('previous-claim', tabId);
    await expect.poll(() => current.getAttribute('data-index')).toBe(await cards.nth(0).getAttribute('data-index'));
    // Wrapping: previous from the first claim goes to the last.
    await press('previous-claim', tabId);
    await expect.poll(() => current.getAttribute('data-index')).toBe(await cards.nth(count - 1).getAttribute('data-index'));
  });
});
