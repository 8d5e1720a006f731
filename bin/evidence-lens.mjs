#!/usr/bin/env node
// Thin launcher: the CLI itself is bundled to dist/cli.mjs by `npm ci` (the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('evidence-lens: the command line is not built yet; run `npm ci` or `npm run build:cli` in the project first.');
  process.exit(2);
}
// A reader that stops early (`evidence-lens check page.html | head`) is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
