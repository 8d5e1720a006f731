/**
 * The content script's work in one page: extract the Article from a clone of the document
 * (Readability never touches the live page) for the background to check, then find each
 * checked claim's sentence in the live DOM, highlight it, and scroll to it on request. The
 * pipeline and the claims database stay in the background, so the script injected into every
 * checked page is small. Anchoring runs in chunks, so a long page never freezes for the whole of it.
 * After a check it watches the article's container and calls `onArticleChanged` when the
 * article changed and settled (src/extension/change-watcher.ts), so the background re-checks it.
 */
import { buildArticle, findArticle } from '../core/extract';
import { Anchorer, quoteFrom, type Anchor } from './anchor';
import { ChangeWatcher, containerOf } from './change-watcher';
import { copyPage, PAGE_NODE_BUDGET, PAGE_TEXT_BUDGET, type PageCopy } from './page-copy';
import { Highlighter, type Placed } from './highlight';
import { failure, type Anchoring, type ClaimSpan, type ExtractReply, type Orphan, type ShowReply } from './messages';

/** Claims anchored between two yields to the page. */
const ANCHOR_CHUNK = 25;
/** Claims highlighted between two yields to the page (a range each: cheaper than anchoring). */
const HIGHLIGHT_CHUNK = 100;

/** Content types the content script reads; anything else (a PDF, an image, a video) is not a web page. */
const READABLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'text/xml', 'application/xml']);

/** Lets the page handle input and paint before the next stage. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

export class PageSession {
  /** The text of the last extracted Article: the claims' offsets refer to it. */
  private articleText: string | null = null;
  private claims: ClaimSpan[] = [];
  /** One entry per claim: its anchor in the live page, or null. */
  private anchors: (Anchor | null)[] = [];
  /** One entry per claim: its anchor is in the page but cannot be seen (not highlighted; an orphan). */
  private hidden: boolean[] = [];
  private readonly highlighter: Highlighter;
  private highlightsOn = true;
  /** Counts drawings, so a drawing in progress stops when highlights are cleared or drawn again. */
  private drawing = 0;
  /** Counts extractions; `show` must name the one its claims come from. */
  private extraction = 0;
  private readonly watcher: ChangeWatcher;

  constructor(private readonly doc: Document, private readonly win: Window & typeof globalThis, onArticleChanged: () => void = () => undefined) {
    this.highlighter = new Highlighter(doc, win);
    this.watcher = new ChangeWatcher(win, onArticleChanged);
  }

  /** Extracts the page's Article; earlier highlights are removed, since a new report will replace them. */
  async extract(): Promise<ExtractReply> {
    // A check is reading the page: its changes from now on are this check's business.
    this.watcher.stop();
    this.drawing++;
    this.highlighter.clear();
    this.articleText = null;
    this.claims = [];
    this.anchors = [];
    this.hidden = [];
    const type = (this.doc.contentType || 'text/html').toLowerCase();
    if (!READABLE_TYPES.has(type)) return failure('not-a-page', notAPage(type));
    await yieldToPage();
    try {
      // Copying the page, Readability, and reading the article's text each run as a task of their
      // own, with the page free to handle input and paint between them: together they made a
      // 65 ms task on a 10k-word page (the budget is 50). `extractMs` counts the work, not the waits.
      let extractMs = 0;
      const timed = <T>(work: () => T): T => {
        const t0 = performance.now();
        try {
          return work();
        } finally {
          extractMs += performance.now() - t0;
        }
      };
      // A bounded copy of the page (src/extension/page-copy.ts); Readability never sees the live DOM.
      let cut = false;
      const copy = () => {
        const c = copyOf(this.doc);
        cut ||= c.truncated;
        return c.doc;
      };
      let first: Document | null = timed(copy);
      await yieldToPage();
      // Readability takes the copy made above; the fallback, if needed, makes another.
      const freshDocument = () => {
        const doc = first ?? copy();
        first = null;
        return doc;
      };
      const found = timed(() => findArticle({ freshDocument }));
      await yieldToPage();
      const article = timed(() => {
        const extracted = buildArticle(found);
        return cut && !extracted.truncated ? { ...extracted, truncated: true } : extracted;
      });
      // Sending the reply copies the Article (structured clone): a task of its own too.
      await yieldToPage();
      this.articleText = article.text;
      return { ok: true, article, url: this.win.location.href, extractMs, extraction: ++this.extraction };
    } catch (err) {
      return failure('check-failed', `The check failed on this page: ${String(err)}`);
    }
  }

  /** Anchors the checked claims of the last extracted Article and, if asked, highlights them. */
  async show(claims: ClaimSpan[], highlights: boolean, extraction: number): Promise<ShowReply> {
    if (this.articleText === null || extraction !== this.extraction) return failure('not-found', 'The page was read again during the check. Check it again.');
    const length = this.articleText.length;
    if (claims.some((c) => c.start > c.end || c.end > length)) return failure('bad-request', 'The report does not fit the page.');
    this.claims = claims;
    this.highlightsOn = highlights;
    const anchoring = await this.anchorAll();
    await this.draw();
    // A hidden sentence may be shown again by an attribute (a class, `hidden`, `open`): watch those too then.
    this.watcher.watch(containerOf(this.doc, this.anchors.flatMap((a) => (a ? [a.span.startNode] : []))), this.hidden.some(Boolean));
    return { ok: true, anchoring };
  }

  /** Scrolls to a claim's sentence and flashes it; or says why it cannot (the sentence is gone, or hidden). */
  reveal(index: number): true | Orphan['reason'] {
    const text = this.articleText;
    if (text === null || index >= this.claims.length) return 'gone';
    let anchor = this.anchors[index];
    // The page may have changed since the check (a single-page app re-rendering): anchor again.
    if (anchor && !(anchor.span.startNode.isConnected && anchor.span.endNode.isConnected)) anchor = null;
    if (!anchor) {
      const claim = this.claims[index]!;
      anchor = new Anchorer(this.doc.body ?? this.doc, PAGE_TEXT_BUDGET).find(quoteFrom(text, claim.start, claim.end));
      this.anchors[index] = anchor;
    }
    if (!anchor) return 'gone';
    if (!isVisible(anchor)) return 'hidden';
    this.highlighter.reveal(anchor.span, index);
    return true;
  }

  setHighlights(on: boolean): void {
    this.highlightsOn = on;
    if (!on) {
      this.drawing++;
      this.highlighter.clear();
      this.watcher.ignorePending();
    } else if (this.articleText !== null) {
      // In mark mode, clearing rewrote text nodes; anchor afresh before drawing.
      if (this.highlighter.mode === 'mark') void this.anchorAll().then(() => this.draw());
      else void this.draw();
    }
  }

  private async anchorAll(): Promise<Anchoring> {
    const text = this.articleText!;
    const claims = this.claims;
    // Mapping the page's text is a task of its own on a long page, apart from the message that asked for it.
    await yieldToPage();
    // The article came from at most PAGE_TEXT_BUDGET characters of the page: search no further.
    const anchorer = new Anchorer(this.doc.body ?? this.doc, PAGE_TEXT_BUDGET);
    const bySentence = new Map<string, Anchor | null>();
    this.anchors = [];
    for (let i = 0; i < claims.length; i++) {
      if (i % ANCHOR_CHUNK === 0) await yieldToPage();
      const c = claims[i]!;
      const key = `${c.start}:${c.end}`;
      if (!bySentence.has(key)) bySentence.set(key, anchorer.find(quoteFrom(text, c.start, c.end)));
      this.anchors.push(bySentence.get(key) ?? null);
    }
    // Found but not visible: no highlight, and listed as such. Computed style, so one pass after anchoring.
    const visible = new Map<Anchor, boolean>();
    this.hidden = this.anchors.map((a) => {
      if (!a) return false;
      if (!visible.has(a)) visible.set(a, isVisible(a));
      return !visible.get(a);
    });
    const orphans: Orphan[] = [];
    this.anchors.forEach((a, index) => {
      if (!a) orphans.push({ index, reason: 'gone' });
      else if (this.hidden[index]) orphans.push({ index, reason: 'hidden' });
    });
    return { anchored: claims.length - orphans.length, total: claims.length, orphans };
  }

  /** Highlights the anchored claims, HIGHLIGHT_CHUNK per task; a newer drawing or `clear` stops an older one. */
  private async draw(): Promise<void> {
    const drawing = ++this.drawing;
    if (!this.highlightsOn || this.articleText === null) return;
    // A sentence with several claims is drawn once, in the colour of its first claim.
    const drawn = new Set<Anchor>();
    const items: (Placed | null)[] = this.anchors.map((a, i) => {
      if (!a || this.hidden[i] || drawn.has(a)) return null;
      drawn.add(a);
      return { level: this.claims[i]!.label, span: a.span, at: a.start };
    });
    // In mark mode drawing rewrites text nodes; those changes are ours, not the page's.
    const pause = () => {
      this.watcher.ignorePending();
      return yieldToPage();
    };
    await this.highlighter.showInChunks(items, HIGHLIGHT_CHUNK, pause, () => drawing !== this.drawing);
    this.watcher.ignorePending();
  }
}

/**
 * Whether a reader can see an anchored sentence: its first element has a box and is not
 * `visibility: hidden` (a `display: none` ancestor, `hidden`, a closed `<details>`). Without
 * layout (linkedom in unit tests) everything counts as visible.
 */
function isVisible(anchor: Anchor): boolean {
  const node = anchor.span.startNode;
  const el = node.parentElement;
  if (!el) return true;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(el, { visibilityProperty: true });
}

/**
 * `copyPage`, made by the browser itself when the page is within its budgets: copying node by
 * node in script was the longest task of a check on a 10k-word page (34 ms cold), where the
 * native deep clone, the same copy when nothing is left out, takes a few. The budgets are
 * checked natively too: the text's length, and the number of nodes counted by XPath (the
 * doctype, which XPath does not see, is one node more).
 */
function copyOf(live: Document): PageCopy {
  const text = live.documentElement?.textContent?.length ?? 0;
  if (text < PAGE_TEXT_BUDGET && typeof live.evaluate === 'function') {
    const nodes = live.evaluate('count(//node())', live, null, 1 /* XPathResult.NUMBER_TYPE */, null).numberValue + 1;
    if (nodes < PAGE_NODE_BUDGET) return { doc: live.cloneNode(true) as Document, truncated: false };
  }
  return copyPage(live);
}

/** Why a tab of this content type cannot be checked, and what to do instead. */
function notAPage(type: string): string {
  if (type === 'application/pdf') return 'This tab shows a PDF, not a web page. Copy its text into "Paste text" to check it.';
  const kind = type.split('/')[0];
  if (kind === 'image' || kind === 'video' || kind === 'audio') return `This tab shows ${kind === 'image' ? 'an image' : `a ${kind} file`} (${type}), not a web page; there is no text to check.`;
  return `This tab shows a ${type} file, not a web page. Copy its text into "Paste text" to check it.`;
}
