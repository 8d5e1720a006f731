/**
 * The bundled claims database, prepared once per background context (the only part of the
 * extension that runs the pipeline after extraction; see entrypoints/background.ts).
 * `claims-db/compiled/index.json` is written by `npm run build:db` and bundled as JSON.
 */
import compiled from '../../claims-db/compiled/index.json';
import { prepareDb, type CompiledDb, type PreparedDb } from '../core/db';

let prepared: PreparedDb | null = null;

export function bundledDb(): PreparedDb {
  prepared ??= prepareDb(compiled as unknown as CompiledDb);
  return prepared;
}
