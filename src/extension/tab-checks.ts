/**
 * At most one check per tab at a time, and at most one waiting. A page can be checked again while
 * a check of it runs (a second click, a second panel, a page that re-renders itself every second
 * and a person who keeps pressing "Check again"); overlapping checks would read the page twice
 * and could pair one reading's claims with the other's text. So:
 *
 * - a request while a check runs, in the same mode, gets that check's result;
 * - a request in the other mode ("check anyway") waits for it, then runs once; requests arriving
 *   meanwhile join that waiting check, and the newest one's mode wins.
 *
 * However many requests arrive, a tab is read at most twice per burst, and every reply is a
 * whole report of one reading of the page.
 */
export type RunCheck<R> = (tabId: number, assumeAboutLdn: boolean) => Promise<R>;

interface Slot<R> {
  assumeAboutLdn: boolean;
  promise: Promise<R>;
}

export class TabChecks<R> {
  private readonly running = new Map<number, Slot<R>>();
  private readonly waiting = new Map<number, Slot<R>>();
  /** How many checks actually ran; for tests. */
  started = 0;

  constructor(private readonly run: RunCheck<R>) {}

  request(tabId: number, assumeAboutLdn: boolean): Promise<R> {
    const waiting = this.waiting.get(tabId);
    if (waiting) {
      waiting.assumeAboutLdn = assumeAboutLdn;
      return waiting.promise;
    }
    const running = this.running.get(tabId);
    if (running && running.assumeAboutLdn === assumeAboutLdn) return running.promise;
    if (!running) return this.start(tabId, { assumeAboutLdn, promise: Promise.resolve(undefined as R) });
    const slot: Slot<R> = { assumeAboutLdn, promise: Promise.resolve(undefined as R) };
    slot.promise = running.promise.catch(() => undefined).then(() => {
      this.waiting.delete(tabId);
      return this.start(tabId, slot);
    });
    this.waiting.set(tabId, slot);
    return slot.promise;
  }

  /** True while a check of the tab runs or waits (auto-run then leaves the tab to it). */
  busy(tabId: number): boolean {
    return this.running.has(tabId) || this.waiting.has(tabId);
  }

  private start(tabId: number, slot: Slot<R>): Promise<R> {
    this.started++;
    const promise = this.run(tabId, slot.assumeAboutLdn).finally(() => {
      if (this.running.get(tabId)?.promise === promise) this.running.delete(tabId);
    });
    this.running.set(tabId, { assumeAboutLdn: slot.assumeAboutLdn, promise });
    return promise;
  }
}
