/**
 * End-to-end harness: builds the extension's e2e variant (`wxt build --mode e2e`, which adds a
 * host permission for 127.0.0.1 because a test cannot click the toolbar button that grants
 * activeTab), serves tests/e2e/pages/ on 127.0.0.1, and launches Debian's Chromium with the
 * extension loaded, in the new headless mode (the old one cannot load extensions).
 */
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** The project root: the nearest directory above this file with a package.json (`npm run bench` runs this file bundled into dist/). */
export const ROOT = projectRoot(import.meta.dirname);
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-e2e');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');
const PAGES = join(ROOT, 'tests/e2e/pages');

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * Whether the browser tests can run. Without Chromium they are skipped, loudly, except on CI
 * (`CI=true`), where a missing browser must fail the run rather than pass it silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `\n!!!!! ${CHROMIUM} is missing: the extension's end-to-end tests are SKIPPED. Install Debian's chromium package to run them. !!!!!\n`;
  if (process.env['CI'] === 'true') throw new Error(msg);
  console.warn(msg);
  return false;
}

/**
 * Builds the e2e variant once per test run: several test files call this, possibly at the same
 * time in parallel workers, and two wxt builds must not write the same folders at once.
 */
export function buildExtension(): void {
  withBuildLock(() => {
    const stamp = join(EXTENSION_DIR, '.built-by');
    const run = String(process.env['VITEST_RUN_ID'] ?? process.ppid);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === run) return;
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`the e2e build did not write ${EXTENSION_DIR}`);
    writeFileSync(stamp, run);
  });
}

/** Runs `fn` while holding a lock shared by every process building into `.output/` (a directory, made atomically). */
export function withBuildLock<T>(fn: () => T): T {
  const lock = join(ROOT, '.output', '.build-lock');
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 240_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`could not take ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export type GeneratedPage = () => { type: string; body: string | Buffer };

/**
 * Serves the synthetic pages in tests/e2e/pages, and any pages generated in memory (each made
 * once, on first request); anything else is a 404. Only ever binds to 127.0.0.1.
 */
export async function servePages(generated = new Map<string, GeneratedPage>()): Promise<PageServer> {
  const made = new Map<string, ReturnType<GeneratedPage>>();
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.replace(/^\//, '');
    const make = generated.get(name);
    if (make) {
      const page = made.get(name) ?? make();
      made.set(name, page);
      res.writeHead(200, { 'content-type': page.type }).end(page.body);
      return;
    }
    const file = join(PAGES, name);
    if (!/^[a-z0-9-]+\.html$/.test(name) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every URL any page of the context requested. */
  requests: string[];
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'evidence-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1100, height: 800 },
    acceptDownloads: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // Right after launch the worker can run before its extension APIs are bound; tests need them.
  for (let i = 0; i < 50 && (await worker.evaluate(() => typeof (globalThis as { chrome?: { storage?: object } }).chrome?.storage)) !== 'object'; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    context, worker, extensionId, requests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab showing `page` (read in the service worker, by URL). */
export async function tabIdOf(b: Browser, page: Page): Promise<number> {
  const url = page.url();
  const id = await b.worker.evaluate(async (u) => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab found for ${url}`);
  return id;
}

export async function openPanel(b: Browser, tabId: number): Promise<Page> {
  const panel = await b.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** What `CSS.highlights` holds in a page: highlight name -> the text of each range. */
export function readHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    // The HighlightRegistry is a maplike of name -> Highlight (a setlike of ranges).
    (CSS.highlights as unknown as Map<string, Set<Range>>).forEach((hl, name) => {
      out[name] = [...hl].map((r) => r.toString().replace(/\s+/g, ' ').trim());
    });
    return out;
  });
}

/**
 * The usual set-up of an end-to-end test file: the extension built once, the test pages served,
 * Chromium launched with the extension before the tests, and all of it closed after them. The
 * returned object's `server` and `browser` are set once `beforeAll` has run.
 */
export function extensionSession(): { server: PageServer; browser: Browser } {
  const session = {} as { server: PageServer; browser: Browser };
  beforeAll(async () => {
    buildExtension();
    session.server = await servePages();
    session.browser = await launch();
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

let pageRun = 0;

/**
 * Opens a test page in a new tab, as a person typing its address. A query string unique to the
 * call lets the tab be found by its URL even when the same page is open twice; a fresh tab's URL
 * can take a moment to show in tabs.query, so the look-up is retried.
 */
export async function openPage(session: { server: PageServer; browser: Browser }, name: string): Promise<{ page: Page; tabId: number; url: string }> {
  const page = await session.browser.context.newPage();
  const url = `${session.server.origin}/${name}?run=${++pageRun}`;
  await page.goto(url, { timeout: 60_000 });
  let tabId = -1;
  await expect.poll(async () => (tabId = await tabIdOf(session.browser, page).catch(() => -1))).toBeGreaterThanOrEqual(0);
  return { page, tabId, url };
}

/** `openPage`, and the side panel for that tab. */
export async function openWithPanel(
  session: { server: PageServer; browser: Browser },
  name: string,
): Promise<{ page: Page; panel: Page; tabId: number; url: string }> {
  const opened = await openPage(session, name);
  return { ...opened, panel: await openPanel(session.browser, opened.tabId) };
}

/**
 * Turns auto-run on or off with its checkbox, as a person would, in `panel` reloaded first so it
 * shows the setting as stored (which must be the other state), and waits for the panel to confirm.
 */
export async function switchAutoRun(panel: Page, on: boolean): Promise<void> {
  const toggle = panel.getByLabel('Check pages about LDN automatically');
  await panel.bringToFront();
  await panel.reload();
  await expect.poll(() => toggle.isEnabled()).toBe(true);
  expect(await toggle.isChecked()).toBe(!on);
  await toggle.setChecked(on);
  await panel.getByText(on ? 'Pages about LDN are now checked as they load.' : 'Auto-run is off').waitFor();
}

/** `openWithPanel`, then "Check this page", waiting for the report's summary. */
export async function checkWithPanel(session: { server: PageServer; browser: Browser }, name: string): Promise<{ page: Page; panel: Page; tabId: number; url: string }> {
  const opened = await openWithPanel(session, name);
  await opened.panel.getByRole('button', { name: 'Check this page' }).click();
  await opened.panel.locator('.summary').waitFor({ timeout: 20_000 });
  return opened;
}

const AXE_SOURCE = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
type AxeResult = { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] };

/** axe-core's WCAG 2.2 AA and best-practice violations in the panel as it is now, one line each. */
export async function axeViolations(panel: Page): Promise<string[]> {
  // Evaluated by the debugger protocol: the panel's CSP (rightly) refuses an inline <script>.
  if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE_SOURCE);
  const result = await panel.evaluate(() => (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  })) as AxeResult;
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(' | ')}`);
}


/** Chooses who the report is shown for ("Patient", "Clinician", "Journalist"), as a person would: clicking its radio button. */
export async function chooseView(panel: Page, name: 'Patient' | 'Clinician' | 'Journalist'): Promise<void> {
  const radio = panel.getByRole('radiogroup', { name: 'Show the report for' }).getByRole('radio', { name: new RegExp(`^${name}`) });
  await radio.check();
  await expect.poll(() => radio.isChecked()).toBe(true);
}
