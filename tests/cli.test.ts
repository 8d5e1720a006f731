import Ajv2020 from 'ajv/dist/2020.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHARED } from './helpers/db';

// The CLI as a user runs it: a spawned process, real files, real exit codes.
const BIN = join(ROOT, 'bin', 'evidence-lens.mjs');
function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evidence-lens-cli-'));
});

describe('evidence-lens check', () => {
  it('checks the bundled sample page when given no target', () => {
    const r = run(['check']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Evidence Lens: /);
    expect(r.out).toMatch(/\d+ claims? · /);
    expect(r.out).toContain('not medical advice');
  });

  it('prints a JSON report of a seed page that validates against the printed JSON Schema', () => {
    const schema = JSON.parse(run(['schema']).out);
    const r = run(['check', join(SHARED, 'seeds', '001_169195af2450f3f9.html'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.claims.length).toBeGreaterThan(5);
    for (const c of report.claims) {
      expect(report.articleText.slice(c.start, c.end)).toBe(c.sentence);
      expect(c.label).toBeTruthy();
      expect(c.why.words.length).toBeGreaterThan(0);
    }
  });

  it('reads plain text from standard input', () => {
    const r = run(['check', '-', '--format', 'json'], 'Notes on LDN\nLow-dose naltrexone (LDN) is said to ease fibromyalgia pain. LDN is taken at night.\n');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.source.extractor).toBe('plain-text');
    expect(report.claims[0]).toMatchObject({ stance: 'distances', asserted: false });
  });

  it('prints Markdown with the page text escaped', () => {
    const r = run(['check', '-', '--format', 'md'], '<html><body><article><h1>LDN notes</h1><p>LDN [eases](javascript:alert(1)) fibromyalgia pain for <b>many</b> people, says the clinic.</p><p>LDN is low-dose naltrexone.</p></article></body></html>');
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Evidence Lens report');
    expect(r.out).toContain('\\[eases\\]\\(javascript:alert\\(1\\)\\)');
  });

  it('says which part of a very long page was checked', () => {
    const long = Array.from({ length: 150_000 }, (_, i) => (i % 12 === 11 ? 'LDN eases fibromyalgia pain.' : 'word')).join(' ');
    const r = run(['check', '-'], long);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/only its first [\d,]+ words were checked, up to “…[^”]+”/);
  });

  it('exits quietly when its reader stops early (a pipe into head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check | head -1`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^Evidence Lens: /);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('prints ClaimReview, Web Annotation and CSV exports that parse', () => {
    const page = join(SHARED, 'seeds', '003_607aa02e12a6bc27.html');
    const claims = JSON.parse(run(['check', page, '--format', 'json']).out).claims.length;
    const claimReview = JSON.parse(run(['check', page, '--format', 'claimreview']).out);
    expect(claimReview['@context']).toBe('https://schema.org');
    expect(claimReview['@graph'].length).toBeGreaterThan(0);
    const annotations = JSON.parse(run(['check', page, '--format', 'annotations']).out);
    expect(annotations.total).toBe(claims);
    const csv = run(['check', page, '--format', 'csv']).out;
    expect(csv.split('\r\n')[0]).toMatch(/^sentence,label,/);
  });

  it('prints only the summary with --quiet', () => {
    const r = run(['check', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('accepts another claims database with --db, and rejects a broken one with exit 2', () => {
    expect(run(['check', '--db', join(ROOT, 'claims-db'), '--quiet']).code).toBe(0);
    const r = run(['check', '--db', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evidence-lens: /);
  });

  it('is runnable through npx', () => {
    const r = spawnSync('npx', ['--no-install', 'evidence-lens', 'check', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/claims? · /);
  });
});

describe('bad input gets one clear line and exit code 2, never a stack trace', () => {
  const expectUsable = (r: { code: number | null; err: string }, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
  };

  it('a missing file', () => expectUsable(run(['check', join(dir, 'nope.html')]), /no such file/));
  it('a directory', () => expectUsable(run(['check', dir]), /is a directory/));
  it('an empty file', () => {
    writeFileSync(join(dir, 'empty.html'), '');
    expectUsable(run(['check', join(dir, 'empty.html')]), /is empty/);
  });
  it('a binary file', () => {
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expectUsable(run(['check', join(dir, 'image.png')]), /binary file/);
  });
  it('a PDF', () => {
    writeFileSync(join(dir, 'paper.pdf'), '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    expectUsable(run(['check', join(dir, 'paper.pdf')]), /is a PDF/);
  });
  it('a page with no text', () => {
    writeFileSync(join(dir, 'blank.html'), '<html><head><script>1</script></head><body><img src="a.png"></body></html>');
    expectUsable(run(['check', join(dir, 'blank.html')]), /no readable text/);
  });
  it('an unreachable URL', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    expectUsable(run(['check', `http://127.0.0.1:${port}/page.html`]), /could not reach/);
  });
  it('an unknown option or format', () => {
    expectUsable(run(['check', '--format', 'pdf']), /--format must be one of text, json, md, claimreview, annotations, csv/);
    expectUsable(run(['check', '--colour']), /unknown option/);
  });
});
