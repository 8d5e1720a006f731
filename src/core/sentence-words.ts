/**
 * Each sentence's tokens and the lexicon's concepts found in them, looked up once per page:
 * the page's subject counts its LDN mentions among them and match reads them.
 */
import type { PreparedDb } from './db';
import type { Hit } from './forms';
import type { Sentence } from './segment';
import { tokenize, type Token } from './tokens';

export interface SentenceWords {
  tokens: Token[];
  concepts: Hit<string>[];
}

/** `text` is the article's text, of which the sentences are ranges. */
export function lookUpSentences(text: string, sentences: Sentence[], db: PreparedDb): SentenceWords[] {
  return sentences.map((s) => {
    const tokens = tokenize(text, s.start, s.end);
    return { tokens, concepts: db.concepts.find(tokens) };
  });
}
