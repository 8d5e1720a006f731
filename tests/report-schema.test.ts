import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../src/core/report-schema';
import { ROOT } from './helpers/db';

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
