/**
 * What the page is about and what language it is in, read once per page. A page that never
 * names LDN is not graded as an LDN page: "it" on a cooking blog is not naltrexone.
 */
import type { Article } from './article';
import type { PreparedDb } from './db';
import type { Hit } from './forms';
import type { SentenceWords } from './sentence-words';
import { currentId, isMark, tokenize, wordCount, wordGeneration, type Token } from './tokens';

export interface PageSubject {
  /** The page names LDN in its title, or at least MIN_MENTIONS times in its text. */
  aboutLdn: boolean;
  ldnMentions: number;
  /** `en`, `other` (confidently not English) or `unknown` (too little text to tell). */
  language: 'en' | 'other' | 'unknown';
  /** Words in the article (numbers count, punctuation marks do not). */
  words: number;
  /**
   * The condition the title names, when it names exactly one ("LDN for Fibromyalgia: my year"):
   * the page is about LDN for it, and a study it reports where nothing nearer names a condition
   * is read as a study of it (see match.ts).
   */
  condition: string | null;
}

const MIN_MENTIONS = 2;

// Common English function words; on English prose they are a fifth or more of all words.
const ENGLISH = new Set(('the of and to a in is it that for as with was on are be by this not or from at an have has ' +
  'but which can may will their they its more than also these been were such some other who people who into').split(' '));
const MIN_WORDS_FOR_LANGUAGE = 25;
const MIN_ENGLISH_SHARE = 0.12;
const LETTER = /\p{L}/u;

/** Whether a token's normal form has a letter: a word's does, a number's or a mark's does not. */
function hasLetter(norm: string): boolean {
  // Read from the first character where it decides, as it does for nearly every token: the
  // expression costs more than the rest of this stage.
  const c = norm.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return LETTER.test(norm);
}

const KNOWN = 1;
const MARK = 2;
const LETTER_WORD = 4;
const ENGLISH_WORD = 8;

/**
 * What counting a page's words asks of each word (a mark? a word with a letter? an English
 * function word?), worked out once per word and kept by its token id: a page's words repeat,
 * and this table is read where a set of strings would be hashed for every token.
 */
class WordKinds {
  private generation = -1;
  private kinds = new Uint8Array(0);

  of(t: Token): number {
    // Numbering the word may start the numbering afresh: the id is read first.
    const id = currentId(t);
    if (this.generation !== wordGeneration()) {
      this.generation = wordGeneration();
      this.kinds = new Uint8Array(wordCount());
    }
    if (id >= this.kinds.length) {
      const grown = new Uint8Array(Math.max(wordCount(), 2 * this.kinds.length));
      grown.set(this.kinds);
      this.kinds = grown;
    }
    let kind = this.kinds[id]!;
    if (kind === 0) {
      kind = KNOWN | (isMark(t) ? MARK : 0) | (hasLetter(t.norm) ? LETTER_WORD : 0) | (ENGLISH.has(t.norm) ? ENGLISH_WORD : 0);
      this.kinds[id] = kind;
    }
    return kind;
  }
}

const wordKinds = new WordKinds();

/** `words`: the page's sentences' tokens and concepts (sentence-words.ts). */
export function pageSubject(article: Article, db: PreparedDb, words: SentenceWords[], assumeAboutLdn = false): PageSubject {
  let mentions = 0;
  let allWords = 0;
  let letterWords = 0;
  let english = 0;
  for (const sentence of words) {
    for (const h of sentence.concepts) if (h.key === 'ldn') mentions++;
    for (const t of sentence.tokens) {
      const kind = wordKinds.of(t);
      if ((kind & MARK) === 0) allWords++;
      if ((kind & LETTER_WORD) === 0) continue;
      letterWords++;
      if (kind & ENGLISH_WORD) english++;
    }
  }
  const title = article.title === null ? [] : db.lexicon.find(tokenize(article.title)).concepts;
  const inTitle = title.some((h) => h.key === 'ldn');
  let language: PageSubject['language'] = 'unknown';
  if (letterWords >= MIN_WORDS_FOR_LANGUAGE) language = english / letterWords >= MIN_ENGLISH_SHARE ? 'en' : 'other';
  return { aboutLdn: assumeAboutLdn || inTitle || mentions >= MIN_MENTIONS, ldnMentions: mentions, language, words: allWords, condition: titleCondition(title, db) };
}

/**
 * The one condition the title's concepts name, or null if they name none or several. Concepts
 * that only rule claims out (a list of "other conditions" kept out of one area's claims) name
 * nothing the page could be about.
 */
function titleCondition(title: Hit<string>[], db: PreparedDb): string | null {
  const conditions = new Set(title.filter((h) => db.conceptKind.get(h.key) === 'condition' && db.claimsByConcept.has(h.key)).map((h) => h.key));
  return conditions.size === 1 ? [...conditions][0]! : null;
}
