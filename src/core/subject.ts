/**
 * What the page is about and what language it is in, read once per page. A page that never
 * names LDN is not graded as an LDN page: "it" on a cooking blog is not naltrexone.
 */
import type { Article } from './article';
import type { PreparedDb } from './db';
import { tokenize } from './tokens';

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

export function pageSubject(article: Article, db: PreparedDb, assumeAboutLdn = false): PageSubject {
  const tokens = tokenize(article.text);
  const mentions = db.concepts.find(tokens).filter((h) => h.key === 'ldn').length;
  const inTitle = article.title !== null && db.concepts.find(tokenize(article.title)).some((h) => h.key === 'ldn');
  const words = tokens.filter((t) => /\p{L}/u.test(t.norm));
  let language: PageSubject['language'] = 'unknown';
  if (words.length >= MIN_WORDS_FOR_LANGUAGE) {
    const share = words.filter((t) => ENGLISH.has(t.norm)).length / words.length;
    language = share >= MIN_ENGLISH_SHARE ? 'en' : 'other';
  }
  return { aboutLdn: assumeAboutLdn || inTitle || mentions >= MIN_MENTIONS, ldnMentions: mentions, language };
}
