import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuestion } from '../src/core/stance';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 20261124, numRuns: RUNS };

/** What a question is, read from the text's characters as strings: isQuestion reads codes, and must agree. */
function referenceIsQuestion(text: string): boolean {
  let end = text.length;
  while (end > 0 && `'"”’)]`.includes(text[end - 1]!)) end--;
  return text[end - 1] === '?' || /^Q\s*[:.]\s/.test(text);
}

const pieces = fc.constantFrom('Q', 'q', 'Q:', 'Q.', 'Q :', 'A:', '?', '??', '"', '”', '’', "'", ')', ']', '(', ' ', '\n', ':', '.', 'Is LDN safe', 'it', '¿', '？', '😀');
const texts = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));

describe('isQuestion', () => {
  it('reads a question mark before closing quotes and brackets, or an FAQ\'s "Q:", as the reference does', () => {
    fc.assert(fc.property(fc.oneof(texts, fc.string()), (text) => {
      expect(isQuestion(text)).toBe(referenceIsQuestion(text));
    }), params);
  });
});
