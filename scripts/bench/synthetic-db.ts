/**
 * Claims databases of a chosen size with the shape of the real one, for measuring how cost
 * grows with the database. Up to the real size, the first N real claims are kept (with the whole
 * lexicon and bibliography). Beyond it, each extra claim is a copy of a real claim whose topic
 * concepts (everything but the generic effect words, which real claims share) are replaced by
 * new concepts with invented surface forms, citing a new study shaped like the real one's. So
 * the generic words ("helps", "reduces") are shared by ever more claims, as they would be in a
 * larger real database, while each new claim has topics of its own.
 */
import type { CompiledClaim, CompiledConcept, CompiledDb, StudySummary } from '../../src/core/db';

/** Concept kinds real claims share widely; every other kind names a claim's topic. */
const SHARED_KINDS = new Set(['effect', 'evidence', 'statistic']);

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'qu', 'bre', 'dra', 'fli', 'gro', 'plu', 'stra'];

/** A pronounceable made-up word for number `n`, never an English word or one of the lexicon's. */
function inventedWord(n: number): string {
  let s = '';
  let k = n + SYLLABLES.length;
  while (k > 0) {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return `${s}osis`;
}

export function syntheticDb(real: CompiledDb, claimCount: number): CompiledDb {
  if (claimCount <= real.claims.length) return { ...real, claims: real.claims.slice(0, claimCount) };
  const concepts: Record<string, CompiledConcept> = { ...real.concepts };
  const studies: Record<string, StudySummary> = { ...real.studies };
  const realStudies = Object.values(real.studies);
  const claims: CompiledClaim[] = [...real.claims];
  let word = 0;
  for (let n = real.claims.length; n < claimCount; n++) {
    const model = real.claims[n % real.claims.length]!;
    const renamed = new Map<string, string>();
    const rename = (id: string): string => {
      const kind = real.concepts[id]?.kind ?? 'other';
      if (SHARED_KINDS.has(kind)) return id;
      let fresh = renamed.get(id);
      if (!fresh) {
        fresh = `syn-${n}-${id}`;
        const w = inventedWord(word++);
        concepts[fresh] = { kind, label: w, forms: [w, `${w} disorder`] };
        renamed.set(id, fresh);
      }
      return fresh;
    };
    const patterns = model.patterns.map((p) => ({ all: p.all.map((g) => g.map(rename)), none: p.none }));
    // A claim made only of shared words gets one topic of its own, as every real claim has.
    if (renamed.size === 0) patterns[0]!.all[0] = patterns[0]!.all[0]!.map((id, i) => (i === 0 ? rename(`${id}-topic`) : id));
    const studyModel = realStudies[n % realStudies.length]!;
    const studyId = `syn-study-${n}`;
    studies[studyId] = {
      ...studyModel, id: studyId, title: `${inventedWord(n)} in a trial of ${n} participants`,
      doi: `10.99999/syn.${n}`, pmid: String(90_000_000 + n), pmcid: null, nct: null,
    };
    claims.push({
      ...model,
      id: `syn-${n}-${model.id}`,
      condition: model.condition === 'general' ? 'general' : `syn-${n}-${model.condition}`,
      statement: `${model.statement} (synthetic ${n})`,
      studies: [studyId],
      patterns,
    });
  }
  return { ...real, concepts, studies, claims };
}
