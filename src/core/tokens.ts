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
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|[%?;:$]/gu; // the last class is MARK_CHARS
const MARKS = /[\p{M}'’]/gu;
const POSSESSIVE = /\p{L}{2,}['’]s$/u;
/** Anything beyond plain ASCII, or an apostrophe: only such words need the full normalisation. */
const NEEDS_NORMALIZING = /[^\x00-\x26\x28-\x7f]/;

/** A punctuation token (`%`, `?`, `;`, `:`, `$`), not a word. */
export function isMark(t: Token): boolean {
  return t.end - t.start === 1 && MARK_CHARS.includes(t.norm);
}

const MARK_CHARS = '%?;:$';

export function normalizeWord(word: string): string {
  // Most words are plain ASCII, for which NFD and mark removal change nothing; skipping them
  // halves the cost of tokenizing a page.
  if (!NEEDS_NORMALIZING.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = offset + m.index;
    const token: Token = { norm: normalizeWord(word), start, end: start + word.length };
    // A possessive has an apostrophe, which plain ASCII words without one cannot have.
    if (NEEDS_NORMALIZING.test(word) && POSSESSIVE.test(word)) token.alt = normalizeWord(word.slice(0, -2));
    tokens.push(token);
  }
  return tokens;
}
