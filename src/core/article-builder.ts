/**
 * Builds an Article's text block by block, collapsing whitespace as a browser renders it, and
 * keeps block and link offsets exact while doing so.
 */
import type { Article, Block, BlockKind, Extractor, Link } from './article';
import { MAX_ARTICLE_CHARS } from './limits';

// Non-breaking and other Unicode spaces render as spaces; zero-width and control characters
// render as nothing and would otherwise split words in two.
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u00ad]/g;
const BLOCK_SEPARATOR = '\n\n';

export class ArticleBuilder {
  /**
   * The closed blocks' text, joined once in `build`: a string grown by `+=` is a rope, and every
   * later stage would read its characters through it (tokenizing such a text took half as long again).
   */
  private readonly parts: string[] = [];
  private length = 0;
  private readonly blocks: Block[] = [];
  private readonly links: Link[] = [];
  private current = '';
  private currentLinks: Link[] = [];
  truncated = false;

  /** Appends inline text to the open block. */
  append(raw: string): void {
    if (this.truncated) return;
    let s = raw.replace(INVISIBLE, '').replace(SPACES, ' ');
    if (s === '') return;
    if ((this.current === '' || this.current.endsWith(' ')) && s.startsWith(' ')) s = s.slice(1);
    // Past the cap the block is cut at a word break, so the article never exceeds it.
    const room = MAX_ARTICLE_CHARS - (this.length + BLOCK_SEPARATOR.length) - this.current.length;
    if (s.length > room) {
      const space = s.lastIndexOf(' ', Math.max(0, room));
      let cut = space > 0 ? space : Math.max(0, room);
      // Never between the two halves of a surrogate pair (an emoji).
      if (/[\ud800-\udbff]/.test(s[cut - 1] ?? '')) cut--;
      s = s.slice(0, cut);
      this.truncated = true;
    }
    this.current += s;
  }

  /** Where the next appended character will land in the open block (for link offsets). */
  get cursor(): number {
    return this.current.length;
  }

  addLink(startInBlock: number, href: string): void {
    const start = startInBlock + (this.current.slice(startInBlock, startInBlock + 1) === ' ' ? 1 : 0);
    const end = this.current.trimEnd().length;
    if (end > start) this.currentLinks.push({ start, end, href });
  }

  /** Closes the open block; empty blocks are dropped. Returns the new block's index or -1. */
  endBlock(kind: BlockKind, level = 0, leadIn: number | null = null): number {
    const content = this.current.trimEnd();
    const links = this.currentLinks;
    this.current = '';
    this.currentLinks = [];
    if (content === '') return -1;
    const start = this.parts.length === 0 ? 0 : this.length + BLOCK_SEPARATOR.length;
    if (this.parts.length > 0) this.parts.push(BLOCK_SEPARATOR);
    this.parts.push(content);
    this.length = start + content.length;
    for (const l of links) this.links.push({ start: start + l.start, end: start + Math.min(l.end, content.length), href: l.href });
    this.blocks.push({ kind, start, end: start + content.length, level, leadIn });
    return this.blocks.length - 1;
  }

  hasOpenText(): boolean {
    return this.current.trim() !== '';
  }

  lastBlock(): Block | undefined {
    return this.blocks[this.blocks.length - 1];
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  build(meta: { title: string | null; byline: string | null; extractor: Extractor; lang: string | null; truncated?: boolean }): Article {
    return {
      ...meta,
      text: this.parts.join(''),
      blocks: this.blocks,
      links: this.links,
      truncated: this.truncated || Boolean(meta.truncated),
    };
  }
}
