/**
 * The content script's work in one page: check a clone of the document with the core pipeline
 * (Readability never touches the live page), find each claim's sentence in the live DOM,
 * highlight it, and scroll to it on request. Stages yield to the page in between, and anchoring
 * runs in chunks, so a long page never freezes for the whole check.
 */
import { checkPage } from '../core/pipeline';
import type { Report } from '../core/report-schema';
import { Anchorer, quoteFrom, type Anchor } from './anchor';
import { bundledDb } from './db';
import { Highlighter, type Placed } from './highlight';
import { failure, type Anchoring, type CheckReply } from './messages';

/** Claims anchored between two yields to the page. */
const ANCHOR_CHUNK = 25;

/** Lets the page handle input and paint before the next stage. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

export class PageSession {
  private report: Report | null = null;
  /** One entry per claim of the report: its anchor in the live page, or null. */
  private anchors: (Anchor | null)[] = [];
  private readonly highlighter: Highlighter;
  private highlightsOn = true;

  constructor(private readonly doc: Document, private readonly win: Window & typeof globalThis) {
    this.highlighter = new Highlighter(doc, win);
  }

  async check(options: { assumeAboutLdn: boolean; highlights: boolean }): Promise<CheckReply> {
    this.highlightsOn = options.highlights;
    this.highlighter.clear();
    await yieldToPage();
    let report: Report;
    try {
      report = checkPage(
        { kind: 'document', freshDocument: () => this.doc.cloneNode(true) as Document },
        bundledDb(),
        { url: this.win.location.href, assumeAboutLdn: options.assumeAboutLdn },
      );
    } catch (err) {
      return failure('check-failed', `The check failed on this page: ${String(err)}`);
    }
    this.report = report;
    await yieldToPage();
    const anchoring = await this.anchorAll();
    this.draw();
    return { ok: true, report, anchoring };
  }

  reveal(index: number): boolean {
    if (!this.report || index >= this.report.claims.length) return false;
    let anchor = this.anchors[index];
    // The page may have changed since the check (a single-page app re-rendering): anchor again.
    if (anchor && !(anchor.span.startNode.isConnected && anchor.span.endNode.isConnected)) anchor = null;
    if (!anchor) {
      const claim = this.report.claims[index]!;
      anchor = new Anchorer(this.doc.body ?? this.doc).find(quoteFrom(this.report.articleText, claim.start, claim.end));
      this.anchors[index] = anchor;
    }
    if (!anchor) return false;
    this.highlighter.reveal(anchor.span, index);
    return true;
  }

  setHighlights(on: boolean): void {
    this.highlightsOn = on;
    if (!on) this.highlighter.clear();
    else if (this.report) {
      // In mark mode, clearing rewrote text nodes; anchor afresh before drawing.
      if (this.highlighter.mode === 'mark') void this.anchorAll().then(() => this.draw());
      else this.draw();
    }
  }

  private async anchorAll(): Promise<Anchoring> {
    const report = this.report!;
    const anchorer = new Anchorer(this.doc.body ?? this.doc);
    const bySentence = new Map<string, Anchor | null>();
    this.anchors = [];
    for (let i = 0; i < report.claims.length; i++) {
      if (i > 0 && i % ANCHOR_CHUNK === 0) await yieldToPage();
      const c = report.claims[i]!;
      const key = `${c.start}:${c.end}`;
      if (!bySentence.has(key)) bySentence.set(key, anchorer.find(quoteFrom(report.articleText, c.start, c.end)));
      this.anchors.push(bySentence.get(key) ?? null);
    }
    return { anchored: this.anchors.filter((a) => a !== null).length, total: report.claims.length };
  }

  private draw(): void {
    if (!this.highlightsOn || !this.report) return;
    // A sentence with several claims is drawn once, in the colour of its first claim.
    const drawn = new Set<Anchor>();
    const items: (Placed | null)[] = this.anchors.map((a, i) => {
      if (!a || drawn.has(a)) return null;
      drawn.add(a);
      return { level: this.report!.claims[i]!.label, span: a.span, at: a.start };
    });
    this.highlighter.show(items);
  }
}
