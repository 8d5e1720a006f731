import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord, tokenize, wordId, type Token } from '../src/core/tokens';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 20261124, numRuns: RUNS };

/** What a token is, as one regular expression: the scanner in tokens.ts must read exactly these. */
function referenceTokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[%?;:$]/gu)) {
    const word = m[0];
    const norm = normalizeWord(word);
    const token: Token = { norm, id: wordId(norm), start: m.index, end: m.index + word.length };
    if (/\p{L}{2,}['’]s$/u.test(word)) token.alt = normalizeWord(word.slice(0, -2));
    out.push(token);
  }
  return out;
}

const pieces = fc.constantFrom('LDN', 'ldn', 'Crohn’s', "patient's", "don't", 'Sjögren’s', 'naïve', 'IL-6', '4.5', '1,000', '1.5mg', '3.', ',5', '%', '?', ';', ':', '$',
  ' ', '\u00a0', '’', "'", 'é', 'e\u0301', '٣', '½', '𝐀', '😀', '\ud800', 'ß', 'İ', 'Σ', 'مرحبا', '中文', '-', '.', ',');

describe('tokenize', () => {
  it('reads the same tokens as the regular expression that defines them, on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''))), (text) => {
      expect(tokenize(text)).toEqual(referenceTokenize(text));
    }), params);
  });

  it('reads a range of a text as it reads the range cut out, with offsets in the whole text', () => {
    const text = fc.array(pieces, { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const [from, to] = [a % (t.length + 1), b % (t.length + 1)].sort((x, y) => x - y) as [number, number];
      const shifted = referenceTokenize(t.slice(from, to)).map((k) => ({ ...k, start: k.start + from, end: k.end + from }));
      expect(tokenize(t, from, to)).toEqual(shifted);
    }), params);
  });

  it('normalises case, accents and apostrophes, and keeps the possessive-less word', () => {
    expect(tokenize('Sjögren’s is NOT 4.5%').map((t) => [t.norm, t.alt])).toEqual([['sjogrens', 'sjogren'], ['is', undefined], ['not', undefined], ['4.5', undefined], ['%', undefined]]);
    expect(tokenize('a b x', 4)[0]).toEqual({ norm: 'x', id: wordId('x'), start: 4, end: 5 });
  });
});
