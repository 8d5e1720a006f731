/** Build step: the compiled database, then the CLI bundled into dist/cli.mjs (run by bin/evidence-lens.mjs). */
import { build } from 'esbuild';
import { join } from 'node:path';
import './build-db';

const root = join(import.meta.dirname, '..');
await build({
  entryPoints: [join(root, 'src/node/cli/main.ts')],
  outfile: join(root, 'dist/cli.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules (installed by `npm ci`); our code and the compiled database are inlined.
  packages: 'external',
  loader: { '.html': 'text' },
  sourcemap: 'linked',
  logLevel: 'warning',
});
