/** Forcing tokens.ts to number words afresh, as it does after 100,000 distinct words. */
import { tokenize, wordGeneration } from '../../src/core/tokens';

/** A distinct word of letters only for each number: 0 -> "qa", 1 -> "qb"... */
const lettersOf = (n: number) => `q${[...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}`;

/** Tokenizes distinct words until the numbering starts afresh; returns whether it did. */
export function startWordNumberingAfresh(): boolean {
  const generation = wordGeneration();
  for (let n = 0; n < 200_000 && wordGeneration() === generation; n += 1000) {
    tokenize(Array.from({ length: 1000 }, (_, k) => lettersOf(n + k)).join(' '));
  }
  return wordGeneration() !== generation;
}
