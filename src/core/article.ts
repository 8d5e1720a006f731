/** The extracted article: the text every later stage works on, and its block structure. */

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'cell' | 'caption';

export interface Block {
  kind: BlockKind;
  /** Offsets of the block in `Article.text`. */
  start: number;
  end: number;
  /** Heading level 1-6; 0 for other blocks. */
  level: number;
  /**
   * For a list item: the index of the paragraph that introduces its list ("LDN may help with:");
   * for a table cell: the row's first cell.
   */
  leadIn: number | null;
}

export interface Link {
  start: number;
  end: number;
  href: string;
}

export type Extractor = 'readability' | 'fallback' | 'plain-text';

export interface Article {
  title: string | null;
  byline: string | null;
  /** Blocks joined by blank lines, whitespace collapsed; offsets everywhere refer to this string. */
  text: string;
  blocks: Block[];
  links: Link[];
  extractor: Extractor;
  /** The page's declared language (`<html lang>`), if any. */
  lang: string | null;
  /** True when the page was longer than the caps in `limits.ts` and only its first part was read. */
  truncated: boolean;
}
