/**
 * Bundle sizes of the production Chrome build (`npm run build`: compiles the claims database,
 * then `wxt build`), raw and gzip (level 9), per entrypoint; the side panel counts its HTML, its
 * scripts and its CSS. Also whether a bundle carries the compiled claims index (it should be in
 * the background only).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Size {
  raw: number;
  gzip: number;
}

export interface BundleSizes {
  content: Size & { hasIndex: boolean };
  background: Size & { hasIndex: boolean };
  sidepanel: Size & { hasIndex: boolean };
  index: Size;
}

function sizeOf(buffers: Buffer[]): Size {
  const all = Buffer.concat(buffers);
  return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
}

export function buildProduction(root: string): void {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
}

export function bundleSizes(root: string): BundleSizes {
  const out = join(root, '.output/chrome-mv3');
  const index = readFileSync(join(root, 'claims-db/compiled/index.json'));
  // A claim id that only the compiled index holds tells whether a bundle carries it.
  const marker = (JSON.parse(index.toString('utf8')) as { claims: { id: string }[] }).claims[0]!.id;
  const html = readFileSync(join(out, 'sidepanel.html'), 'utf8');
  const panelFiles = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  // Chunks a panel script imports are loaded too; WXT's build puts them in chunks/.
  const chunkFiles = readdirSync(join(out, 'chunks')).map((f) => `chunks/${f}`);
  const panel = [...new Set([...panelFiles, ...chunkFiles])].map((f) => readFileSync(join(out, f)));
  const has = (bufs: Buffer[]) => bufs.some((b) => b.includes(`"${marker}"`) || b.includes(`'${marker}'`) || b.includes(marker));
  const content = [readFileSync(join(out, 'content-scripts/content.js'))];
  const background = [readFileSync(join(out, 'background.js'))];
  return {
    content: { ...sizeOf(content), hasIndex: has(content) },
    background: { ...sizeOf(background), hasIndex: has(background) },
    sidepanel: { ...sizeOf([Buffer.from(html), ...panel]), hasIndex: has(panel) },
    index: sizeOf([index]),
  };
}
