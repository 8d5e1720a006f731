/**
 * The side panel's per-claim tools and the new exports in Chromium, used as a person would
 * (issue 9): "Copy link" puts a text-fragment link to the claim on the clipboard, and opening it
 * scrolls to the sentence; the Web Annotation and CSV downloads parse with real parsers; a study
 * line shows its trial's registry status; "How this was matched" shows the claim's provenance;
 * "This match is wrong" is recorded and comes back in the "Wrong-match report" download.
 * Run: `npx vitest run tests/e2e/claim-tools.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trialStatusText } from '../../src/core/format/summary';
import { Report } from '../../src/core/report-schema';
import { artifact, browserAvailable, checkWithPanel, chooseView, extensionSession } from './harness';

const RUN = browserAvailable();
const TRIAL_SENTENCE = 'An ongoing clinical trial is testing LDN together with hormonal therapy in women with endometriosis.';

describe.skipIf(!RUN)('claim tools in the side panel', { timeout: 60_000 }, () => {
  const session = extensionSession();


  const cardOf = (panel: Page, sentence: string) =>
    panel.locator('li.card').filter({ has: panel.locator('.sentence', { hasText: sentence }) }).first();

  async function save(panel: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: button, exact: true }).click()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  }

  it('copies a link to a claim that opens the page scrolled to its sentence', async () => {
    const { panel, url } = await checkWithPanel(session, 'trial-news.html');
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.bringToFront();
    const card = cardOf(panel, TRIAL_SENTENCE);
    await card.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => card.locator('.card-note').innerText()).toBe('Link copied.');
    const link = await panel.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${url}#:~:text=`)).toBe(true);

    // Without the fragment the sentence is below the fold.
    const plain = await session.browser.context.newPage();
    await plain.goto(url);
    expect(await plain.locator('#trial-claim').evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await plain.close();
    const opened = await session.browser.context.newPage();
    await opened.goto(link);
    const inView = () => opened.locator('#trial-claim').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);
    // The sentence is far below the fold: the browser scrolled to it.
    expect(await opened.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await opened.screenshot({ path: artifact('claim-link-opened.png') });
  });

  it('downloads Web Annotations and CSV that parse, one per claim, quoting each sentence', async () => {
    const { panel, url } = await checkWithPanel(session, 'forum.html');
    const report = Report.parse(JSON.parse((await save(panel, 'JSON')).text));
    const sentences = report.claims.map((c) => c.sentence);
    expect(sentences.length).toBeGreaterThan(1);
    expect((await panel.locator('li.card .sentence').allInnerTexts()).map((s) => s.replace(/^“|”$/g, ''))).toEqual(sentences);

    const wa = await save(panel, 'Web Annotation');
    expect(wa.name).toMatch(/^evidence-lens-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.annotations\.jsonld$/);
    type Annotation = { type: string; motivation: string; target: { source?: string; selector: { type: string; exact?: string }[] } };
    const collection = JSON.parse(wa.text) as { '@context': string; type: string; total: number; first: { items: Annotation[] } };
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(sentences.length);
    expect(collection.first.items.length).toBe(sentences.length);
    collection.first.items.forEach((a, i) => {
      expect(a.type).toBe('Annotation');
      expect(a.motivation).toBe('assessing');
      expect(a.target.source).toBe(url);
      expect(a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe(sentences[i]);
    });

    const csv = await save(panel, 'CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(sentences.length);
    expect(rows.map((r) => r['sentence'])).toEqual(sentences);
    expect(rows.map((r) => r['label'])).toEqual(report.claims.map((c) => c.label));
    expect(rows.every((r) => r['link']!.startsWith(`${url}#:~:text=`))).toBe(true);
  });

  it('shows a study\'s trial registry status on the card', async () => {
    const { panel } = await checkWithPanel(session, 'trial-news.html');
    // The clinician view shows each card's studies.
    await chooseView(panel, 'Clinician');
    const card = cardOf(panel, TRIAL_SENTENCE);
    expect(await card.locator('details.studies').getAttribute('open')).not.toBeNull();
    const trial = card.locator('.study-trial');
    await expect.poll(() => trial.allInnerTexts()).toContain('trial terminated early, results posted (registry, 2022-11-03)');
    expect(await card.locator('.study-links a', { hasText: 'NCT03970330' }).count()).toBeGreaterThan(0);
    // Every card: one status line per study that is a registered trial with a known status, none for the others.
    const report = Report.parse(JSON.parse((await save(panel, 'JSON')).text));
    const cards = panel.locator('li.card');
    for (let i = 0; i < report.claims.length; i++) {
      const expected = report.claims[i]!.studies.flatMap((id) => trialStatusText(report.studies[id]?.trial ?? null) ?? []);
      expect(await cards.nth(i).locator('.study-trial').allTextContents()).toEqual(expected);
    }
    await panel.screenshot({ path: artifact('trial-status-card.png'), fullPage: true });
  });

  it('says how each claim was matched, and records wrong matches for the report download', async () => {
    const { panel, url } = await checkWithPanel(session, 'trial-news.html');
    const report = Report.parse(JSON.parse((await save(panel, 'JSON')).text));
    const claim = report.claims.find((c) => c.sentence === TRIAL_SENTENCE)!;
    expect(claim.claimId).toBe('endometriosis-trial');
    await chooseView(panel, 'Journalist');
    const card = cardOf(panel, TRIAL_SENTENCE);
    const how = card.locator('details.provenance');
    expect(await how.locator('dl').isVisible()).toBe(false);
    await how.getByText('How this was matched').click();
    const text = await how.innerText();
    expect(text).toContain('endometriosis-trial');
    for (const w of claim.why.words) expect(text).toContain(w);
    expect(text).toContain(claim.why.score.toFixed(2));
    expect(text).toContain(report.database.version);
    expect(text).toContain(report.database.reviewed);
    // Opening the disclosure does not scroll the page (only the card itself does).
    expect(await panel.locator('.notice').count()).toBe(0);

    const wrong = card.getByRole('button', { name: 'This match is wrong' });
    await wrong.click();
    await expect.poll(() => card.locator('.card-note').innerText()).toMatch(/Recorded as a wrong match/);
    const other = cardOf(panel, 'Studies show that LDN reduces pain');
    await other.getByRole('button', { name: 'This match is wrong' }).click();
    await expect.poll(() => other.locator('.card-note').innerText()).toMatch(/Recorded as a wrong match/);

    const saved = await save(panel, 'Wrong-match report');
    expect(saved.name).toMatch(/^evidence-lens-wrong-matches-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(saved.text) as { format: string; total: number; entries: { sentence: string; claimId: string | null; pageUrl: string | null; date: string }[] };
    expect(doc.format).toBe('evidence-lens/wrong-matches@1');
    const mine = doc.entries.filter((e) => e.pageUrl === url);
    expect(mine.map((e) => e.sentence)).toEqual([TRIAL_SENTENCE, report.claims.find((c) => c.sentence.startsWith('Studies show'))!.sentence]);
    expect(mine[0]!.claimId).toBe('endometriosis-trial');
    expect(mine.every((e) => !Number.isNaN(Date.parse(e.date)))).toBe(true);
    expect(doc.total).toBe(doc.entries.length);
  });
});
