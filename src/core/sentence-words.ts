/**
 * Each sentence's tokens and the lexicon's concepts and cues found in them, looked up once per
 * page: the page's subject counts its LDN mentions among them, and match reads them.
 */
import type { CompiledConcept, CueKind } from './db';
import { FormIndex, type Hit } from './forms';
import type { Sentence } from './segment';
import { tokenize, type Token } from './tokens';

export interface SentenceWords {
  tokens: Token[];
  concepts: Hit<string>[];
  cues: Hit<CueKind>[];
}

const CONCEPTS = 0;
const CUES = 1;

/**
 * The lexicon's concept forms and cue forms in one index, in two lanes: most sentences are
 * asked for both, and one pass over their words finds both for less than two passes.
 */
export class Lexicon {
  private readonly index = new FormIndex<string>();

  constructor(concepts: Record<string, CompiledConcept>, cues: Record<CueKind, string[]>, cueKinds: readonly CueKind[]) {
    for (const [id, c] of Object.entries(concepts)) for (const f of c.forms) this.index.add(id, f, CONCEPTS);
    for (const kind of cueKinds) for (const f of cues[kind]) this.index.add(kind, f, CUES);
  }

  /** The concepts and cues named in `tokens`. */
  find(tokens: Token[]): SentenceWords {
    const lanes = this.index.find(tokens);
    // The cue lane holds cue kinds only: they were added as its keys above.
    return { tokens, concepts: lanes[CONCEPTS]!, cues: lanes[CUES]! as Hit<CueKind>[] };
  }
}

/** `text` is the article's text, of which the sentences are ranges. */
export function lookUpSentences(text: string, sentences: Sentence[], lexicon: Lexicon): SentenceWords[] {
  return sentences.map((s) => lexicon.find(tokenize(text, s.start, s.end)));
}
