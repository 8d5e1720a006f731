/**
 * What the page is about and what language it is in, read once per page. A page that never
 * names LDN is not graded as an LDN page: "it" on a cooking blog is not naltrexone.
 */
import type { Article } from './article';
import type { PreparedDb } from './db';
import type { SentenceWords } from './sentence-words';
import { isMark, tokenize } from './tokens';

export interface PageSubject {
  /** The page names LDN in its title, or at least MIN_MENTIONS times in its text. */
  aboutLdn: boolean;
  ldnMentions: number;
  /** `en`, `other` (confidently not English) or `unknown` (too little text to tell). */
  language: 'en' | 'other' | 'unknown';
  /** Words in the article (numbers count, punctuation marks do not). */
  words: number;
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

/** `words`: the page's sentences' tokens and concepts (sentence-words.ts). */
export function pageSubject(article: Article, db: PreparedDb, words: SentenceWords[], assumeAboutLdn = false): PageSubject {
  let mentions = 0;
  let allWords = 0;
  let letterWords = 0;
  let english = 0;
  for (const sentence of words) {
    for (const h of sentence.concepts) if (h.key === 'ldn') mentions++;
    for (const t of sentence.tokens) {
      if (!isMark(t)) allWords++;
      if (!hasLetter(t.norm)) continue;
      letterWords++;
      if (ENGLISH.has(t.norm)) english++;
    }
  }
  const inTitle = article.title !== null && db.concepts.find(tokenize(article.title)).some((h) => h.key === 'ldn');
  let language: PageSubject['language'] = 'unknown';
  if (letterWords >= MIN_WORDS_FOR_LANGUAGE) language = english / letterWords >= MIN_ENGLISH_SHARE ? 'en' : 'other';
  return { aboutLdn: assumeAboutLdn || inTitle || mentions >= MIN_MENTIONS, ldnMentions: mentions, language, words: allWords };
}
