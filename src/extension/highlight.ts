/**
 * Draws anchored claims in the live page. With the CSS Custom Highlight API (`CSS.highlights`)
 * the page's DOM is never touched: one `Highlight` per level holds that level's ranges. Where the
 * API is missing, each text node of a range is split and wrapped in a `<mark>`, and `clear()`
 * unwraps them again. Styles come from `pageCss()` (src/extension/label-style.ts). Hovering a
 * claim shows its label (src/extension/hover-label.ts; a `<mark>` carries it as its title).
 */
import { levelText, type Level } from '../core/levels';
import { HoverLabel } from './hover-label';
import type { DomSpan } from './text-map';
import { FLASH_HIGHLIGHT, highlightName, MARK_ATTRIBUTE, MARK_FLASH_ATTRIBUTE } from './label-style';

/** How long a revealed sentence stays flashed. */
export const FLASH_MS = 1600;

export interface Placed {
  level: Level;
  span: DomSpan;
  /** Start in the page's text map: marks are wrapped last-first so earlier spans stay valid. */
  at: number;
}

export function hasHighlightApi(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export function rangeOf(doc: Document, span: DomSpan): Range {
  const r = doc.createRange();
  r.setStart(span.startNode, span.startOffset);
  r.setEnd(span.endNode, span.endOffset);
  return r;
}

export class Highlighter {
  private names = new Set<string>();
  private marks: HTMLElement[] = [];
  /** Shows a claim's label when the pointer rests on its highlight (the API draws no element to hover). */
  private readonly hover: HoverLabel;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly useApi: boolean;

  constructor(private readonly doc: Document, private readonly win: Window & typeof globalThis, forceMarks = false) {
    this.useApi = !forceMarks && hasHighlightApi(win);
    this.hover = new HoverLabel(doc, win);
  }

  get mode(): 'highlight-api' | 'mark' {
    return this.useApi ? 'highlight-api' : 'mark';
  }

  /**
   * Replaces whatever was drawn before with `items` (one per claim, null when not anchored; a
   * sentence shared by several claims should appear once). After `clear()` in mark mode the
   * page's text nodes have changed: anchor again before showing again.
   */
  show(items: (Placed | null)[]): void {
    this.clear();
    const order = this.order(items);
    if (this.useApi) this.register(this.rangesByLevel(order));
    else this.wrap(order);
  }

  /**
   * `show`, `chunk` items at a time with `pause()` between, so that drawing hundreds of claims on
   * a long page is not one long task; stops early when `stale()` says a newer drawing began. With
   * the Highlight API the ranges are made in chunks but registered together at the end, so the
   * page repaints its highlights once, not once per chunk.
   */
  async showInChunks(items: (Placed | null)[], chunk: number, pause: () => Promise<void>, stale: () => boolean = () => false): Promise<void> {
    this.clear();
    const order = this.order(items);
    const byLevel = new Map<Level, Range[]>();
    for (let i = 0; i < order.length; i += chunk) {
      if (i > 0) {
        await pause();
        if (stale()) return;
      }
      const part = order.slice(i, i + chunk);
      if (this.useApi) this.rangesByLevel(part, byLevel);
      else this.wrap(part);
    }
    if (this.useApi) this.register(byLevel);
  }

  /**
   * The drawing order. Wrapping splits text nodes; a split keeps the node's first part in place,
   * so going from the end of the page backwards never invalidates a span still to be wrapped.
   */
  private order(items: (Placed | null)[]): { item: Placed; index: number }[] {
    const order = items.flatMap((item, index) => (item ? [{ item, index }] : []));
    if (!this.useApi) order.sort((a, b) => b.item.at - a.item.at);
    return order;
  }

  private rangesByLevel(order: { item: Placed }[], byLevel = new Map<Level, Range[]>()): Map<Level, Range[]> {
    for (const { item } of order) {
      const list = byLevel.get(item.level) ?? [];
      list.push(rangeOf(this.doc, item.span));
      byLevel.set(item.level, list);
    }
    return byLevel;
  }

  private register(byLevel: Map<Level, Range[]>): void {
    for (const [level, ranges] of byLevel) {
      const name = highlightName(level);
      this.win.CSS.highlights.set(name, new this.win.Highlight(...ranges));
      this.names.add(name);
    }
    this.hover.set([...byLevel].flatMap(([level, ranges]) => ranges.map((range) => ({ range, level }))));
  }

  private wrap(order: { item: Placed; index: number }[]): void {
    for (const { item, index } of order) this.marks.push(...wrapSpan(this.doc, item.span, item.level, index));
  }

  clear(): void {
    this.hover.stop();
    for (const name of this.names) this.win.CSS.highlights.delete(name);
    this.names.clear();
    if (this.useApi) this.win.CSS.highlights.delete(FLASH_HIGHLIGHT);
    for (const mark of this.marks) unwrap(mark);
    this.marks = [];
  }

  /** Scrolls to a claim and flashes it for `FLASH_MS`. */
  reveal(span: DomSpan, index: number): void {
    const range = rangeOf(this.doc, span);
    const reduced = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const el = span.startNode.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    clearTimeout(this.flashTimer);
    if (this.useApi) {
      const flash = new this.win.Highlight(range);
      // Above the level highlights, so the flash shows over them.
      flash.priority = 1;
      this.win.CSS.highlights.set(FLASH_HIGHLIGHT, flash);
      this.flashTimer = setTimeout(() => this.win.CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
    } else {
      const marks = this.marks.filter((m) => m.getAttribute('data-evidence-lens-index') === String(index));
      for (const m of marks) m.setAttribute(MARK_FLASH_ATTRIBUTE, '');
      this.flashTimer = setTimeout(() => marks.forEach((m) => m.removeAttribute(MARK_FLASH_ATTRIBUTE)), FLASH_MS);
    }
  }
}

/** Wraps the part of each text node inside `span` in a `<mark>`; returns the marks. */
export function wrapSpan(doc: Document, span: DomSpan, level: Level, index: number): HTMLElement[] {
  const texts = textNodesBetween(span.startNode, span.endNode);
  const marks: HTMLElement[] = [];
  for (const node of texts) {
    const from = node === span.startNode ? span.startOffset : 0;
    const to = node === span.endNode ? span.endOffset : node.data.length;
    if (to <= from || !node.parentNode) continue;
    // Split by hand (as `splitText` would): the node keeps its first part, so offsets before
    // `from` in it stay valid for spans wrapped after this one.
    const data = node.data;
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, level);
    mark.setAttribute('data-evidence-lens-index', String(index));
    // A <mark> can carry its label as a native tooltip.
    mark.title = `Evidence Lens: ${levelText(level)}`;
    mark.appendChild(doc.createTextNode(data.slice(from, to)));
    const next = node.nextSibling;
    node.parentNode.insertBefore(mark, next);
    if (to < data.length) node.parentNode.insertBefore(doc.createTextNode(data.slice(to)), next);
    node.data = data.slice(0, from);
    marks.push(mark);
  }
  return marks;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  parent.removeChild(mark);
  parent.normalize();
}

/** Text nodes from `start` to `end` inclusive, in document order. */
function textNodesBetween(start: Text, end: Text): Text[] {
  const out: Text[] = [];
  let node: Node | null = start;
  while (node) {
    if (node.nodeType === 3) out.push(node as Text);
    if (node === end) break;
    node = nextNode(node);
  }
  return out;
}

function nextNode(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n && !n.nextSibling) n = n.parentNode;
  return n ? n.nextSibling : null;
}
