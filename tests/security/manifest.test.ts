/**
 * The shipped extension, built as users get it: its permissions are pinned (a new permission is a
 * reviewed change to this file), `web-ext lint` finds nothing in the Firefox build, and no HTML
 * sink takes a computed string anywhere in our code or in the bundles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, withBuildLock } from '../e2e/harness';

const CHROME = join(ROOT, '.output/chrome-mv3');
const FIREFOX = join(ROOT, '.output/firefox-mv2');

/** The reviewed lists. Changing one of these is the point of the review. */
/** Asked for only when the user turns on auto-run (all sites; also covers one site asked for by "Always check this site") or online citation look-up (the three services). */
const OPTIONAL_HOSTS = ['<all_urls>', 'https://api.crossref.org/*', 'https://eutils.ncbi.nlm.nih.gov/*', 'https://clinicaltrials.gov/*'];
const PINNED = {
  chrome: { permissions: ['activeTab', 'scripting', 'storage', 'sidePanel'], host_permissions: undefined, optional_permissions: undefined, optional_host_permissions: OPTIONAL_HOSTS },
  firefox: { permissions: ['activeTab', 'scripting', 'storage'], host_permissions: undefined, optional_permissions: OPTIONAL_HOSTS, optional_host_permissions: undefined },
};
/** Keyboard shortcuts: open the panel, next / previous claim (rebindable by the user). */
const COMMANDS = (open: string) => ({
  [open]: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Evidence Lens' },
  'next-claim': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next claim on the page' },
  'previous-claim': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous claim on the page' },
});
// connect-src: only the online citation look-up's services (fetched only once the user turns it on and grants them).
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'self' https://api.crossref.org https://eutils.ncbi.nlm.nih.gov https://clinicaltrials.gov";

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => ext.test(f) && statSync(f).isFile());
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('the built extension', { timeout: 180_000 }, () => {
  beforeAll(() => {
    withBuildLock(() => {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
      execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
    });
  }, 300_000);

  it.each([['chrome', CHROME], ['firefox', FIREFOX]] as const)('%s: asks for the pinned permissions only, with a strict CSP and no content scripts', (browser, dir) => {
    const m = manifest(dir);
    expect({ permissions: m['permissions'], host_permissions: m['host_permissions'], optional_permissions: m['optional_permissions'], optional_host_permissions: m['optional_host_permissions'] }).toEqual(PINNED[browser]);
    expect(m['externally_connectable']).toBeUndefined();
    expect(m['web_accessible_resources']).toBeUndefined();
    expect(m['content_scripts']).toEqual([]);
    expect(m['commands']).toEqual(COMMANDS(browser === 'chrome' ? '_execute_action' : '_execute_sidebar_action'));
    const csp = m['content_security_policy'];
    expect(typeof csp === 'string' ? csp : (csp as { extension_pages: string }).extension_pages).toBe(CSP);
  });

  it('passes `web-ext lint` on the Firefox build with no errors, warnings or notices', () => {
    const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX, '--output', 'json', '--no-input'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const json = r.stdout.slice(r.stdout.indexOf('{'));
    const result = JSON.parse(json) as { errors: { code: string; message: string; file?: string }[]; warnings: typeof result.errors; notices: typeof result.errors };
    const problems = [...result.errors, ...result.warnings, ...result.notices].map((p) => `${p.code} ${p.file ?? ''}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it('ships no HTML sink that takes a computed string', () => {
    for (const file of [...files(CHROME, /\.js$/), ...files(FIREFOX, /\.js$/)]) {
      const code = readFileSync(file, 'utf8');
      const sinks = code.match(/\.(innerHTML|outerHTML)\s*=(?!=)\s*(?!"")[^;,)]{0,40}|insertAdjacentHTML|document\.write|createContextualFragment|setHTMLUnsafe|\beval\(|new Function\(/g) ?? [];
      expect(sinks, relative(ROOT, file)).toEqual([]);
    }
  });
});

describe('our source', () => {
  it('never renders page text as HTML', () => {
    const ours = [...files(join(ROOT, 'entrypoints'), /\.(ts|tsx)$/), ...files(join(ROOT, 'src'), /\.(ts|tsx)$/)];
    expect(ours.length).toBeGreaterThan(20);
    for (const file of ours) {
      const code = readFileSync(file, 'utf8');
      expect(code.match(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|setHTMLUnsafe|\beval\(|new Function\(/g), relative(ROOT, file)).toBeNull();
    }
  });

  it('never listens to messages or events from the page', () => {
    for (const file of [...files(join(ROOT, 'entrypoints'), /\.(ts|tsx)$/), ...files(join(ROOT, 'src/extension'), /\.ts$/)]) {
      const code = readFileSync(file, 'utf8');
      expect(code.match(/addEventListener\(\s*['"]message['"]|onmessage\s*=|onMessageExternal|onConnectExternal|addEventListener\(\s*['"]evidence-lens/g), relative(ROOT, file)).toBeNull();
    }
  });
});
