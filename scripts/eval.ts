/**
 * npm run eval: checks the five seed pages against the assessments in
 * ../shared/evidence/evidence.json and prints, per page and in total, the recall of the
 * assessed claims, label accuracy, polarity accuracy and overstated agreement, then the
 * sentences reported that no assessment covers (to read, not to tune).
 *   npx tsx scripts/eval.ts [--json] [--verbose] [--area <name>]
 * `--area` grades with core plus one area's lexicon and claims (for authoring one area alone).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDb } from '../src/core/db';
import { checkPage } from '../src/core/pipeline';
import { documentInput } from '../src/node/dom';
import { loadDbSources } from '../src/node/load-db';
import { evaluatePage, summarise, type PageScore } from '../src/node/evaluate';

const shared = join(import.meta.dirname, '..', '..', 'shared');
const evidence = JSON.parse(readFileSync(join(shared, 'evidence', 'evidence.json'), 'utf8'));
const areaAt = process.argv.indexOf('--area');
const db = prepareDb(loadDbSources(join(import.meta.dirname, '..', 'claims-db'), areaAt > 0 ? process.argv[areaAt + 1] : undefined).db);
const verbose = process.argv.includes('--verbose');

const seeds = [...new Set<string>(evidence.seed_claims.map((c: { seed_file: string }) => c.seed_file))].sort();
const pages: PageScore[] = seeds.map((txt) => {
  const html = readFileSync(join(shared, 'seeds', txt.replace(/\.txt$/, '.html')), 'utf8');
  const report = checkPage(documentInput(html), db);
  return evaluatePage(txt, report, evidence.seed_claims.filter((c: { seed_file: string }) => c.seed_file === txt));
});
const total = summarise(pages);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ pages, total }, null, 2));
} else {
  const pct = (x: number | null) => (x === null ? '   -' : x.toFixed(2));
  console.log('page                          assessed  found  recall  label  polarity  overstated  unassessed');
  for (const p of [...pages, total]) {
    console.log(`${p.page.padEnd(30)}${String(p.assessed).padStart(8)}${String(p.found).padStart(7)}${pct(p.recall).padStart(8)}${pct(p.labelAccuracy).padStart(7)}${pct(p.polarityAccuracy).padStart(10)}${pct(p.overstatedAgreement).padStart(12)}${String(p.unassessed.length).padStart(12)}`);
  }
  console.log('\ntargets on the seed pages: recall >= 0.95, label accuracy >= 0.90');
  for (const p of pages) {
    if (verbose || p.missed.length > 0 || p.wrongLabel.length > 0) console.log(`\n== ${p.page}`);
    for (const m of p.missed) console.log(`  MISSED   [${m.expected}] ${m.quote}`);
    for (const m of p.wrongLabel) console.log(`  LABEL    got ${m.got} (${m.claimId}), expected ${m.expected}: ${m.quote}`);
    if (verbose) for (const m of p.wrongPolarity) console.log(`  POLARITY ${m.stance}: ${m.quote}`);
    if (verbose) for (const u of p.unassessed) console.log(`  UNASSESSED [${u.label}${u.claimId ? ' ' + u.claimId : ''}] ${u.sentence}`);
  }
}
