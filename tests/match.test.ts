import { describe, expect, it } from 'vitest';
import { checkSentence } from '../src/core/check-sentence';
import { checkPage } from '../src/core/pipeline';
import { documentInput } from '../src/node/dom';
import { fixtureDb, realDb } from './helpers/db';

// A two-claim fixture over the real core lexicon, so these tests pin the matcher's reading of
// stance, not the contents of the curated database.
const db = fixtureDb(`
concepts:
  migraine:
    kind: condition
    label: migraine
    forms: [migraine*, headache disorder*]
  pregnancy-test:
    kind: population
    label: pregnancy
    forms: [pregnan*]
`, `
- id: migraine-relief
  topic: migraine
  condition: migraine
  statement: LDN relieves migraine.
  level: no-evidence
  rationale: Nothing published supports this in the fixture world.
  studies: []
  reviewed: 2026-11-24
  patterns: [{ all: [[migraine], [improvement, pain-relief]] }]
  examples: [LDN eases migraine., LDN helps migraine sufferers., Migraines improved on LDN.]
  nearMisses: [Migraine is common., LDN is a pill.]
- id: pregnancy-safe
  topic: pregnancy
  condition: pregnancy
  statement: LDN is safe in pregnancy.
  level: no-evidence
  rationale: Nothing published supports this in the fixture world.
  studies: []
  reviewed: 2026-11-24
  patterns: [{ all: [[pregnancy-test], [safe]] }]
  examples: [LDN is safe in pregnancy., Pregnant women can safely take LDN., It is safe during pregnancy.]
  nearMisses: [Pregnancy is nine months., LDN is cheap.]
`);

const read = (s: string) => checkSentence(s, db).map((m) => ({ id: m.claim?.id ?? null, stance: m.stance, hedged: m.hedged, flags: m.flags }));

describe('match: stance', () => {
  it('reads a plain statement as asserted, and a flat statement over no evidence as overstated', () => {
    expect(read('LDN eases migraine for many people.')).toEqual([{ id: 'migraine-relief', stance: 'asserts', hedged: false, flags: ['overstated'] }]);
  });

  it('reads negation as a denial, and flags it', () => {
    for (const s of ['LDN did not ease migraine in the trial.', 'There is no evidence that LDN helps migraine.', 'LDN failed to relieve migraine pain.']) {
      expect(read(s)[0], s).toMatchObject({ id: 'migraine-relief', stance: 'denies', flags: ['negated'] });
    }
  });

  it('lets a negation reach back over at most three words', () => {
    // "never" three words after "migraine": the relief is denied.
    expect(read('Relief from migraine on LDN never lasted.')[0]).toMatchObject({ id: 'migraine-relief', stance: 'denies' });
    // "never" four words after: it is about the triptans, not about LDN.
    expect(read('LDN eased my migraine as my triptans never did.')[0]).toMatchObject({ id: 'migraine-relief', stance: 'asserts' });
  });

  it('denies a claim when a negation covers one of its groups, whatever the subject\'s place', () => {
    // "did not" covers "ease" (and "migraine", after it), not LDN, twelve words before.
    for (const s of ['LDN, in a small trial of adults who have had headaches for years, did not ease migraine.', 'Migraine did not ease on LDN.']) {
      expect(read(s)[0], s).toMatchObject({ id: 'migraine-relief', stance: 'denies' });
    }
  });

  it('keeps a negation in another clause out of scope', () => {
    expect(read('LDN is not a painkiller, but it eases migraine.')[0]).toMatchObject({ stance: 'asserts' });
  });

  it('does not read "not only" as a denial', () => {
    expect(read('LDN not only eases migraine but also lifts mood.')[0]).toMatchObject({ stance: 'asserts' });
  });

  it('reports no claim for a question: asking is not claiming', () => {
    expect(read('Can LDN ease migraine?')).toEqual([]);
    expect(read('Q: Is LDN safe during pregnancy?')).toEqual([]);
  });

  it('reads an answer\'s "No" as answering, not denying', () => {
    expect(read('A: No, LDN is not safe during pregnancy.')[0]).toMatchObject({ id: 'pregnancy-safe', stance: 'denies' });
    expect(read('No — LDN eases migraine only in some people.')[0]).toMatchObject({ id: 'migraine-relief', stance: 'asserts' });
  });

  it('reads distancing and reported speech', () => {
    expect(read('Proponents claim LDN eases migraine.')[0]).toMatchObject({ stance: 'distances' });
    expect(read('LDN is marketed as a way to ease migraine.')[0]).toMatchObject({ stance: 'distances' });
    expect(read('Patients report that LDN eases migraine.')[0]).toMatchObject({ stance: 'reports' });
  });

  it('reads hedging without changing the stance', () => {
    expect(read('LDN may ease migraine.')[0]).toMatchObject({ stance: 'asserts', hedged: true });
    expect(read('Preliminary reports suggest LDN helps migraine.')[0]).toMatchObject({ stance: 'asserts', hedged: true });
  });

  it('flags certain language over weak evidence as overstated, but not hedged or reported statements', () => {
    expect(read('LDN is a proven treatment that eases migraine.')[0]!.flags).toContain('overstated');
    expect(read('LDN may well be a proven way to ease migraine.')[0]!.flags).toContain('overstated');
    expect(read('LDN may ease migraine.')[0]!.flags).not.toContain('overstated');
    expect(read('Patients report that LDN eases migraine.')[0]!.flags).not.toContain('overstated');
  });

  it('flags "a study found" without a citation as unsourced, and not when one is given', () => {
    expect(read('A study found that LDN eases migraine.')[0]!.flags).toContain('unsourced-study');
    expect(read('A study found that LDN eases migraine (Smith et al., 2019).')[0]!.flags).not.toContain('unsourced-study');
    expect(read('A study found that LDN eases migraine [3].')[0]!.flags).not.toContain('unsourced-study');
  });
});

describe('match: subject and context', () => {
  it('reads list items introduced by others\' claims as distanced', () => {
    const r = checkPage({ kind: 'text', text: 'LDN myths\nLDN is low-dose naltrexone. Online, LDN is credited with these feats:\n- it eases migraine\n- it is safe in pregnancy' }, db);
    expect(r.claims.map((c) => [c.claimId, c.stance])).toEqual([['migraine-relief', 'distances'], ['pregnancy-safe', 'distances']]);
  });

  it('needs the page to be about LDN before "it" stands for LDN', () => {
    const about = checkPage({ kind: 'text', text: 'Notes on LDN.\nLDN is low-dose naltrexone. It is safe during pregnancy.' }, db);
    expect(about.claims.map((c) => c.claimId)).toEqual(['pregnancy-safe']);
    const other = checkPage({ kind: 'text', text: 'Notes on folic acid.\nFolic acid is a vitamin. It is safe during pregnancy.' }, db);
    expect(other.claims).toEqual([]);
    expect(other.notices.map((n) => n.code)).toContain('not-about-ldn');
  });

  it('takes a missing concept from the section heading', () => {
    const r = checkPage({ kind: 'text', text: 'LDN for migraine\nMany readers say it helped them a lot.\nLDN is low-dose naltrexone.' }, db);
    expect(r.claims[0]).toMatchObject({ claimId: 'migraine-relief', stance: 'reports' });
    expect(r.claims[0]!.why.contextConcepts).toEqual(['migraine']);
  });

  it('reports a checkable LDN claim the database lacks as not-reviewed, and skips plain sentences', () => {
    const r = checkPage({ kind: 'text', text: 'LDN reduces inflammation in the gut.\nWe are open on Saturdays.\nLDN is taken at night.' }, db, { assumeAboutLdn: true });
    expect(r.claims.map((c) => [c.label, c.sentence])).toEqual([['not-reviewed', 'LDN reduces inflammation in the gut.']]);
    expect(r.claims[0]!.claimId).toBeNull();
  });

  it('reads a sentence that agrees with the one before as making the same claims', () => {
    const r = checkPage({ kind: 'text', text: 'LDN notes\nA first trial found that LDN did not ease migraine. A second trial reached the same conclusion.\nLDN is low-dose naltrexone.' }, db);
    expect(r.claims.map((c) => [c.sentence, c.claimId, c.stance])).toEqual([
      ['A first trial found that LDN did not ease migraine.', 'migraine-relief', 'denies'],
      ['A second trial reached the same conclusion.', 'migraine-relief', 'denies'],
    ]);
    expect(r.claims[1]!.why.words).toEqual(['same conclusion']);
  });

  it('names the words that matched', () => {
    const [m] = checkSentence('Migraines got much better on LDN.', db);
    expect(m!.words).toEqual(['Migraines', 'better', 'LDN']);
  });
});

describe('match: whose claim a sentence makes (real database)', () => {
  const claimsOf = (text: string) => checkPage({ kind: 'text', text }, realDb()).claims.map((c) => [c.sentence, c.claimId]);

  it('does not lend LDN from the section to a sentence that opens with another treatment', () => {
    expect(claimsOf('LDN and multiple sclerosis\nLDN is low-dose naltrexone. Exercise can reduce fatigue in multiple sclerosis. It may also reduce fatigue in MS.'))
      .toEqual([['It may also reduce fatigue in MS.', 'ms-fatigue']]);
    expect(claimsOf('LDN for fibromyalgia\nLDN is low-dose naltrexone. Gabapentin and pregabalin are often used for nerve pain.')).toEqual([]);
    expect(claimsOf('LDN and Hashimoto’s\nLDN is low-dose naltrexone. The selenium supplements lower thyroid antibodies in some people.')).toEqual([]);
  });

  it('completes list items with the effect their lead-in names, but not sentences with a heading\'s verb', () => {
    const r = checkPage({ kind: 'text', text: 'What LDN is used for\nLDN is low-dose naltrexone. LDN may help with symptoms of:\n- Fibromyalgia\n- Long COVID\nTreatment for migraine\nKeep a migraine diary.' }, realDb());
    expect(r.claims.map((c) => [c.sentence, c.claimId, c.hedged])).toEqual([['Fibromyalgia', 'fibromyalgia-pain-relief', true], ['Long COVID', 'long-covid-general', true]]);
  });

  it('still reads a list item that names another drug later as about LDN', () => {
    expect(claimsOf('Who should not take LDN\nLDN is low-dose naltrexone.\n- People taking opioid painkillers (it blocks them)'))
      .toEqual([['People taking opioid painkillers (it blocks them)', 'opioid-blockade']]);
  });
});

describe('match: the condition a page\'s title names', () => {
  // A patient's diary: the title names the condition once, and the sections below never do.
  const diary = (title: string, trialSentence: string) => checkPage(documentInput(`<!doctype html><html><head><title>${title}</title></head><body>
    <article><h1>${title}</h1><p>I started low-dose naltrexone last spring, after years of trying everything my doctors offered.
    This is what I found when I went looking for the research, and what happened when I tried it myself.</p>
    <h2>What the trials found</h2><p>LDN is low-dose naltrexone, a small nightly dose of an old drug. ${trialSentence}</p>
    <h2>My first month</h2><p>The first weeks were uneventful, apart from some very vivid dreams and a few early mornings.</p></article></body></html>`), realDb());
  const trial = 'The largest trial found no difference in pain between the drug and placebo.';
  const claimsOf = (title: string, sentence = trial) => diary(title, sentence).claims.map((c) => [c.sentence, c.claimId, c.stance, c.why.contextConcepts]);

  it('reads a study reported where nothing names a condition as about the one the title names', () => {
    expect(claimsOf('A year on LDN for fibromyalgia')).toContainEqual([trial, 'fibromyalgia-pain-relief', 'denies', ['fibromyalgia']]);
    // The same sentence under a title that names no condition, or two, is about no condition.
    expect(claimsOf('A year on LDN').map((c) => c[0])).not.toContain(trial);
    expect(claimsOf('A year on LDN for fibromyalgia and Crohn’s').map((c) => c[0])).not.toContain(trial);
  });

  it('lends it to a study\'s report, not to background', () => {
    const background = 'Endorphins are the body’s own pain relievers, and exercise raises them too.';
    const claims = claimsOf('A year on LDN for fibromyalgia', background).filter((c) => c[0] === background);
    expect(claims.map((c) => c[1])).not.toContain('fibromyalgia-pain-relief');
  });

  it('does not lend it to a sentence that names a condition of its own', () => {
    const ms = 'In multiple sclerosis, one trial found less pain on the drug than on placebo.';
    const claims = claimsOf('A year on LDN for fibromyalgia', ms).filter((c) => c[0] === ms);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.map((c) => c[1])).not.toContain('fibromyalgia-pain-relief');
  });
});

describe('grade: overstated', () => {
  it('does not mark a cited study\'s finding as overstated', () => {
    expect(read('Smith et al. (2019) found that LDN eased migraine.')[0]!.flags).not.toContain('overstated');
    expect(read('A study found that LDN eased migraine.')[0]!.flags).toContain('overstated');
  });
});
