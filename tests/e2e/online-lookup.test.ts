/**
 * The optional online citation look-up in the built extension (issue 5): with the setting off,
 * checking a page with an unknown DOI sends nothing anywhere; turned on in the panel, the DOI is
 * looked up and the citation becomes verified. The e2e build looks up at a local server on
 * 127.0.0.1 answering in Crossref's, PubMed's and ClinicalTrials.gov's formats, named in
 * `storage.local` (src/extension/lookup-access.ts); shipped builds cannot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_LOOKUP_BASE_KEY } from '../../src/extension/lookup-access';
import { KNOWN, serveScholarly, type ScholarlyServer } from '../helpers/fake-scholarly';
import { browserAvailable, buildExtension, launch, openPanel, servePages, tabIdOf, type Browser, type PageServer } from './harness';

const RUN = browserAvailable();

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LDN and chronic pain</title></head><body><article>
<h1>LDN and chronic pain</h1>
<p>Low-dose naltrexone (LDN) is an old drug used at a small fraction of its usual dose.</p>
<p>LDN eased chronic pain in a community pilot study (doi:${KNOWN.doi}).</p>
<p>Ask your doctor whether low-dose naltrexone is right for you.</p>
</article></body></html>`;

describe.skipIf(!RUN)('online citation look-up in Chromium', { timeout: 60_000 }, () => {
  let pages: PageServer;
  let scholarly: ScholarlyServer;
  let b: Browser;

  beforeAll(async () => {
    buildExtension();
    pages = await servePages(new Map([['unknown-doi.html', () => ({ type: 'text/html; charset=utf-8', body: PAGE })]]));
    scholarly = await serveScholarly();
    b = await launch();
    // Where the e2e build looks citations up: the fake services' server.
    await b.worker.evaluate(async (arg) => {
      type Storage = { storage: { local: { set(v: object): Promise<void> } } };
      await (globalThis as unknown as { chrome: Storage }).chrome.storage.local.set({ [arg.key]: arg.base });
    }, { key: E2E_LOOKUP_BASE_KEY, base: scholarly.origin });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
    await pages?.close();
    await scholarly?.close();
  });

  let run = 0;
  async function openChecked(): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(`${pages.origin}/unknown-doi.html?run=${++run}`);
    const panel = await openPanel(b, await tabIdOf(b, page));
    await panel.getByRole('button', { name: 'Check this page' }).click();
    await panel.locator('.summary').waitFor({ timeout: 20_000 });
    return panel;
  }

  it('sends nothing while the setting is off (the default)', async () => {
    const panel = await openChecked();
    expect(await panel.getByLabel('Online citation look-up').isChecked()).toBe(false);
    expect(await panel.locator('.summary').innerText()).toMatch(/1 citation \(1 unverified\)/);
    await panel.waitForTimeout(1_000);
    expect(scholarly.requests).toEqual([]);
    expect(b.requests.filter((u) => !/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:)/.test(u))).toEqual([]);
  });

  it('turned on, looks the unknown DOI up and marks it verified; turned off, stops', async () => {
    const panel = await openChecked();
    await panel.getByLabel('Online citation look-up').check();
    await panel.getByText('looked up online when a page is checked').waitFor();
    await panel.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => panel.locator('.summary').innerText(), { timeout: 15_000 }).toMatch(/1 citation \(1 verified\)/);
    await panel.getByText(/^Looked up 1 citation the bibliography does not hold/).waitFor();
    expect(scholarly.requests).toEqual([`/works/${KNOWN.doi}`]);

    await panel.getByLabel('Online citation look-up').uncheck();
    await panel.getByText('nothing leaves your device.').first().waitFor();
    const asked = scholarly.requests.length;
    await panel.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => panel.locator('.summary').innerText()).toMatch(/1 citation \(1 unverified\)/);
    await panel.waitForTimeout(1_000);
    expect(scholarly.requests.length).toBe(asked);
  });
});
