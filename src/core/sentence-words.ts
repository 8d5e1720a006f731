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

export function lookUpSentences(sentences: Sentence[], db: PreparedDb): SentenceWords[] {
  return sentences.map((s) => {
    const tokens = tokenize(s.text, s.start);
    return { tokens, concepts: db.concepts.find(tokens) };
  });
}
