/**
 * extract: page DOM -> Article. Readability finds the article; when it finds none, the element
 * holding the most paragraph text stands in. Either way the chosen element is walked once to
 * build the article text with its headings, list items (and the paragraph that introduces each
 * list) and links.
 *
 * Readability rewrites the document it is given, so the caller passes a factory of disposable
 * copies: in the content script a clone of the live page, in Node a fresh parse.
 */
import { Readability } from '@mozilla/readability';
import type { Article, BlockKind, Extractor } from './article';
import { ArticleBuilder } from './article-builder';
import { MAX_READABILITY_DEPTH } from './limits';

/** Readability's default is 500; clinic posts with short intros and long lists fall under it. */
const READABILITY_CHAR_THRESHOLD = 250;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS',
  'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'FORM', 'HEAD', 'MATH']);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const BLOCK_KIND: Record<string, BlockKind> = {
  P: 'paragraph', DIV: 'paragraph', SECTION: 'paragraph', ARTICLE: 'paragraph', MAIN: 'paragraph',
  HEADER: 'paragraph', FOOTER: 'paragraph', ASIDE: 'paragraph', NAV: 'paragraph', FIGURE: 'paragraph',
  PRE: 'paragraph', ADDRESS: 'paragraph', DL: 'paragraph', DT: 'paragraph', DD: 'paragraph',
  UL: 'paragraph', OL: 'paragraph', TABLE: 'paragraph', TBODY: 'paragraph', THEAD: 'paragraph', TR: 'paragraph',
  LI: 'list-item', BLOCKQUOTE: 'quote', TD: 'cell', TH: 'cell', FIGCAPTION: 'caption', CAPTION: 'caption',
};

/** Articles longer than this (about 400 words) are the page's substance; their comments are not read. */
const THREAD_ARTICLE_MAX_CHARS = 2500;
/** A post shorter than this is chrome ("Reply", "Log in to comment"), not part of a discussion. */
const MIN_POST_CHARS = 60;
const POST_NAME = /(?:^|[\s_-])(?:comments?|repl(?:y|ies)|answers?|posts?)(?:$|[\s_-])/i;
const THREAD_HEADING = 'Discussion';

/** Bold-only paragraphs shorter than this, without final punctuation, read as headings. */
const PSEUDO_HEADING_MAX_CHARS = 100;

export interface ExtractOptions {
  /** Returns a disposable copy of the page; called once for Readability and once more for the fallback. */
  freshDocument: () => Document;
  /** Marks the result when the HTML was cut before parsing. */
  truncated?: boolean;
}

export function extractArticle(options: ExtractOptions): Article {
  return buildArticle(findArticle(options));
}

/** The element holding the article, and what is known about it, before its text is read. */
export interface FoundArticle {
  root: Element;
  meta: Meta;
  /** A discussion's posts, in page order, when the discussion is the page's substance. */
  thread: Element[];
  /** The posts already hold the article (a forum's opening post is one of them): read only the posts. */
  articleInThread: boolean;
}

/**
 * extractArticle in two steps, so the content script can let the page breathe between
 * Readability's work and reading the article's text: `findArticle`, then `buildArticle`.
 */
export function findArticle({ freshDocument, truncated = false }: ExtractOptions): FoundArticle {
  const doc = freshDocument();
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  // Readability recurses through the tree: on pathologically deep markup it spends seconds before
  // overflowing the stack, so such pages go straight to the fallback (browsers cap depth at 512).
  if (domDepth(doc) <= MAX_READABILITY_DEPTH) {
    try {
      parsed = new Readability<Element>(doc, { serializer: (el) => el as Element, charThreshold: READABILITY_CHAR_THRESHOLD }).parse();
    } catch {
      // Readability throws on some malformed trees; the fallback below still reads the page.
      parsed = null;
    }
  }
  // Readability always returns its best attempt; below its own threshold that attempt is not an article.
  const text = (parsed?.textContent ?? '').trim();
  if (parsed?.content && text.length >= READABILITY_CHAR_THRESHOLD) {
    // Readability drops comment sections; on a forum thread the replies are what people read.
    const thread = text.length <= THREAD_ARTICLE_MAX_CHARS ? discussionPosts(freshDocument(), text) : { posts: [], articleInside: false };
    return {
      root: parsed.content,
      meta: { title: clean(parsed.title), byline: clean(parsed.byline), extractor: 'readability', lang, truncated },
      thread: thread.posts,
      articleInThread: thread.articleInside,
    };
  }
  const fallbackDoc = freshDocument();
  const root = largestTextBlock(fallbackDoc);
  return { root, meta: { title: clean(fallbackDoc.title), byline: null, extractor: 'fallback', lang, truncated }, thread: [], articleInThread: false };
}

export function buildArticle(found: FoundArticle): Article {
  const b = new ArticleBuilder();
  if (!found.articleInThread) walk(b, found.root);
  if (found.thread.length > 0 && !found.articleInThread) {
    b.append(THREAD_HEADING);
    b.endBlock('heading', 2);
  }
  for (const post of found.thread) walk(b, post);
  return b.build(found.meta);
}

/**
 * A discussion's posts: elements named as comments, replies, answers or posts (outermost only),
 * each with some text, that together hold more text than the article Readability found. A
 * clinic blog's "Be the first to comment" never qualifies; a forum thread under a short
 * opening post does.
 */
function discussionPosts(doc: Document, articleText: string): { posts: Element[]; articleInside: boolean } {
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const posts: Element[] = [];
  const seen = new Set<Element>();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!POST_NAME.test(name) || SKIP.has(el.tagName.toUpperCase())) continue;
    let ancestor = el.parentElement;
    while (ancestor && !seen.has(ancestor)) ancestor = ancestor.parentElement;
    if (ancestor) continue;
    seen.add(el);
    if (squash(el.textContent ?? '').length >= MIN_POST_CHARS) posts.push(el);
  }
  const postsText = squash(posts.map((p) => p.textContent ?? '').join(' '));
  const article = squash(articleText);
  if (postsText.length <= article.length) return { posts: [], articleInside: false };
  // Readability may have picked the opening post, or the replies; either way it is among the posts.
  return { posts, articleInside: postsText.includes(article.slice(0, 80)) };
}

/** The depth of the document's element tree, walked without recursion. */
function domDepth(doc: Document): number {
  let max = 0;
  const stack: [Element, number][] = doc.documentElement ? [[doc.documentElement, 1]] : [];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_READABILITY_DEPTH) return max;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return max;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/**
 * The element whose own paragraphs, list items and headings hold the most text: the "largest
 * text block". Only direct children count, so a wrapper around the whole page does not win just
 * by containing everything.
 */
function largestTextBlock(doc: Document): Element {
  let best: Element | null = null;
  let bestScore = 0;
  for (const el of Array.from(doc.querySelectorAll('body, body *'))) {
    if (SKIP.has(el.tagName.toUpperCase())) continue;
    let score = 0;
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (tag === 'P' || tag === 'LI' || tag === 'BLOCKQUOTE' || tag === 'PRE' || tag in HEADINGS) score += (child.textContent ?? '').length;
      else if (tag === 'UL' || tag === 'OL') score += (child.textContent ?? '').length;
    }
    for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) score += (node.textContent ?? '').trim().length;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ?? doc.body ?? doc.documentElement;
}

interface Meta {
  title: string | null;
  byline: string | null;
  extractor: Extractor;
  lang: string | null;
  truncated: boolean;
}

function walk(b: ArticleBuilder, root: Element): void {
  // Iterative depth-first walk: deeply nested pages must not overflow the stack.
  type Frame = { node: Node; exit: boolean; linkStart?: number; blockKind?: BlockKind; level?: number; listLeadIn?: number | null };
  const stack: Frame[] = [{ node: root, exit: false }];
  const leadIns: (number | null)[] = [];
  const rowHeads: (number | null)[] = [];
  while (stack.length > 0 && !b.truncated) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (frame.exit) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'A' && frame.linkStart !== undefined) {
        const href = el.getAttribute('href');
        if (href && !href.startsWith('javascript:')) b.addLink(frame.linkStart, href);
      } else if (tag === 'UL' || tag === 'OL') {
        leadIns.pop();
      } else if (tag === 'TR') {
        rowHeads.pop();
      } else if (frame.blockKind) {
        const kind = frame.blockKind === 'paragraph' && isPseudoHeading(el) ? 'heading' : frame.blockKind;
        const level = kind === 'heading' ? frame.level || 6 : 0;
        const row = rowHeads.length - 1;
        // A table row's first cell introduces the others ("Fibromyalgia | Two small trials found...").
        const leadIn = kind === 'list-item' ? leadIns[leadIns.length - 1] ?? null : kind === 'cell' && row >= 0 ? rowHeads[row]! : null;
        const index = b.endBlock(kind, level, leadIn);
        if (kind === 'cell' && row >= 0 && rowHeads[row] === null && index >= 0) rowHeads[row] = index;
      }
      continue;
    }
    if (node.nodeType === 3) {
      b.append(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.hasAttribute('hidden') || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) continue;
    if (tag === 'BR') {
      if (b.hasOpenText()) b.endBlock(currentKindOf(stack));
      continue;
    }
    const level = HEADINGS[tag];
    const kind: BlockKind | undefined = level ? 'heading' : BLOCK_KIND[tag];
    const exit: Frame = { node, exit: true };
    if (kind) {
      // Text before a nested block belongs to a block of its own.
      if (b.hasOpenText()) b.endBlock(currentKindOf(stack));
      exit.blockKind = kind;
      exit.level = level ?? 0;
    }
    if (tag === 'UL' || tag === 'OL') {
      const prev = b.lastBlock();
      leadIns.push(prev && prev.kind === 'paragraph' ? b.blockCount - 1 : null);
    }
    if (tag === 'TR') rowHeads.push(null);
    if (tag === 'A') exit.linkStart = b.cursor;
    stack.push(exit);
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  if (b.hasOpenText()) b.endBlock('paragraph');
}

/** The kind of the innermost open block on the walk's stack, for text closed early by a `<br>` or a nested block. */
function currentKindOf(stack: { exit: boolean; blockKind?: BlockKind }[]): BlockKind {
  for (let i = stack.length - 1; i >= 0; i--) {
    const f = stack[i]!;
    if (f.exit && f.blockKind) return f.blockKind;
  }
  return 'paragraph';
}

function isPseudoHeading(el: Element): boolean {
  if (el.tagName.toUpperCase() !== 'P') return false;
  const text = (el.textContent ?? '').trim();
  if (text === '' || text.length > PSEUDO_HEADING_MAX_CHARS || /[.!?:;,]$/.test(text)) return false;
  const kids = Array.from(el.children);
  if (kids.length !== 1) return false;
  const only = kids[0]!;
  return ['STRONG', 'B'].includes(only.tagName.toUpperCase()) && (only.textContent ?? '').trim() === text;
}
