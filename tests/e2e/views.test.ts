/**
 * The views for each audience (issue 9), used as a person would: the patient view (the default:
 * each claim's verdict and why in plain words, no claim ids, scores, matched words, study designs
 * or identifiers), the clinician view (the studies with design, participants and linked
 * identifiers, the printable summary prominent) and the journalist view (exports at the top, then
 * the citations with statuses and reasons, then the claims), switched by mouse and keyboard, each
 * checked with axe-core, and the choice remembered when the panel is opened again.
 * Run: `npx vitest run tests/e2e/views.test.ts`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/core/report-schema';
import { artifact, axeViolations, browserAvailable, checkWithPanel, extensionSession } from './harness';

const RUN = browserAvailable();

type Chrome = { storage: { local: { get(k: string): Promise<Record<string, { view?: string } | undefined>> } } };

describe.skipIf(!RUN)('views for each audience', { timeout: 90_000 }, () => {
  const session = extensionSession();

  const radio = (panel: Page, name: string) =>
    panel.getByRole('radiogroup', { name: 'Show the report for' }).getByRole('radio', { name: new RegExp(`^${name}`) });

  async function reportOf(panel: Page): Promise<Report> {
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'JSON', exact: true }).click()]);
    return Report.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
  }

  /** Where `a` is in the panel relative to `b`: true when `a` comes first. */
  const before = (panel: Page, a: string, b: string) => panel.evaluate(([x, y]) => {
    const ex = document.querySelector(x!)!, ey = document.querySelector(y!)!;
    return Boolean(ex.compareDocumentPosition(ey) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, [a, b]);

  it('switches between the patient, clinician and journalist views and remembers the choice', async () => {
    const { panel } = await checkWithPanel(session, 'clinic-blog.html');
    const report = await reportOf(panel);
    expect(report.claims.length).toBeGreaterThan(0);
    const reviewed = report.claims.filter((c) => c.claimId !== null);
    expect(reviewed.length).toBeGreaterThan(0);
    const withStudies = report.claims.filter((c) => c.studies.length > 0);
    expect(withStudies.length).toBeGreaterThan(0);
    const cards = panel.locator('li.card');
    const reportText = () => panel.getByRole('region', { name: 'Report' }).innerText();

    // Patient, the default: verdict and one line of why in plain words, nothing technical.
    expect(await radio(panel, 'Patient').isChecked()).toBe(true);
    expect(await cards.count()).toBe(report.claims.length);
    for (const sel of ['details.provenance', 'details.studies', '.claim-id', '.score', '.words', '.study-design', '.study-links a', '.statement'])
      expect(await panel.locator(sel).count(), sel).toBe(0);
    for (let i = 0; i < report.claims.length; i++) {
      const c = report.claims[i]!;
      if (c.rationale) expect(await cards.nth(i).locator('.rationale').first().innerText()).toBe(`Why: ${c.rationale}`);
    }
    let text = await reportText();
    for (const c of reviewed) expect(text).not.toContain(c.claimId!);
    expect(await cards.locator('.badge').allInnerTexts()).not.toContainEqual(expect.stringMatching(/RCT/));
    // The summary line and the label filter speak the same plain words.
    expect(await panel.locator('.summary').innerText()).toMatch(/^\d+ claims? · /);
    expect(await panel.locator('.summary').innerText()).not.toMatch(/RCT/);
    expect(await panel.locator('.filter select').innerText()).not.toMatch(/RCT/);
    expect(text).not.toMatch(/\bn=\d|Match score|Matched words|doi\.org|PMID/);
    for (const flag of await cards.locator('.flag').allInnerTexts()) expect(flag).toMatch(/^The page |^Newer evidence/);
    expect(await axeViolations(panel), 'patient view').toEqual([]);
    await panel.screenshot({ path: artifact('view-patient.png'), fullPage: true });

    // Clinician, by keyboard: the arrow key moves the radio group's choice.
    await radio(panel, 'Patient').focus();
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => radio(panel, 'Clinician').isChecked()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Printable summary' }).getAttribute('class')).toContain('primary');
    const firstWithStudies = cards.nth(report.claims.indexOf(withStudies[0]!));
    const studies = firstWithStudies.locator('details.studies');
    expect(await studies.getAttribute('open')).not.toBeNull();
    const study = report.studies[withStudies[0]!.studies[0]!]!;
    expect(await studies.locator('.study-design').first().innerText()).toContain(study.design);
    if (study.participants) expect(await studies.innerText()).toContain(`n=${study.participants}`);
    const links = studies.locator('.study-links a');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(/^https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|clinicaltrials\.gov)\//);
    expect(await panel.locator('.claim-id').allTextContents()).toEqual(expect.arrayContaining(reviewed.map((c) => c.claimId!)));
    for (const d of await panel.locator('details.provenance').all()) await d.locator('summary').click();
    text = await reportText();
    expect(text).toContain('Match score');
    expect(await axeViolations(panel), 'clinician view').toEqual([]);
    await panel.screenshot({ path: artifact('view-clinician.png'), fullPage: true });

    // Journalist, by a click: the exports at the top, then the citations, then the claims.
    await radio(panel, 'Journalist').click();
    await expect.poll(() => radio(panel, 'Journalist').isChecked()).toBe(true);
    const citations = panel.locator('.journalist-citations');
    await citations.waitFor();
    expect(await citations.getByRole('heading', { name: /^Citations \(\d+/ }).count()).toBe(1);
    expect(await citations.locator('li.citation').count()).toBe(report.citations.length);
    expect(await before(panel, '.exports', '.journalist-citations')).toBe(true);
    expect(await before(panel, '.journalist-citations', 'ol.cards')).toBe(true);
    // The citations are no longer a tab of their own.
    expect(await panel.getByRole('tab', { name: /^Citations/ }).count()).toBe(0);
    expect(await panel.getByRole('tab', { name: /All claims/ }).count()).toBe(1);
    expect(await axeViolations(panel), 'journalist view').toEqual([]);
    await panel.screenshot({ path: artifact('view-journalist.png'), fullPage: true });

    // Kept in the settings, and so remembered when the panel is opened again.
    const stored = await session.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('settings'));
    expect(stored['settings']?.view).toBe('journalist');
    await panel.reload();
    await expect.poll(() => radio(panel, 'Journalist').isChecked()).toBe(true);
    await panel.locator('.journalist-citations').waitFor({ timeout: 20_000 });
    expect(await before(panel, '.exports', '.journalist-citations')).toBe(true);

    // And back to the patient view.
    await radio(panel, 'Patient').click();
    await expect.poll(() => panel.locator('details.provenance').count()).toBe(0);
    expect(await panel.locator('.journalist-citations').count()).toBe(0);
  });
});
