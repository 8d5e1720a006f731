import { defineConfig } from 'wxt';

/**
 * `wxt build --mode e2e` (used only by tests/e2e) adds a host permission for the local test
 * server: a test cannot click the toolbar button, which is what grants activeTab to a person.
 * The e2e build goes to its own folder, so it can never be zipped or shipped by mistake.
 */
const E2E_MODE = 'e2e';
const E2E_HOSTS = ['http://127.0.0.1/*'];

/**
 * Firefox 140 (desktop; the current ESR) and 142 (Android) are the first to read
 * `data_collection_permissions`, which AMO requires; `web-ext lint` warns on a lower minimum.
 */
const FIREFOX_MIN = '140.0';
const FIREFOX_ANDROID_MIN = '142.0';

/** No remote code, no inline script, no plugins; pages may only load the extension's own files. */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
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
      action: { default_title: 'Evidence Lens: check this page' },
      content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP,
      ...(firefox ? { browser_specific_settings: { gecko: { id: 'evidence-lens@example.org', strict_min_version: FIREFOX_MIN, data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN } } } : {}),
    };
  },
});
