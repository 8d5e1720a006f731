/**
 * The pipeline's timings in Node: per stage on real pages, against Readability's own parse,
 * with page size and with database size. Every figure is the median of repeated runs after a
 * few warm-up runs (the first runs pay for JIT compilation, not for the work).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { prepareDb, type CompiledDb, type PreparedDb } from '../../src/core/db';
import { checkPage } from '../../src/core/pipeline';
import type { Report } from '../../src/core/report-schema';
import { documentInput } from '../../src/node/dom';
import { syntheticDb } from './synthetic-db';

export const STAGES = ['extract', 'segment', 'match', 'grade', 'cite', 'report'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage | 'total' | 'afterExtract', number>;

export interface RunOptions {
  runs: number;
  warmup: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function collect<T>(opts: RunOptions, run: () => T): T[] {
  for (let i = 0; i < opts.warmup; i++) run();
  const out: T[] = [];
  for (let i = 0; i < opts.runs; i++) out.push(run());
  return out;
}

/** Runs the pipeline and Readability `rounds` times over all `pages`, measuring nothing. */
export function warmUp(pages: string[], db: PreparedDb, rounds: number): void {
  for (let r = 0; r < rounds; r++) {
    for (const html of pages) {
      checkPage(documentInput(html), db);
      new Readability(parseHTML(html).document as unknown as Document).parse();
    }
  }
}

/** Per-stage medians of `checkPage` on an HTML page (extraction includes parsing the HTML). */
export function stageTimes(html: string, db: PreparedDb, opts: RunOptions): StageTimes & { claims: number; words: number } {
  let last: Report | null = null;
  const timings = collect(opts, () => {
    last = checkPage(documentInput(html), db, { url: 'https://bench.example/' });
    return last.timingsMs;
  });
  const out = {} as StageTimes;
  for (const s of STAGES) out[s] = median(timings.map((t) => t[s]));
  out.total = median(timings.map((t) => t.total));
  out.afterExtract = median(timings.map((t) => t.total - t.extract));
  const report = last as unknown as Report;
  return { ...out, claims: report.claims.length, words: report.source.words };
}

/**
 * Readability's own `parse()` with its defaults, as reader view runs it, on a document already
 * parsed (parsing the HTML is not Readability's work, and in a browser the DOM exists already).
 */
export function readabilityTime(html: string, opts: RunOptions): number {
  const times = collect(opts, () => {
    const doc = parseHTML(html).document as unknown as Document;
    const t0 = performance.now();
    new Readability(doc).parse();
    return performance.now() - t0;
  });
  return median(times);
}

export interface DbGrowthRow {
  claims: number;
  concepts: number;
  studies: number;
  /** One-time cost per session: building the lookup structures. */
  prepareMs: number;
  /** Segment through report on the page, with this database. */
  checkMs: number;
  matchMs: number;
  citeMs: number;
}

export function dbGrowth(real: CompiledDb, sizes: number[], html: string, opts: RunOptions): DbGrowthRow[] {
  return sizes.map((n) => {
    const compiled = syntheticDb(real, n);
    const prepareMs = median(collect({ runs: Math.max(3, opts.runs >> 2), warmup: 1 }, () => {
      const t0 = performance.now();
      prepareDb(compiled);
      return performance.now() - t0;
    }));
    const t = stageTimes(html, prepareDb(compiled), opts);
    return {
      claims: compiled.claims.length, concepts: Object.keys(compiled.concepts).length, studies: Object.keys(compiled.studies).length,
      prepareMs, checkMs: t.afterExtract, matchMs: t.match, citeMs: t.cite,
    };
  });
}
