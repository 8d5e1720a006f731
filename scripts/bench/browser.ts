/**
 * The content script's main-thread cost in Chromium: the built extension (its e2e variant, see
 * tests/e2e/harness.ts) checks a served 10k-word page, as a person would by pressing "Check this
 * page" in the panel, while the page records its long tasks (PerformanceObserver, 'longtask':
 * every task over 50 ms) and a CDP trace records every task of the page's renderer main thread,
 * so the longest one is known even when it is under 50 ms. The page has no script of its own,
 * so every task during the check is the content script's (extracting, anchoring, highlighting).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildExtension, launch, openPanel, tabIdOf } from '../../tests/e2e/harness';

export interface MainThreadResult {
  /** Longest task on the page's main thread during the check, from the trace (ms). */
  longestTaskMs: number;
  /** Tasks over 50 ms the page itself observed, longest first (ms). */
  longTasksMs: number[];
  /** From pressing the button to the panel showing the report (ms). */
  checkMs: number;
  claims: number;
  /** The report's own stage timings (extract ran in the page, the rest in the background). */
  timingsMs: Record<string, number>;
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; ts: number; args?: Record<string, unknown> }

export async function contentScriptLongTasks(html: string, runs: number): Promise<MainThreadResult[]> {
  buildExtension();
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b = await launch();
  const results: MainThreadResult[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await b.context.newPage();
      const url = `${origin}/article-10k.html?run=${run}`;
      await page.goto(url);
      await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
      });
      const tabId = await tabIdOf(b, page);
      const panel = await openPanel(b, tabId);
      await panel.getByRole('button', { name: 'Check this page' }).waitFor();
      const cdp = await b.context.newCDPSession(page);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
      const t0 = Date.now();
      await panel.getByRole('button', { name: 'Check this page' }).click();
      await panel.locator('.summary').waitFor({ timeout: 60_000 });
      const checkMs = Date.now() - t0;
      // Highlights are drawn after the reply; let the page settle before stopping the trace.
      await page.waitForTimeout(500);
      await cdp.send('Tracing.end');
      await done;
      const longTasksMs = (await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)).sort((x, y) => y - x);
      const tabReport = await b.worker.evaluate(async (id) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        const got = await chrome.storage.session.get(`report:${id}`);
        return got[`report:${id}`] as { report: { claims: unknown[]; timingsMs: Record<string, number> } } | undefined;
      }, tabId);
      results.push({
        longestTaskMs: longestPageTask(events, url), longTasksMs, checkMs,
        claims: tabReport?.report.claims.length ?? -1, timingsMs: tabReport?.report.timingsMs ?? {},
      });
      await cdp.detach();
      await panel.close();
      await page.close();
    }
  } finally {
    await b.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
  return results;
}

/** The longest `RunTask` on the main thread of the renderer showing `url`. */
function longestPageTask(events: TraceEvent[], url: string): number {
  let pid: number | null = null;
  for (const e of events) {
    const frames = (e.args?.['data'] as { frames?: { url?: string; processId?: number }[] } | undefined)?.frames;
    const hit = frames?.find((f) => f.url === url && typeof f.processId === 'number');
    if (hit) pid = hit.processId!;
    const frame = e.args?.['data'] as { url?: string; processId?: number } | undefined;
    if (pid === null && e.name === 'FrameCommittedInBrowser' && frame?.url === url && typeof frame.processId === 'number') pid = frame.processId;
  }
  const mainTid = events.find((e) => e.name === 'thread_name' && e.pid === pid && (e.args?.['name'] as string) === 'CrRendererMain')?.tid;
  let longest = 0;
  for (const e of events) {
    if (e.pid !== pid || (mainTid !== undefined && e.tid !== mainTid)) continue;
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ph === 'X' && e.dur !== undefined) longest = Math.max(longest, e.dur / 1000);
  }
  if (pid === null) throw new Error('the trace does not show the page\'s renderer process');
  return longest;
}
