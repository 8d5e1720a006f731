/**
 * The claims database compiled at build time (`npm run build:db` writes
 * claims-db/compiled/index.json). The JSON's inferred type is replaced by the compiled
 * database's own type: the compiler (src/db/compile.ts) is what guarantees its shape.
 */
import compiled from '../claims-db/compiled/index.json';
import type { CompiledDb } from './core/db';

export const bundledDb = compiled as unknown as CompiledDb;
