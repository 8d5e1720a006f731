/** Databases for tests: the real one, compiled from claims-db/, and small fixtures built over the real core lexicon. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { prepareDb, type PreparedDb } from '../../src/core/db';
import { compileDb } from '../../src/db/compile';
import { loadDbSources } from '../../src/node/load-db';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHARED = join(ROOT, '..', 'shared');

let real: PreparedDb | null = null;
export function realDb(): PreparedDb {
  real ??= prepareDb(loadDbSources(join(ROOT, 'claims-db')).db);
  return real;
}

/** The real core lexicon plus the given area lexicon and claims (YAML text), with no studies. */
export function fixtureDb(areaLexicon: string, claims: string): PreparedDb {
  const core = parse(readFileSync(join(ROOT, 'claims-db', 'lexicon', 'core.yaml'), 'utf8'));
  return prepareDb(compileDb({
    lexicons: [{ file: 'core.yaml', data: core }, { file: 'fixture.yaml', data: parse(areaLexicon) }],
    claimFiles: [{ file: 'fixture-claims.yaml', data: parse(claims) }],
    bibliographies: [],
  }).db);
}
