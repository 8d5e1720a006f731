/**
 * `evidence-lens check --online` as a spawned process, against a local server on 127.0.0.1 that
 * answers in the formats of Crossref, PubMed's E-utilities and ClinicalTrials.gov
 * (EVIDENCE_LENS_LOOKUP_BASE points the CLI at it). Spawned asynchronously: the server runs in
 * this process and must keep answering while the CLI waits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../src/core/report-schema';
import { ROOT } from './helpers/db';
import { KNOWN, serveScholarly, type ScholarlyServer } from './helpers/fake-scholarly';

const BIN = join(ROOT, 'bin', 'evidence-lens.mjs');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

let server: ScholarlyServer;
let page: string;

beforeAll(async () => {
  server = await serveScholarly();
  page = join(mkdtempSync(join(tmpdir(), 'evidence-lens-online-')), 'page.html');
  writeFileSync(page, `<html><head><title>LDN notes</title></head><body><article><h1>LDN notes</h1>
<p>Low-dose naltrexone (LDN) eased chronic pain in a community pilot study (doi:${KNOWN.doi}).</p>
<p>A trial of LDN for endometriosis pain is registered as ${KNOWN.nct}, and another paper is at doi:10.5555/none.1.</p>
</article></body></html>`);
});

afterAll(() => server?.close());

describe('evidence-lens check --online', () => {
  it('looks up unknown identifiers in the three services\' formats', async () => {
    const r = await run(['check', page, '--online', '--format', 'json'], { EVIDENCE_LENS_LOOKUP_BASE: server.origin });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = Report.parse(JSON.parse(r.out));
    expect(report.citations.map((c) => [c.text, c.status])).toEqual([[KNOWN.doi, 'verified'], [KNOWN.nct, 'verified'], ['10.5555/none.1', 'unverified']]);
    expect(report.citations[0]!.reasons[1]).toMatch(/^Found in Crossref by its DOI 10\.5555\/ldn\.2020\.001: Quintero et al\. \(2020\)/);
    expect(report.citations[2]!.reasons.at(-1)).toBe('Not found in Crossref either.');
    expect(server.requests).toEqual([`/works/10.5555/ldn.2020.001`, `/api/v2/studies/${KNOWN.nct}`, '/works/10.5555/none.1']);
  });

  it('sends nothing without --online', async () => {
    const before = server.requests.length;
    const r = await run(['check', page, '--format', 'json'], { EVIDENCE_LENS_LOOKUP_BASE: server.origin });
    expect(r.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(JSON.parse(r.out).citations.every((c: { status: string }) => c.status === 'unverified')).toBe(true);
  });

  it('says when the services cannot be reached, and still exits 0', async () => {
    const r = await run(['check', page, '--online'], { EVIDENCE_LENS_LOOKUP_BASE: `http://127.0.0.1:${await closedPort()}` });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Could not reach Crossref: offline?');
    expect(r.out).toMatch(/! Could not reach Crossref or ClinicalTrials\.gov: offline\? 3 citations were not looked up/);
  });

  it('refuses a lookup base that is not an http origin (exit 2)', async () => {
    const r = await run(['check', page, '--online'], { EVIDENCE_LENS_LOOKUP_BASE: 'ftp://example.org' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evidence-lens: EVIDENCE_LENS_LOOKUP_BASE must be an http\(s\) origin/);
  });
});
