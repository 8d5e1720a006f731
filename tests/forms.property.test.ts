import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormIndex, MAX_GAP, SUFFIX_MIN_WORD, type Hit, type Step } from '../src/core/forms';
import { tokenize, type Token } from '../src/core/tokens';
import { startWordNumberingAfresh } from './helpers/words';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 20261124, numRuns: RUNS };

/**
 * The forms' meaning, written the plain way: each form tried alone from each token, its
 * shortest match kept (a gap skips 0, 1, ... words, never over a clause mark). Hits come out
 * per token: forms starting with the token's word in the order added, then those starting
 * with its possessive-less word, then wildcard forms (prefixes, then suffixes, each shortest
 * first, then in the order added). The trie in FormIndex must find exactly these.
 */
function referenceFind(forms: { key: string; steps: Step[] }[], tokens: Token[]): Hit<string>[] {
  const fits = (step: Step, t: Token) =>
    'word' in step ? step.word === t.norm || step.word === t.alt
      : 'prefix' in step ? t.norm.startsWith(step.prefix)
        : 'suffix' in step ? t.norm.length >= SUFFIX_MIN_WORD && t.norm.length > step.suffix.length && t.norm.endsWith(step.suffix) : false;
  const from = (steps: Step[], s: number, i: number, words: number[]): number => {
    if (s === steps.length) return i - 1;
    const step = steps[s]!;
    if ('gap' in step) {
      for (let skip = 0; skip <= MAX_GAP && i + skip <= tokens.length; skip++) {
        if (skip > 0 && [';', ':', '?'].includes(tokens[i + skip - 1]!.norm)) break;
        const end = from(steps, s + 1, i + skip, words);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (i >= tokens.length || !fits(step, tokens[i]!)) return -1;
    words.push(i);
    const end = from(steps, s + 1, i + 1, words);
    if (end < 0) words.pop();
    return end;
  };
  const wildLength = (s: Step) => ('prefix' in s ? s.prefix.length : 'suffix' in s ? s.suffix.length : 0);
  const ordered = forms.map((f, added) => ({ ...f, added }));
  const wildcards = ordered.filter((f) => !('word' in f.steps[0]!))
    .sort((x, y) => Number('suffix' in x.steps[0]!) - Number('suffix' in y.steps[0]!) || wildLength(x.steps[0]!) - wildLength(y.steps[0]!) || x.added - y.added);
  const hits: Hit<string>[] = [];
  tokens.forEach((t, i) => {
    const starting = [
      ...ordered.filter((f) => 'word' in f.steps[0]! && (f.steps[0] as { word: string }).word === t.norm),
      ...(t.alt ? ordered.filter((f) => 'word' in f.steps[0]! && (f.steps[0] as { word: string }).word === t.alt) : []),
      ...wildcards.filter((f) => fits(f.steps[0]!, { ...t, alt: undefined })),
    ];
    for (const f of starting) {
      const words: number[] = [];
      const last = from(f.steps, 0, i, words);
      if (last >= 0) hits.push({ key: f.key, first: i, last, words });
    }
  });
  return hits;
}

const VOCABULARY = ['ldn', 'pain', 'not', 'no', 'relief', 'reduces', 'reduced', 'crohns', 'disease', 'the', 'of', 'inflammation', 'inflammatory'];
const word = fc.constantFrom(...VOCABULARY);
const formPart = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom('re*', 'red*', 'reduc*', 'inflam*', 'pa*') },
  { weight: 1, arbitrary: fc.constant('..') },
);
const form = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('*ation', '*ory', '*ed', '*ease') },
  {
    weight: 8,
    arbitrary: fc.tuple(fc.oneof(word, fc.constantFrom('re*', 'inflam*')), fc.array(formPart, { maxLength: 4 }), word)
      .map(([first, middle, last]) => [first, ...middle, last].join(' ').replace(/(?:\.\. )+/g, '.. ')),
  },
);
const text = fc.array(fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(';', '?', 'Crohn’s', 'pain’s', 'LDN’s') }), { maxLength: 30 })
  .map((ws) => ws.join(' '));

describe('FormIndex', () => {
  it('finds exactly what each form tried alone finds, in the same order', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), form), { maxLength: 25 }), text, (entries, sentence) => {
      const index = new FormIndex<string>();
      for (const [key, f] of entries) index.add(key, f);
      const tokens = tokenize(sentence);
      const forms = entries.map(([key, f]) => ({ key, steps: compileForm(f) }));
      expect(index.find(tokens)[0]).toEqual(referenceFind(forms, tokens));
    }), params);
  });

  it('finds in each lane what an index of that lane alone finds', () => {
    const entry = fc.tuple(fc.constantFrom('a', 'b', 'c'), form, fc.constantFrom(0, 1));
    fc.assert(fc.property(fc.array(entry, { maxLength: 25 }), text, (entries, sentence) => {
      const shared = new FormIndex<string>();
      const alone = [new FormIndex<string>(), new FormIndex<string>()];
      for (const [key, f, lane] of entries) {
        shared.add(key, f, lane);
        alone[lane]!.add(key, f);
      }
      const tokens = tokenize(sentence);
      const lanes = shared.find(tokens);
      expect(lanes[0]).toEqual(alone[0]!.find(tokens)[0]);
      expect(lanes[1] ?? []).toEqual(alone[1]!.find(tokens)[0]);
    }), params);
  });

  it('walks shared beginnings together and still reports every form', () => {
    const index = new FormIndex<string>();
    index.add('a', 'not .. pain');
    index.add('b', 'not reduce*');
    index.add('c', 'not');
    index.add('d', 'reduc*');
    const hits = index.find(tokenize('It did not reduce the pain'))[0]!;
    expect(hits.map((h) => [h.key, h.first, h.last])).toEqual([['a', 2, 5], ['b', 2, 3], ['c', 2, 2], ['d', 3, 3]]);
    expect(hits[0]!.words).toEqual([2, 5]);
  });

  it('finds the same after the word numbering starts afresh, with tokens read before or after', () => {
    const index = new FormIndex<string>();
    index.add('relief', 'reduc* .. pain');
    index.add('ldn', 'ldn');
    index.add('crohns', 'crohns disease');
    const sentence = 'LDN’s users said it reduced their pain and Crohn’s disease flares';
    const before = tokenize(sentence);
    const expected = index.find(before)[0]!;
    expect(expected.map((h) => h.key)).toEqual(['ldn', 'relief', 'crohns']);
    expect(startWordNumberingAfresh()).toBe(true);
    expect(index.find(before)[0]).toEqual(expected);
    expect(index.find(tokenize(sentence))[0]).toEqual(expected);
  });
});
