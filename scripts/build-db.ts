/**
 * Build step: compiles claims-db/ into claims-db/compiled/index.json (what the extension and the
 * CLI bundle), writes the Report's JSON Schema to schema/report.schema.json and the database's
 * figures to claims-db/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../src/core/report-schema';
import { LEVELS } from '../src/core/levels';
import { renderDbReadme } from '../src/node/db-readme';
import { loadDbSources } from '../src/node/load-db';

const root = join(import.meta.dirname, '..');
const sources = loadDbSources(join(root, 'claims-db'));
const { db } = sources;
mkdirSync(join(root, 'claims-db', 'compiled'), { recursive: true });
writeFileSync(join(root, 'claims-db', 'compiled', 'index.json'), JSON.stringify(db));
writeFileSync(join(root, 'schema', 'report.schema.json'), JSON.stringify(reportJsonSchema(), null, 2) + '\n');
writeFileSync(join(root, 'claims-db', 'README.md'), renderDbReadme(sources, LEVELS.map((l) => l.value)));
console.log(`claims database ${db.version}: ${db.claims.length} claims, ${Object.keys(db.concepts).length} concepts, ${Object.keys(db.studies).length} studies`);
