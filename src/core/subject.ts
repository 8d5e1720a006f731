/**
 * What the page is about and what language it is in, read once per page. A page that never
 * names LDN is not graded as an LDN page: "it" on a cooking blog is not naltrexone.
 */
import type { Article } from './article';
import type { PreparedDb } from './db';
import type { FormIndex } from './forms';
import type { Sentence } from './segment';
import { tokenize, type Token } from './tokens';

export interface PageSubject {
  /** The page names LDN in its title, or at least MIN_MENTIONS times in its text. */
  aboutLdn: boolean;
  ldnMentions: number;
  /** `en`, `other` (confidently not English) or `unknown` (too little text to tell). */
  language: 'en' | 'other' | 'unknown';
}

const MIN_MENTIONS = 2;

// Common English function words; on English prose they are a fifth or more of all words.
const ENGLISH = new Set(('the of and to a in is it that for as with was on are be by this not or from at an have has ' +
  'but which can may will their they its more than also these been were such some other who people who into').split(' '));
const MIN_WORDS_FOR_LANGUAGE = 25;
const MIN_ENGLISH_SHARE = 0.12;
const LETTER = /\p{L}/u;

/**
 * `segmented`, the page's sentences and their tokens (as match tokenizes them), when given,
 * spares tokenizing the article a second time.
 */
export function pageSubject(article: Article, db: PreparedDb, assumeAboutLdn = false, segmented?: { sentences: Sentence[]; tokens: Token[][] }): PageSubject {
  const tokens = segmented ? articleTokens(article, segmented.sentences, segmented.tokens) : tokenize(article.text);
  // Only LDN's own forms are looked for: the other concepts' hits were never counted.
  const mentions = ldnForms(db).find(tokens).length;
  const inTitle = article.title !== null && db.concepts.find(tokenize(article.title)).some((h) => h.key === 'ldn');
  let words = 0;
  let english = 0;
  for (const t of tokens) {
    if (!LETTER.test(t.norm)) continue;
    words++;
    if (ENGLISH.has(t.norm)) english++;
  }
  let language: PageSubject['language'] = 'unknown';
  if (words >= MIN_WORDS_FOR_LANGUAGE) language = english / words >= MIN_ENGLISH_SHARE ? 'en' : 'other';
  return { aboutLdn: assumeAboutLdn || inTitle || mentions >= MIN_MENTIONS, ldnMentions: mentions, language };
}

const ldnIndexes = new WeakMap<PreparedDb, FormIndex<string>>();

function ldnForms(db: PreparedDb): FormIndex<string> {
  let index = ldnIndexes.get(db);
  if (!index) {
    index = db.concepts.subset((key) => key === 'ldn');
    ldnIndexes.set(db, index);
  }
  return index;
}

/**
 * The article's tokens, from its sentences' tokens. Sentences cover the article's text but
 * for the white space between them, where no token lies; a sentence cut at the length cap in the
 * middle of a word ends where the next one starts, and then the article is tokenized afresh.
 */
function articleTokens(article: Article, sentences: Sentence[], tokens: Token[][]): Token[] {
  for (let i = 1; i < sentences.length; i++) if (sentences[i - 1]!.end >= sentences[i]!.start) return tokenize(article.text);
  return tokens.flat();
}
