import { describe, expect, it } from 'vitest';
import { checkSentence } from '../src/core/check-sentence';
import { compileDb, DbError } from '../src/db/compile';
import { claimExampleFailures } from '../src/db/examples';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS } from '../src/core/levels';
import { renderDbReadme } from '../src/node/db-readme';
import { loadDbSources } from '../src/node/load-db';
import { ROOT, realDb } from './helpers/db';

const sources = loadDbSources(join(ROOT, 'claims-db'));
const { claims } = sources;

it('claims-db/README.md states the current figures (run `npm run build:db` after editing the database)', () => {
  expect(readFileSync(join(ROOT, 'claims-db', 'README.md'), 'utf8')).toBe(renderDbReadme(sources, LEVELS.map((l) => l.value)));
});

describe('every claim in claims-db matches its examples and none of its near-misses', () => {
  it.each(claims.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
    expect(claimExampleFailures(claim, (s) => checkSentence(s, realDb()))).toEqual([]);
  });
});

describe('claims database validation', () => {
  const study = {
    id: 'demo-2020', type: 'article-journal', title: 'A demonstration study', DOI: '10.1000/demo',
    custom: { design: 'rct', participants: 10, finding: 'Nothing, it is a fixture.', condition: 'demo', dose: 'low', verified: true, source: 'https://example.org/demo' },
  };
  const claim = {
    id: 'demo-claim', topic: 'demo', condition: 'demo', statement: 'LDN does a demo thing.', level: 'no-rct',
    rationale: 'Only one open-label fixture study exists.', studies: ['demo-2020'], reviewed: '2026-11-24',
    patterns: [{ all: [['improvement']] }], examples: ['a', 'b', 'c'].map((x) => `LDN helps ${x} lot.`), nearMisses: ['LDN is a pill.', 'Pills are small.'],
  };
  const lexicon = { concepts: { ldn: { kind: 'subject', label: 'LDN', forms: ['ldn'] }, improvement: { kind: 'effect', label: 'helps', forms: ['help*'] } },
    cues: Object.fromEntries(['negation', 'hedge', 'distancing', 'reported-speech', 'certainty', 'study-claim', 'anaphor', 'call-to-action', 'clause-break', 'pseudo-negation', 'experiencer', 'refutation', 'null-result', 'trial-design', 'finding', 'agreement'].map((k) => [k, ['zzz']])) };
  const compile = (c: object, s: object = study) => () => compileDb({
    lexicons: [{ file: 'lexicon.yaml', data: lexicon }],
    claimFiles: [{ file: 'claims.yaml', data: [c] }],
    bibliographies: [{ file: 'bib.json', data: [s] }],
  });
  const problems = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof DbError) return e.problems.join('\n');
      throw e;
    }
    return '';
  };

  it('accepts a well-formed claim', () => {
    expect(compile(claim)().db.claims).toHaveLength(1);
  });
  it('rejects a claim citing an unknown study', () => {
    expect(problems(compile({ ...claim, studies: ['no-such-study'] }))).toMatch(/unknown study id "no-such-study"/);
  });
  it('rejects a claim without a rationale', () => {
    const { rationale: _dropped, ...rest } = claim;
    expect(problems(compile(rest))).toMatch(/claims\.yaml: 0\.rationale/);
  });
  it('rejects an unknown evidence level', () => {
    expect(problems(compile({ ...claim, level: 'probably-fine' }))).toMatch(/0\.level/);
  });
  it('rejects a study without any identifier or note', () => {
    const { DOI: _dropped, ...rest } = study;
    expect(problems(compile(claim, rest))).toMatch(/needs a DOI, PMID, PMCID or NCT id, or a note/);
  });
  it('rejects a pattern naming an unknown concept', () => {
    expect(problems(compile({ ...claim, patterns: [{ all: [['telepathy']] }] }))).toMatch(/unknown concept "telepathy"/);
  });
});
