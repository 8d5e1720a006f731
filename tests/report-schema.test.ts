import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage } from '../src/core/pipeline';
import { reportJsonSchema } from '../src/core/report-schema';
import { documentInput } from '../src/node/dom';
import { realDb, ROOT, SHARED } from './helpers/db';
import { assertReportInvariants } from './helpers/report-invariants';

describe('the Report JSON Schema', () => {
  it('is committed in schema/report.schema.json exactly as the zod schema generates it', () => {
    // `npm run build:db` rewrites the file; a stale copy means the contract changed unreviewed.
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8'));
    expect(committed).toEqual(reportJsonSchema());
  });

  it('describes the versioned report, with sentence offsets', () => {
    const s = reportJsonSchema() as { properties: Record<string, { const?: string; items?: { required?: string[] } }> };
    expect(s.properties['schema']!.const).toBe('evidence-lens/report@1');
    expect(s.properties['claims']!.items!.required).toEqual(expect.arrayContaining(['sentence', 'start', 'end', 'label', 'asserted', 'hedged', 'flags']));
  });
});

describe('reports of real pages', () => {
  // The pipeline does not parse its own Report (the boundaries do); these pages have claims,
  // studies, citations and notices, so every part of the contract is built at least once.
  const pages = [
    ...readdirSync(join(SHARED, 'seeds')).filter((f) => f.endsWith('.html')).map((f) => join(SHARED, 'seeds', f)),
    ...readdirSync(join(ROOT, 'tests', 'fixtures', 'genre-pages')).filter((f) => f.endsWith('.html')).map((f) => join(ROOT, 'tests', 'fixtures', 'genre-pages', f)),
  ];
  it.each(pages)('are exactly the contract: %s', (file) => {
    const report = checkPage(documentInput(readFileSync(file, 'utf8')), realDb());
    expect(report.claims.length).toBeGreaterThan(0);
    assertReportInvariants(report);
  });
});
