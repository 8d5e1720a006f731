/**
 * Compiles claims-db/, then runs every claim's examples (must match, with the stance given) and
 * near-misses (must not match). Prints each failure; exits 1 if any.
 *   npx tsx scripts/check-db.ts [--claim <id-prefix>] [--area <name>] [--db <dir>]
 * `--area pain` loads only lexicon/core.yaml, lexicon/pain.yaml and claims/pain.yaml.
 */
import { checkSentence } from '../src/core/check-sentence';
import { prepareDb } from '../src/core/db';
import { loadDbSources } from '../src/node/load-db';
import { claimExampleFailures } from '../src/db/examples';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const { db: compiled, claims } = loadDbSources(opt('--db') ?? 'claims-db', opt('--area'));
const db = prepareDb(compiled);
const prefix = opt('--claim') ?? '';
let failures = 0;
let checked = 0;
for (const claim of claims.filter((c) => c.id.startsWith(prefix))) {
  const problems = claimExampleFailures(claim, (s) => checkSentence(s, db));
  checked += claim.examples.length + claim.nearMisses.length;
  for (const p of problems) console.log(`${claim.id}: ${p}`);
  failures += problems.length;
}
console.log(`${claims.length} claims, ${Object.keys(compiled.concepts).length} concepts, ${Object.keys(compiled.studies).length} studies; ${checked} sentences checked, ${failures} failing`);
process.exit(failures > 0 ? 1 : 0);
