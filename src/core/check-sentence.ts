/**
 * One sentence, as if it stood on a page about LDN: how a claim's own examples and near-misses
 * are tested, and how pasted snippets are read.
 */
import type { PreparedDb } from './db';
import { grade, type GradedClaim } from './grade';
import { match } from './match';
import { articleFromText } from './plain-text';
import { segment } from './segment';
import { lookUpSentences } from './sentence-words';

export function checkSentence(text: string, db: PreparedDb): GradedClaim[] {
  const article = articleFromText(text);
  const sentences = segment(article);
  const words = lookUpSentences(article.text, sentences, db.lexicon);
  return grade(match(sentences, words, { aboutLdn: true, ldnMentions: 1, language: 'en', words: 0, condition: null }, db));
}
