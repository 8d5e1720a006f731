/**
 * Plain text (an email, a chat message, a saved .txt page) -> Article. Lines are blocks; a
 * short line without final punctuation followed by more text reads as a heading, and lines
 * starting with a bullet or number read as list items introduced by the line before them.
 */
import type { Article } from './article';
import { ArticleBuilder } from './article-builder';
import { MAX_ARTICLE_CHARS } from './limits';

const BULLET = /^\s*(?:[-*•·‣◦▪–]|\d{1,2}[.)])\s+/;
const HEADING_MAX_CHARS = 90;

export function articleFromText(raw: string): Article {
  const truncated = raw.length > MAX_ARTICLE_CHARS;
  const lines = (truncated ? raw.slice(0, MAX_ARTICLE_CHARS) : raw).split(/\r\n|\r|\n/);
  const b = new ArticleBuilder();
  let leadIn: number | null = null;
  let lastParagraph: number | null = null;
  let lastNonEmpty = lines.length - 1;
  while (lastNonEmpty >= 0 && lines[lastNonEmpty]!.trim() === '') lastNonEmpty--;
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === '') {
      leadIn = null;
      return;
    }
    const bullet = BULLET.exec(text);
    if (bullet) {
      if (leadIn === null) leadIn = lastParagraph;
      b.append(text.slice(bullet[0].length));
      b.endBlock('list-item', 0, leadIn);
      return;
    }
    leadIn = null;
    const heading = text.length <= HEADING_MAX_CHARS && !/[.!?:;,)"”]$/.test(text) && i < lastNonEmpty;
    b.append(text);
    const index = b.endBlock(heading ? 'heading' : 'paragraph', heading ? 2 : 0);
    lastParagraph = heading ? null : index;
  });
  return b.build({ title: null, byline: null, extractor: 'plain-text', lang: null, truncated });
}
