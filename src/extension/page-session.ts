/**
 * The content script's work in one page: extract the Article from a clone of the document
 * (Readability never touches the live page) for the background to check, then find each
 * checked claim's sentence in the live DOM, highlight it, and scroll to it on request. The
 * pipeline and the claims database stay in the background, so the script injected into every
 * checked page is small. Anchoring runs in chunks, so a long page never freezes for the whole of it.
 */
import { extractArticle } from '../core/extract';
import { Anchorer, quoteFrom, type Anchor } from './anchor';
import { Highlighter, type Placed } from './highlight';
import { failure, type Anchoring, type ClaimSpan, type ExtractReply, type ShowReply } from './messages';

/** Claims anchored between two yields to the page. */
const ANCHOR_CHUNK = 25;

/** Lets the page handle input and paint before the next stage. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

export class PageSession {
  /** The text of the last extracted Article: the claims' offsets refer to it. */
  private articleText: string | null = null;
  private claims: ClaimSpan[] = [];
  /** One entry per claim: its anchor in the live page, or null. */
  private anchors: (Anchor | null)[] = [];
  private readonly highlighter: Highlighter;
  private highlightsOn = true;

  constructor(private readonly doc: Document, private readonly win: Window & typeof globalThis) {
    this.highlighter = new Highlighter(doc, win);
  }

  /** Extracts the page's Article; earlier highlights are removed, since a new report will replace them. */
  async extract(): Promise<ExtractReply> {
    this.highlighter.clear();
    this.articleText = null;
    this.claims = [];
    this.anchors = [];
    await yieldToPage();
    try {
      const t0 = performance.now();
      const article = extractArticle({ freshDocument: () => this.doc.cloneNode(true) as Document });
      const extractMs = performance.now() - t0;
      this.articleText = article.text;
      return { ok: true, article, url: this.win.location.href, extractMs };
    } catch (err) {
      return failure('check-failed', `The check failed on this page: ${String(err)}`);
    }
  }

  /** Anchors the checked claims of the last extracted Article and, if asked, highlights them. */
  async show(claims: ClaimSpan[], highlights: boolean): Promise<ShowReply> {
    if (this.articleText === null) return failure('not-found', 'The page has changed since it was read. Check it again.');
    const length = this.articleText.length;
    if (claims.some((c) => c.start > c.end || c.end > length)) return failure('bad-request', 'The report does not fit the page.');
    this.claims = claims;
    this.highlightsOn = highlights;
    const anchoring = await this.anchorAll();
    this.draw();
    return { ok: true, anchoring };
  }

  reveal(index: number): boolean {
    const text = this.articleText;
    if (text === null || index >= this.claims.length) return false;
    let anchor = this.anchors[index];
    // The page may have changed since the check (a single-page app re-rendering): anchor again.
    if (anchor && !(anchor.span.startNode.isConnected && anchor.span.endNode.isConnected)) anchor = null;
    if (!anchor) {
      const claim = this.claims[index]!;
      anchor = new Anchorer(this.doc.body ?? this.doc).find(quoteFrom(text, claim.start, claim.end));
      this.anchors[index] = anchor;
    }
    if (!anchor) return false;
    this.highlighter.reveal(anchor.span, index);
    return true;
  }

  setHighlights(on: boolean): void {
    this.highlightsOn = on;
    if (!on) this.highlighter.clear();
    else if (this.articleText !== null) {
      // In mark mode, clearing rewrote text nodes; anchor afresh before drawing.
      if (this.highlighter.mode === 'mark') void this.anchorAll().then(() => this.draw());
      else this.draw();
    }
  }

  private async anchorAll(): Promise<Anchoring> {
    const text = this.articleText!;
    const claims = this.claims;
    const anchorer = new Anchorer(this.doc.body ?? this.doc);
    const bySentence = new Map<string, Anchor | null>();
    this.anchors = [];
    for (let i = 0; i < claims.length; i++) {
      if (i > 0 && i % ANCHOR_CHUNK === 0) await yieldToPage();
      const c = claims[i]!;
      const key = `${c.start}:${c.end}`;
      if (!bySentence.has(key)) bySentence.set(key, anchorer.find(quoteFrom(text, c.start, c.end)));
      this.anchors.push(bySentence.get(key) ?? null);
    }
    return { anchored: this.anchors.filter((a) => a !== null).length, total: claims.length };
  }

  private draw(): void {
    if (!this.highlightsOn || this.articleText === null) return;
    // A sentence with several claims is drawn once, in the colour of its first claim.
    const drawn = new Set<Anchor>();
    const items: (Placed | null)[] = this.anchors.map((a, i) => {
      if (!a || drawn.has(a)) return null;
      drawn.add(a);
      return { level: this.claims[i]!.label, span: a.span, at: a.start };
    });
    this.highlighter.show(items);
  }
}
