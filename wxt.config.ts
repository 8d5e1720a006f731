import { defineConfig } from 'wxt';
import { LOOKUP_ORIGINS } from './src/extension/lookup-origins';

/**
 * `wxt build --mode e2e` (used only by tests/e2e) adds a host permission for the local test
 * server: a test cannot click the toolbar button, which is what grants activeTab to a person.
 * The e2e build goes to its own folder, so it can never be zipped or shipped by mistake.
 */
const E2E_MODE = 'e2e';
const E2E_HOSTS = ['http://127.0.0.1/*'];

/**
 * Optional, requested only when auto-run is turned on (src/extension/auto-run.ts, AUTO_RUN_ORIGINS),
 * or one site at a time by "Always check this site" (src/extension/sites.ts, `sitePattern`), which
 * `<all_urls>` covers in both browsers, so per-site control declares nothing more.
 */
const AUTO_RUN_HOSTS = ['<all_urls>'];

/**
 * Optional, requested only when online citation look-up is turned on (entrypoints/sidepanel/lookup-setting.tsx).
 * The e2e build instead looks up at the test's local server, under E2E_HOSTS
 * (`__EVIDENCE_LENS_E2E__`, src/extension/lookup-access.ts).
 */
const LOOKUP_HOSTS = LOOKUP_ORIGINS;

/**
 * Firefox 140 (desktop; the current ESR) and 142 (Android) are the first to read
 * `data_collection_permissions`, which AMO requires; `web-ext lint` warns on a lower minimum.
 */
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';

/** No remote code, no inline script, no plugins; pages may only load the extension's own files. */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The one exception to `default-src 'self'`: the background may fetch from the online citation
 * look-up's three services (and only once the user has turned it on and granted their hosts).
 * The e2e build may fetch from the test's fake services on 127.0.0.1 instead.
 */
function csp(e2e: boolean): string {
  const hosts = e2e ? ['http://127.0.0.1:*'] : LOOKUP_ORIGINS.map((o) => o.replace(/\/\*$/, ''));
  return `${CSP}; connect-src 'self' ${hosts.join(' ')}`;
}

/**
 * No HTML sinks in the shipped bundles (issue 8; `web-ext lint` flags each as UNSAFE_VAR_ASSIGNMENT).
 * Two libraries we bundle assign computed strings to `innerHTML`; neither path is one we use
 * with page text, and each is rewritten at build time to a DOM-only equivalent:
 * - Preact's `dangerouslySetInnerHTML` (never used in the panel) throws instead.
 * - Readability, which runs on an inert clone of the page, caches and restores the page between
 *   its attempts as a DOM clone instead of an HTML string, and copies `<noscript>` images by
 *   cloning nodes instead of re-parsing their HTML.
 * Each rewrite must match exactly once, so a library upgrade that moves the code fails the build
 * rather than silently shipping the sink again.
 */
const HTML_SINK_REWRITES: { file: RegExp; find: RegExp; replace: string }[] = [
  {
    file: /node_modules\/preact\/dist\/preact\.(module\.js|mjs)$/,
    find: /\b(\w+)\.innerHTML=(\w+)\.__html\b/g,
    replace: '(()=>{throw new Error("Evidence Lens: dangerouslySetInnerHTML is disabled")})()',
  },
  {
    file: /node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /var pageCacheHtml = page\.innerHTML;/g,
    replace: 'var pageCache = page.cloneNode(true);',
  },
  {
    file: /node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /page\.innerHTML = pageCacheHtml;/g,
    replace: 'while (page.firstChild) page.removeChild(page.firstChild); for (var restored = pageCache.cloneNode(true); restored.firstChild;) page.appendChild(restored.firstChild);',
  },
  {
    file: /node_modules\/@mozilla\/readability\/Readability\.js$/,
    find: /tmp\.innerHTML = noscript\.innerHTML;/g,
    replace: 'for (var copied = noscript.cloneNode(true); copied.firstChild;) tmp.appendChild(copied.firstChild);',
  },
];

function noHtmlSinks() {
  return {
    name: 'evidence-lens:no-html-sinks',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      // Virtual modules (`\0…?commonjs-module`) are rollup's wrappers, not the library's code.
      if (id.startsWith('\0')) return null;
      const rules = HTML_SINK_REWRITES.filter((r) => r.file.test(id.split('?')[0]!));
      if (rules.length === 0) return null;
      let out = code;
      for (const r of rules) {
        const hits = out.match(r.find)?.length ?? 0;
        if (hits !== 1) throw new Error(`no-html-sinks: expected one match of ${r.find} in ${id}, found ${hits}`);
        out = out.replace(r.find, r.replace);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Keyboard shortcuts (rebindable in the browser's shortcuts page: chrome://extensions/shortcuts,
 * about:addons > Manage Extension Shortcuts): open the panel, and move to the next or previous
 * claim in the page (entrypoints/background.ts, `onCommand`).
 */
function commands(firefox: boolean) {
  return {
    [firefox ? '_execute_sidebar_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Evidence Lens' },
    'next-claim': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next claim on the page' },
    'previous-claim': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous claim on the page' },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: (env) => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    define: { __EVIDENCE_LENS_E2E__: JSON.stringify(env.mode === E2E_MODE) },
    plugins: [noHtmlSinks()],
  }),
  manifest: ({ browser, manifestVersion, mode }) => {
    const firefox = browser === 'firefox';
    const permissions = ['activeTab', 'scripting', 'storage', ...(firefox ? [] : ['sidePanel'])];
    const e2e = mode === E2E_MODE;
    return {
      name: 'Evidence Lens',
      description: 'Marks health claims about low-dose naltrexone (LDN) with the strength of the evidence behind them. Not medical advice.',
      permissions: manifestVersion === 2 && e2e ? [...permissions, ...E2E_HOSTS] : permissions,
      ...(manifestVersion === 3 && e2e ? { host_permissions: E2E_HOSTS } : {}),
      // Auto-run (off by default) asks for all sites when it is turned on, and "Always check this site" for that site, never at install.
      ...(manifestVersion === 3 ? { optional_host_permissions: [...AUTO_RUN_HOSTS, ...LOOKUP_HOSTS] } : { optional_permissions: [...AUTO_RUN_HOSTS, ...LOOKUP_HOSTS] }),
      action: { default_title: 'Evidence Lens: check this page' },
      commands: commands(firefox),
      content_security_policy: manifestVersion === 3 ? { extension_pages: csp(e2e) } : csp(e2e),
      ...(firefox ? { browser_specific_settings: { gecko: { id: 'evidence-lens@example.org', strict_min_version: FIREFOX_MIN, data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN } } } : {}),
    };
  },
});
