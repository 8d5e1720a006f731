/**
 * Word tokens with their character offsets. The lexicon's forms and the page's sentences go
 * through the same function, so "Crohn’s", "crohns" and "CROHN'S" meet as one token.
 */
export interface Token {
  /** Lower case, accents and apostrophes removed: "Sjögren’s" -> "sjogrens". */
  norm: string;
  /** `norm`'s number (see `wordId`), so look-ups index arrays instead of hashing strings. */
  id: number;
  /** For a possessive ("naltrexone’s"): the word without it ("naltrexone"). */
  alt?: string;
  start: number;
  end: number;
}

// Numbers keep their decimal part ("4.5"); words keep inner apostrophes ("don't"); a few
// punctuation marks are tokens because they end a clause or carry meaning (% and ?). Tokens are
// read by a scanner over character codes, not a regular expression: this runs on every word of
// every page, and the scanner costs a third of the expression with `\p{…}` classes.
// One kind of string: V8 reads characters fast only while a function has met at most four
// kinds of string (flat or sliced, one or two bytes a character, interned...). Past that,
// every `charCodeAt` here became a generic call and tokenizing took twice as long, so pages
// are tokenized as ranges of their article's text and lexicon forms whole, never word by word.
// For the same reason the scanner never reads past the end of its range.
const MARKS = /[\p{M}'’]/gu;
const POSSESSIVE = /\p{L}{2,}['’]s$/u;
/** Anything beyond plain ASCII, or an apostrophe: only such words need the full normalisation. */
const NEEDS_NORMALIZING = /[^\x00-\x26\x28-\x7f]/;
const MARK_CHARS = '%?;:$';

/** A punctuation token (`%`, `?`, `;`, `:`, `$`), not a word. */
export function isMark(t: Token): boolean {
  return t.end - t.start === 1 && MARK_CHARS.includes(t.norm);
}

export function normalizeWord(word: string): string {
  // Most words are plain ASCII, for which NFD and mark removal change nothing.
  if (!NEEDS_NORMALIZING.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

const OTHER = 0;
const DIGIT = 1;
/** A letter or a combining mark. */
const LETTER = 2;
const MARK = 3;

const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = LETTER;
for (const m of MARK_CHARS) ASCII_CLASS[m.charCodeAt(0)] = MARK;

const wideClasses = new Map<number, number>();
/** Set when `classAt` meets a character beyond ASCII: the token being read needs the full normalisation. */
let sawWide = false;
const IS_NUMBER = /^\p{N}$/u;
const IS_LETTER = /^[\p{L}\p{M}]$/u;

/** The class of the code point at `i`, reading no further than `to`. */
function classAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  sawWide = true;
  const cp = widthAt(text, i, to) === 2 ? text.codePointAt(i)! : c;
  let cls = wideClasses.get(cp);
  if (cls === undefined) {
    const ch = String.fromCodePoint(cp);
    cls = IS_NUMBER.test(ch) ? DIGIT : IS_LETTER.test(ch) ? LETTER : OTHER;
    wideClasses.set(cp, cls);
  }
  return cls;
}

/** UTF-16 units of the code point at `i`, reading no further than `to`. */
function widthAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 === to) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Past a run of code points of class `cls` from `i`, up to `to`. */
function runEnd(text: string, i: number, cls: number, to: number): number {
  while (i < to && classAt(text, i, to) === cls) i += widthAt(text, i, to);
  return i;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * The tokens of `text` from `from` to `to`, as `tokenize(text.slice(from, to))` would read them,
 * with offsets in `text`. A page's sentences are tokenized as ranges of the article's text, not
 * as strings of their own: see "one kind of string" below.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // Most tokens are a run of plain ASCII letters or digits: read them, lower case and hash
    // them in one pass. Anything else (a wider character, an apostrophe, a decimal point) goes
    // the general way below.
    const ascii = c < 128 ? ASCII_CLASS[c]! : OTHER;
    if (ascii === LETTER || ascii === DIGIT) {
      const cls = ascii;
      let hash = FNV_OFFSET;
      let end = i;
      for (; end < to; end++) {
        const d = text.charCodeAt(end);
        if (d >= 128 || ASCII_CLASS[d] !== cls) break;
        // `| 32` lower-cases A-Z and leaves a-z and 0-9 as they are.
        hash = Math.imul(hash ^ (d | 32), FNV_PRIME);
      }
      if (end === to || !mayJoin(text.charCodeAt(end))) {
        const id = words.plainWord(text, i, end, hash);
        tokens.push({ norm: words.byId[id]!, id, start: i, end });
        i = end;
        continue;
      }
    }
    const cls = classAt(text, i, to);
    if (cls === OTHER) {
      i += widthAt(text, i, to);
      continue;
    }
    sawWide = false;
    let plain = true;
    let end: number;
    if (cls === MARK) {
      end = i + 1;
    } else {
      end = runEnd(text, i, cls, to);
      // A number goes on over "." or "," followed by digits; a word over an apostrophe followed by letters.
      while (end < to) {
        const c = text.charCodeAt(end);
        const joins = cls === DIGIT ? c === 46 || c === 44 : c === APOSTROPHE || c === RIGHT_QUOTE;
        if (!joins || end + 1 >= to || classAt(text, end + 1, to) !== cls) break;
        plain = false;
        end = runEnd(text, end + 1, cls, to);
      }
    }
    const start = i;
    // Plain ASCII (no apostrophe, nothing wider) only needs lower case, and cannot be a possessive.
    plain &&= !sawWide;
    if (plain) {
      const id = words.plainWord(text, i, end, hashOf(text, i, end));
      tokens.push({ norm: words.byId[id]!, id, start, end });
    } else {
      const word = text.slice(i, end);
      const norm = normalizeWord(word);
      const token: Token = { norm, id: wordId(norm), start, end };
      if (cls === LETTER && POSSESSIVE.test(word)) token.alt = normalizeWord(word.slice(0, -2));
      tokens.push(token);
    }
    i = end;
  }
  return tokens;
}

/**
 * Whether the character after a run of ASCII letters or digits may continue its token: an
 * apostrophe, a decimal point or comma, or anything wider than ASCII (an accented letter, a
 * combining mark, a curly apostrophe).
 */
function mayJoin(c: number): boolean {
  return c >= 128 || c === APOSTROPHE || c === 44 || c === 46;
}
// As a 32-bit integer, as the table stores hashes: an empty word's hash is the offset itself.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (text.charCodeAt(i) | 32), FNV_PRIME);
  return hash;
}

/**
 * Every word seen, numbered in the order first seen: a token's `id`. Plain words are found by
 * hashing their characters where they stand in the text, so a word read before costs no new
 * string (most of a page's words repeat, and slicing and lower-casing each token cost more than
 * the rest of tokenizing). Past LIMIT distinct words (a few megabytes) the numbering starts
 * afresh: `generation` counts how often, so tables indexed by id know to start afresh too.
 */
class WordTable {
  private static readonly LIMIT = 100_000;
  generation = 0;
  /** The word numbered i. */
  byId: string[] = [];
  /** Open addressing: a slot holds a word's id + 1, or 0 when empty. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);

  /**
   * The id of `text.slice(start, end).toLowerCase()`, for plain ASCII letters or digits;
   * `hash` is `hashOf` the same characters.
   */
  plainWord(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1;
      if (id < 0) break;
      if (this.hashes[slot] === hash && sameLowerCase(this.byId[id]!, text, start, end)) return id;
    }
    return this.insert(text.slice(start, end).toLowerCase(), hash);
  }

  /** The id of a word already in normal form. */
  word(norm: string): number {
    const hash = hashOf(norm, 0, norm.length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]! - 1;
      if (id < 0) break;
      if (this.hashes[slot] === hash && this.byId[id] === norm) return id;
    }
    return this.insert(norm, hash);
  }

  private insert(word: string, hash: number): number {
    if (this.byId.length >= WordTable.LIMIT) {
      this.byId = [];
      this.reset(1024);
      this.generation++;
    } else if (2 * (this.byId.length + 1) > this.slots.length) {
      this.reset(this.slots.length * 2);
      for (let id = 0; id < this.byId.length; id++) this.place(id, hashOf(this.byId[id]!, 0, this.byId[id]!.length));
    }
    const id = this.byId.length;
    this.byId.push(word);
    this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
    this.hashes[slot] = hash;
  }

  private reset(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
  }
}

const words = new WordTable();

/** The number of a word in normal form, as tokens carry it: the same word, the same number, within one generation. */
export function wordId(norm: string): number {
  return words.word(norm);
}

/** Changes when word numbering starts afresh: a table indexed by word id is then out of date. */
export function wordGeneration(): number {
  return words.generation;
}

/** How many words are numbered so far: every id is below it. */
export function wordCount(): number {
  return words.byId.length;
}

/** The token's word id in the current numbering (a token read before numbering started afresh carries an old one). */
export function currentId(t: Token): number {
  return words.byId[t.id] === t.norm ? t.id : words.word(t.norm);
}

function sameLowerCase(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== (text.charCodeAt(start + i) | 32)) return false;
  return true;
}
