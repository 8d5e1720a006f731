/**
 * Links that open a page scrolled to one sentence and highlight it: URL text fragments
 * (`#:~:text=prefix-,start,end,-suffix`, https://wicg.github.io/scroll-to-text-fragment/), which
 * Chromium browsers and Safari follow. The few words around the sentence, when known, tell a
 * browser which of several identical sentences is meant.
 */

/** Sentences up to this many words are quoted whole; longer ones by their first and last words. */
const WHOLE_SENTENCE_WORDS = 8;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/** Characters with meaning in the fragment syntax (`-`, `,`, `&`) are percent-encoded, as the spec requires. */
function encode(text: string): string {
  // A lone surrogate (half an emoji, cut by a page or a cap) would make encodeURIComponent throw.
  return encodeURIComponent(text.toWellFormed()).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function words(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w !== '');
}

/** The page's address without its fragment, in its percent-encoded form (so `<` and spaces never reach an export raw). */
function pageAddress(url: string): string {
  const bare = url.replace(/#.*$/, '');
  try {
    return new URL(bare).href;
  } catch {
    return encodeURI(bare);
  }
}

export interface FragmentContext {
  /** Text just before the sentence (only its last words are used). */
  before?: string;
  /** Text just after the sentence (only its first words are used). */
  after?: string;
}

export function textFragmentUrl(url: string, sentence: string, context: FragmentContext = {}): string {
  const w = words(sentence);
  const quote = w.length <= WHOLE_SENTENCE_WORDS
    ? encode(w.join(' '))
    : `${encode(w.slice(0, EDGE_WORDS).join(' '))},${encode(w.slice(-EDGE_WORDS).join(' '))}`;
  const prefix = words(context.before ?? '').slice(-CONTEXT_WORDS).join(' ');
  const suffix = words(context.after ?? '').slice(0, CONTEXT_WORDS).join(' ');
  const directive = `${prefix ? `${encode(prefix)}-,` : ''}${quote}${suffix ? `,-${encode(suffix)}` : ''}`;
  return `${pageAddress(url)}#:~:text=${directive}`;
}

/** How far around the sentence to look for context words. */
const CONTEXT_CHARS = 80;

/**
 * The link to a claim's sentence in a report's page, with the words around it for context, taken
 * from the sentence's own paragraph only: browsers match a fragment's prefix and suffix within
 * one block of the page, and context that runs into the heading before ("entrance. The trial-,")
 * makes Chromium ignore the whole link. (Blocks are separated by line breaks in the article text.)
 */
export function claimLink(url: string, articleText: string, claim: { sentence: string; start: number; end: number }): string {
  const before = articleText.slice(Math.max(0, claim.start - CONTEXT_CHARS), claim.start);
  const after = articleText.slice(claim.end, claim.end + CONTEXT_CHARS);
  return textFragmentUrl(url, claim.sentence, { before: before.slice(before.lastIndexOf('\n') + 1), after: after.split('\n')[0] });
}
