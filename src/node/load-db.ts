/** Reads a claims database directory (lexicon/*.yaml, claims/*.yaml, bibliography/*.json) and compiles it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { compileDb, type CompiledWithSources } from '../db/compile';

/** `area` limits the lexicon and claims to `core` plus that area's files (for authoring one area alone). */
export function loadDbSources(dir: string, area?: string): CompiledWithSources {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`no claims database directory at ${dir}`);
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  };
  const list = (sub: string, ext: string) => {
    const d = join(dir, sub);
    if (!statSync(d, { throwIfNoEntry: false })?.isDirectory()) return [];
    const keep = (f: string) => f.endsWith(ext) && (!area || sub === 'bibliography' || f === `${area}${ext}` || f === `core${ext}`);
    return readdirSync(d).filter(keep).sort().map((f) => join(d, f));
  };
  const named = (path: string) => ({ file: relative(dir, path), data: read(path) });
  return compileDb({
    lexicons: list('lexicon', '.yaml').map(named),
    claimFiles: list('claims', '.yaml').map(named),
    bibliographies: list('bibliography', '.json').map(named),
  });
}
