/**
 * Word tokens with their character offsets. The lexicon's forms and the page's sentences go
 * through the same function, so "Crohn’s", "crohns" and "CROHN'S" meet as one token.
 */
export interface Token {
  /** Lower case, accents and apostrophes removed: "Sjögren’s" -> "sjogrens". */
  norm: string;
  /** For a possessive ("naltrexone’s"): the word without it ("naltrexone"). */
  alt?: string;
  start: number;
  end: number;
}

// Numbers keep their decimal part ("4.5"); words keep inner apostrophes ("don't"); a few
// punctuation marks are tokens because they end a clause or carry meaning (% and ?).
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[%?;:$]/gu;
const MARKS = /[\p{M}'’]/gu;
const POSSESSIVE = /\p{L}{2,}['’]s$/u;

export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = offset + m.index;
    const token: Token = { norm: normalizeWord(m[0]), start, end: start + m[0].length };
    if (POSSESSIVE.test(m[0])) token.alt = normalizeWord(m[0].slice(0, -2));
    tokens.push(token);
  }
  return tokens;
}
