/**
 * The bundled claims database, prepared once per background context (the only part of the
 * extension that runs the pipeline after extraction; see entrypoints/background.ts).
 */
import { bundledDb as compiled } from '../bundled-db';
import { prepareDb, type PreparedDb } from '../core/db';

let prepared: PreparedDb | null = null;

export function bundledDb(): PreparedDb {
  prepared ??= prepareDb(compiled);
  return prepared;
}
