/**
 * The Article (src/core/article.ts) as it crosses from the content script to the background,
 * which runs the rest of the pipeline on it. Parsed with `zod/mini` on arrival like every other
 * message: offsets must be whole, in order and inside the text, so a forged or corrupted Article
 * cannot make a later stage slice outside its text.
 */
import * as z from 'zod/mini';
import type { Article } from '../core/article';
import { MAX_ARTICLE_CHARS } from '../core/limits';

/**
 * The builder stops appending once the text passes MAX_ARTICLE_CHARS, so the last block can
 * overshoot by one block's worth of text; twice the cap leaves room and still bounds a message.
 */
const MAX_TEXT_CHARS = 2 * MAX_ARTICLE_CHARS;
/** A block needs at least one character; a link at least one too. */
const MAX_ITEMS = MAX_TEXT_CHARS;
const MAX_HREF_CHARS = 8_192;
const MAX_META_CHARS = 2_000;

const offset = z.int().check(z.nonnegative());
const meta = z.nullable(z.string().check(z.maxLength(MAX_META_CHARS)));

const Block = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'quote', 'cell', 'caption']),
  start: offset,
  end: offset,
  level: z.int().check(z.minimum(0), z.maximum(6)),
  leadIn: z.nullable(offset),
});

const Link = z.object({ start: offset, end: offset, href: z.string().check(z.maxLength(MAX_HREF_CHARS)) });

export const ArticleSchema = z.object({
  title: meta,
  byline: meta,
  text: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
  blocks: z.array(Block).check(z.maxLength(MAX_ITEMS)),
  links: z.array(Link).check(z.maxLength(MAX_ITEMS)),
  extractor: z.enum(['readability', 'fallback', 'plain-text']),
  lang: z.nullable(z.string().check(z.maxLength(100))),
  truncated: z.boolean(),
}).check(z.refine((a) => spansFit(a.text.length, a.blocks) && spansFit(a.text.length, a.links) &&
  a.blocks.every((b, i) => b.leadIn === null || b.leadIn < i), 'offsets outside the text'));

function spansFit(length: number, spans: { start: number; end: number }[]): boolean {
  return spans.every((s) => s.start <= s.end && s.end <= length);
}

// The schema and the core's type must describe the same thing, in both directions.
type Parsed = z.infer<typeof ArticleSchema>;
const _toCore = (a: Parsed): Article => a;
const _fromCore = (a: Article): Parsed => a;
void _toCore;
void _fromCore;
