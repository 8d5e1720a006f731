/**
 * Caps on work, so no page can freeze a tab or the CLI. Each cap, when hit, is reported in the
 * Report's `notices`, never applied silently.
 */

/** HTML beyond this many characters is not parsed (a 20 MB page is checked on its first 5 MB). */
export const MAX_HTML_CHARS = 5_000_000;

/**
 * Markup nested deeper than this is read without Readability, whose recursion would take seconds
 * and then overflow the stack (browsers already cap the DOM at 512 levels).
 */
export const MAX_READABILITY_DEPTH = 1000;

/** Article text beyond this is not segmented: about 130,000 words, past any real article. */
export const MAX_ARTICLE_CHARS = 800_000;

/** A "sentence" longer than this (a wall of text with no punctuation) is cut at a word break. */
export const MAX_SENTENCE_CHARS = 600;

/** At most this many claims are reported for one sentence. */
export const MAX_CLAIMS_PER_SENTENCE = 4;
