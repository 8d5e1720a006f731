/** What every Report must satisfy, whatever the page: shared by the property and fuzz tests. */
import { expect } from 'vitest';
import { MAX_SENTENCE_CHARS } from '../../src/core/limits';
import { Report } from '../../src/core/report-schema';

export function assertReportInvariants(report: Report): void {
  // Exactly the contract: valid, and no field the schema does not name (parsing strips those).
  expect(Report.parse(report)).toStrictEqual(report);
  let last = -1;
  for (const c of report.claims) {
    expect(c.sentence).toBe(report.articleText.slice(c.start, c.end));
    expect(c.start).toBeGreaterThanOrEqual(last);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(report.articleText.length);
    expect(c.end - c.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    last = c.start;
  }
  for (const c of report.citations) {
    if (c.start === null || c.end === null) continue;
    expect(c.start).toBeLessThanOrEqual(c.end);
    expect(c.end).toBeLessThanOrEqual(report.articleText.length);
  }
}
