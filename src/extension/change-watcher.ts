/**
 * Notices when a checked article changes in the live page (a single-page app rendering new
 * content, a "load more", a live blog) and asks for one re-check once the page has been quiet
 * for a while. Runs in the content script, after a check; stopped while a check reads the page.
 * Re-checks are paced and capped, so a page that never stops changing cannot keep the
 * extension busy: it is simply not re-checked until it settles.
 */

/** The article must stay unchanged this long before a re-check: renders come in bursts. */
export const RECHECK_QUIET_MS = 1_500;
/** At most one re-check per this many milliseconds (counted from the start of the last one). */
export const RECHECK_MIN_GAP_MS = 5_000;
/** Re-checks per page load; after that the panel's "Check again" still works. */
export const MAX_RECHECKS = 20;

/** When the next re-check may start; pure, so the caps are unit-tested without a DOM. */
export class RecheckPacer {
  private count = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => Date.now(), private readonly gap = RECHECK_MIN_GAP_MS, private readonly max = MAX_RECHECKS) {}

  /** Milliseconds to wait before the next re-check may start, or null once the cap is reached. */
  delay(): number | null {
    if (this.count >= this.max) return null;
    return Math.max(0, this.last + this.gap - this.now());
  }

  record(): void {
    this.count++;
    this.last = this.now();
  }

  get used(): number {
    return this.count;
  }
}

/**
 * The element to watch for a checked article: the `article`, `main` or `[role=main]` around the
 * sentences found in the page (their nearest common ancestor), observed through its parent so
 * that replacing the whole element is seen too; the body when nothing was found.
 */
export function containerOf(doc: Document, nodes: Node[]): Node {
  const body = doc.body ?? doc.documentElement ?? doc;
  let common: Node | null = nodes[0] ?? null;
  for (const n of nodes.slice(1)) {
    while (common && !common.contains(n)) common = common.parentNode;
  }
  const el = common && (common.nodeType === 1 ? (common as Element) : common.parentElement);
  const region = el?.closest('article, main, [role="main"]');
  if (!region || region === body) return body;
  return region.parentNode && region.parentNode !== doc ? region.parentNode : region;
}

export class ChangeWatcher {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly onChange: () => void,
    private readonly pacer = new RecheckPacer(),
    private readonly quietMs = RECHECK_QUIET_MS,
  ) {}

  /**
   * Starts watching `target` (replacing any earlier target). With `attributes`, also changes of
   * the attributes that show or hide text (`class`, `style`, `hidden`, `open`): used while a
   * claimed sentence is hidden, so that showing it again brings a re-check.
   */
  watch(target: Node, attributes = false): void {
    this.stop();
    if (this.pacer.delay() === null || typeof this.win.MutationObserver !== 'function') return;
    this.observer = new this.win.MutationObserver(() => this.schedule());
    this.observer.observe(target, { childList: true, subtree: true, characterData: true,
      ...(attributes ? { attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] } : {}) });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
  }

  /** Forgets the changes made so far: called after our own `<mark>` drawing, which is not the page changing. */
  ignorePending(): void {
    this.observer?.takeRecords();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const wait = this.pacer.delay();
      if (wait === null) return this.stop();
      // Within the gap: wait for it; any further change starts the quiet period again.
      this.timer = setTimeout(() => this.fire(), wait);
    }, this.quietMs);
  }

  private fire(): void {
    this.stop();
    this.pacer.record();
    this.onChange();
  }
}
