/**
 * `npm run bench`: how fast the pipeline is, how big the bundles are, and how cost grows with
 * page size and database size (issue 7). Medians over repeated runs, printed as tables with the
 * target next to each figure; `--json` prints the same figures for machines. Benchmarks are not
 * tests: nothing here fails `npm test`, and a missed target only prints "no".
 *
 *   npm run bench -- [--json] [--runs N] [--no-build] [--no-browser]
 *
 * `npm run bench` bundles this script with esbuild first and runs the bundle, so what is timed is
 * the code as the extension ships it: run through tsx, every function is wrapped in a
 * name-keeping helper that costs about a tenth of the pipeline's time.
 *
 * --runs N      timed runs per figure (default 15; the 100k-word page and the 10,000-claim
 *               database get a third of that, at least 3), after warm-up runs
 * --no-build    measure the bundles already in .output/ (default: `npm run build` first)
 * --no-browser  skip the Chromium measurement
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { prepareDb, type CompiledDb } from '../src/core/db';
import { buildProduction, bundleSizes, type BundleSizes } from './bench/bundles';
import { contentScriptLongTasks, type MainThreadResult } from './bench/browser';
import { dbGrowth, readabilityTime, STAGES, stageTimes, warmUp, type DbGrowthRow } from './bench/measure';
import { articlePage } from './bench/pages';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = resolve(ROOT, '../shared/seeds');

// Targets (issue 7).
/** Segment through report, as a multiple of Readability's own parse of the same page. */
const MAX_RATIO_TO_READABILITY = 0.25;
/** The 100k-word page against the 1k-word page (100x would be linear). */
const MAX_PAGE_GROWTH = 120;
/** 10,000 claims against 100 claims. */
const MAX_DB_GROWTH = 2;
const MAX_CONTENT_GZIP = 80 * 1024;
const MAX_PANEL_GZIP = 40 * 1024;
/** Longest main-thread task the content script causes on the 10k-word page. */
const MAX_TASK_MS = 50;

const PAGE_SIZES = [1_000, 10_000, 100_000];
const DB_SIZES = [100, 1_000, 10_000];
/** Chromium runs of the 10k-word check; the figure is the worst run's longest task. */
/** Rounds over all seed pages before any is measured. */
const WARMUP_ROUNDS = 20;
const BROWSER_RUNS = 3;

function parseArgs(argv: string[]) {
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, at least 1');
  return { json: argv.includes('--json'), runs, build: !argv.includes('--no-build'), browser: !argv.includes('--no-browser') };
}

const ms = (x: number) => x.toFixed(2);
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

function table(title: string, head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string) => { if (!args.json) console.log(s); };
  const progress = (s: string) => { if (!args.json) process.stderr.write(`… ${s}\n`); };
  const opts = { runs: args.runs, warmup: 3 };
  const few = { runs: Math.max(3, Math.round(args.runs / 3)), warmup: 1 };
  // The build compiles the claims database first, so every figure is of the current sources.
  let buildError: string | null = null;
  if (args.build) {
    progress('production build (npm run build: claims database, then the extension)');
    try { buildProduction(ROOT); } catch (err) { buildError = String(err).split('\n')[0]!; }
  }
  const bundledDb = JSON.parse(readFileSync(join(ROOT, 'claims-db/compiled/index.json'), 'utf8')) as CompiledDb;
  const db = prepareDb(bundledDb);

  progress('seed pages');
  const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.html')).sort();
  // Warm the whole pipeline and Readability on every page first, so no page pays for the
  // JIT compiling code the pages share, whichever is measured first.
  warmUp(seedFiles.map((f) => readFileSync(join(SEEDS, f), 'utf8')), db, WARMUP_ROUNDS);
  const seeds = seedFiles.map((f) => {
    const html = readFileSync(join(SEEDS, f), 'utf8');
    const t = stageTimes(html, db, opts);
    const readability = readabilityTime(html, opts);
    return { page: basename(f, '.html'), ...t, readability, ratio: t.afterExtract / readability };
  });
  const worstRatio = Math.max(...seeds.map((s) => s.ratio));

  progress('page sizes');
  const pages = PAGE_SIZES.map((w) => {
    const p = articlePage(w);
    const t = stageTimes(p.html, db, w >= 100_000 ? few : opts);
    return { targetWords: w, ...t, readability: readabilityTime(p.html, w >= 100_000 ? few : opts) };
  });
  const pageGrowth = pages[2]!.total / pages[0]!.total;
  const pageGrowthAfterExtract = pages[2]!.afterExtract / pages[0]!.afterExtract;

  progress('database sizes');
  const page10k = articlePage(10_000).html;
  const dbs: DbGrowthRow[] = dbGrowth(bundledDb, DB_SIZES, page10k, few);
  const dbGrowthRatio = dbs[2]!.checkMs / dbs[0]!.checkMs;

  let bundles: BundleSizes | null = null;
  try {
    if (buildError) throw new Error(buildError);
    bundles = bundleSizes(ROOT);
  } catch (err) {
    progress(`bundle sizes unavailable: ${String(err).split('\n')[0]}`);
  }

  let browser: MainThreadResult[] | null = null;
  if (args.browser) {
    try {
      progress('Chromium: e2e build and a 10k-word page');
      browser = await contentScriptLongTasks(page10k, BROWSER_RUNS);
    } catch (err) {
      progress(`Chromium measurement failed: ${String(err).split('\n')[0]}`);
    }
  }
  const longestTask = browser ? Math.max(...browser.map((r) => r.longestTaskMs)) : null;
  const longTasks = browser ? browser.flatMap((r) => r.longTasksMs).sort((a, b) => b - a) : null;

  const targets = {
    ratioToReadability: { value: worstRatio, target: MAX_RATIO_TO_READABILITY, met: worstRatio <= MAX_RATIO_TO_READABILITY },
    pageGrowth100kTo1k: { value: pageGrowth, target: MAX_PAGE_GROWTH, met: pageGrowth <= MAX_PAGE_GROWTH },
    dbGrowth10kTo100: { value: dbGrowthRatio, target: MAX_DB_GROWTH, met: dbGrowthRatio <= MAX_DB_GROWTH },
    contentScriptGzip: bundles && { value: bundles.content.gzip, target: MAX_CONTENT_GZIP, met: bundles.content.gzip <= MAX_CONTENT_GZIP },
    sidePanelGzip: bundles && { value: bundles.sidepanel.gzip, target: MAX_PANEL_GZIP, met: bundles.sidepanel.gzip <= MAX_PANEL_GZIP },
    longestContentScriptTaskMs: longestTask === null ? null : { value: longestTask, target: MAX_TASK_MS, met: longestTask <= MAX_TASK_MS },
  };

  if (args.json) {
    console.log(JSON.stringify({ runs: args.runs, seeds, pages, pageGrowthAfterExtract, databases: dbs, bundles, browser, targets }, null, 2));
    return;
  }

  log(`Evidence Lens benchmark — medians of ${args.runs} runs (${few.runs} for the 100k-word page and the database sizes), Node ${process.version}, linkedom DOM`);
  log(table(`Time per stage on the seed pages (ms). "ratio" = segment..report / Readability's own parse(); target ≤ ${MAX_RATIO_TO_READABILITY}x`,
    ['page', 'words', 'claims', ...STAGES, 'total', 'seg..report', 'Readability', 'ratio', 'met'],
    seeds.map((s) => [s.page, s.words, s.claims, ...STAGES.map((st) => ms(s[st])), ms(s.total), ms(s.afterExtract), ms(s.readability), `${s.ratio.toFixed(2)}x`, yes(s.ratio <= MAX_RATIO_TO_READABILITY)])));
  log(table(`Growth with page size (ms); target: 100k words ≤ ${MAX_PAGE_GROWTH}x the 1k page (total)`,
    ['page', 'words', 'claims', ...STAGES, 'total', 'seg..report', 'Readability', 'x 1k page'],
    pages.map((p) => [`~${p.targetWords / 1000}k words`, p.words, p.claims, ...STAGES.map((st) => ms(p[st])), ms(p.total), ms(p.afterExtract), ms(p.readability), `${(p.total / pages[0]!.total).toFixed(1)}x`])));
  log(`100k / 1k: total ${pageGrowth.toFixed(1)}x (target ≤ ${MAX_PAGE_GROWTH}x: ${yes(targets.pageGrowth100kTo1k.met)}); segment..report ${pageGrowthAfterExtract.toFixed(1)}x`);
  log(table(`Growth with database size, on the ~10k-word page (ms); target: 10,000 claims ≤ ${MAX_DB_GROWTH}x 100 claims (segment..report)`,
    ['claims', 'concepts', 'studies', 'prepare (once)', 'match', 'cite', 'seg..report', 'x 100 claims'],
    dbs.map((d) => [d.claims, d.concepts, d.studies, ms(d.prepareMs), ms(d.matchMs), ms(d.citeMs), ms(d.checkMs), `${(d.checkMs / dbs[0]!.checkMs).toFixed(2)}x`])));
  log(`10,000 / 100 claims: ${dbGrowthRatio.toFixed(2)}x (target ≤ ${MAX_DB_GROWTH}x: ${yes(targets.dbGrowth10kTo100.met)})`);
  if (bundles) {
    const b = bundles;
    log(table('Bundle sizes (production Chrome build; gzip -9)', ['bundle', 'raw', 'gzip', 'claims index inside', 'target (gzip)', 'met'], [
      ['content script', kb(b.content.raw), kb(b.content.gzip), b.content.hasIndex ? 'yes' : 'no', `≤ ${kb(MAX_CONTENT_GZIP)} incl. index`, yes(b.content.gzip <= MAX_CONTENT_GZIP)],
      ['side panel (html+js+css)', kb(b.sidepanel.raw), kb(b.sidepanel.gzip), b.sidepanel.hasIndex ? 'yes' : 'no', `≤ ${kb(MAX_PANEL_GZIP)}`, yes(b.sidepanel.gzip <= MAX_PANEL_GZIP)],
      ['background', kb(b.background.raw), kb(b.background.gzip), b.background.hasIndex ? 'yes' : 'no', '—', '—'],
      ['compiled claims index', kb(b.index.raw), kb(b.index.gzip), '—', '—', '—'],
    ]));
  } else {
    log('\nBundle sizes: not measured (see the message above).');
  }
  if (browser) {
    log(table(`Chromium, ~10k-word page, ${BROWSER_RUNS} checks: main-thread tasks in the page; target: none over ${MAX_TASK_MS} ms`,
      ['run', 'longest task (trace)', 'long tasks > 50 ms (observer)', 'check, click to report', 'extract (in page)', 'claims'],
      browser.map((r, i) => [i + 1, `${ms(r.longestTaskMs)} ms`, r.longTasksMs.length === 0 ? 'none' : r.longTasksMs.map(ms).join(', '), `${r.checkMs} ms`, `${ms(r.timingsMs['extract'] ?? NaN)} ms`, r.claims])));
    log(`Longest task: ${ms(longestTask!)} ms (target ≤ ${MAX_TASK_MS} ms: ${yes(targets.longestContentScriptTaskMs!.met)}); long tasks seen by the page: ${longTasks!.length === 0 ? 'none' : longTasks!.map(ms).join(', ')}`);
  } else {
    log('\nChromium: not measured.');
  }
  log(table('Targets', ['target', 'figure', 'limit', 'met'], [
    ['segment..report / Readability parse (worst seed)', `${worstRatio.toFixed(2)}x`, `≤ ${MAX_RATIO_TO_READABILITY}x`, yes(targets.ratioToReadability.met)],
    ['100k-word page / 1k-word page', `${pageGrowth.toFixed(1)}x`, `≤ ${MAX_PAGE_GROWTH}x`, yes(targets.pageGrowth100kTo1k.met)],
    ['10,000 claims / 100 claims', `${dbGrowthRatio.toFixed(2)}x`, `≤ ${MAX_DB_GROWTH}x`, yes(targets.dbGrowth10kTo100.met)],
    ['content script gzip (incl. claims index if bundled)', bundles ? kb(bundles.content.gzip) : 'n/a', `≤ ${kb(MAX_CONTENT_GZIP)}`, bundles ? yes(targets.contentScriptGzip!.met) : 'n/a'],
    ['side panel gzip', bundles ? kb(bundles.sidepanel.gzip) : 'n/a', `≤ ${kb(MAX_PANEL_GZIP)}`, bundles ? yes(targets.sidePanelGzip!.met) : 'n/a'],
    ['longest content-script task, 10k-word page', longestTask === null ? 'n/a' : `${ms(longestTask)} ms`, `≤ ${MAX_TASK_MS} ms`, longestTask === null ? 'n/a' : yes(targets.longestContentScriptTaskMs!.met)],
  ]));
}

await main();
