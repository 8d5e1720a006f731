import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: {
    name: 'Evidence Lens',
    description: 'Marks health claims about low-dose naltrexone (LDN) with the strength of the evidence behind them. Not medical advice.',
    permissions: ['activeTab', 'scripting', 'sidePanel', 'storage'],
  },
});
