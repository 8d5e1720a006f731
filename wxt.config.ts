import { defineConfig } from 'wxt';

/**
 * `wxt build --mode e2e` (used only by tests/e2e) adds a host permission for the local test
 * server: a test cannot click the toolbar button, which is what grants activeTab to a person.
 * The e2e build goes to its own folder, so it can never be zipped or shipped by mistake.
 */
const E2E_MODE = 'e2e';
const E2E_HOSTS = ['http://127.0.0.1/*'];

/** No remote code, no inline script, no plugins; pages may only load the extension's own files. */
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
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
      ...(firefox ? { browser_specific_settings: { gecko: { id: 'evidence-lens@example.org', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } } : {}),
    };
  },
});
