import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { containerOf, MAX_RECHECKS, RECHECK_MIN_GAP_MS, RecheckPacer } from '../../src/extension/change-watcher';

describe('RecheckPacer', () => {
  it('allows the first re-check at once, then one per gap', () => {
    let now = 10_000;
    const pacer = new RecheckPacer(() => now);
    expect(pacer.delay()).toBe(0);
    pacer.record();
    expect(pacer.delay()).toBe(RECHECK_MIN_GAP_MS);
    now += 2_000;
    expect(pacer.delay()).toBe(RECHECK_MIN_GAP_MS - 2_000);
    now += RECHECK_MIN_GAP_MS;
    expect(pacer.delay()).toBe(0);
  });

  it(`stops after ${MAX_RECHECKS} re-checks of a page`, () => {
    let now = 0;
    const pacer = new RecheckPacer(() => now);
    for (let i = 0; i < MAX_RECHECKS; i++) {
      expect(pacer.delay()).toBe(0);
      pacer.record();
      now += RECHECK_MIN_GAP_MS;
    }
    expect(pacer.delay()).toBeNull();
    expect(pacer.used).toBe(MAX_RECHECKS);
  });
});

describe('containerOf', () => {
  const page = () => parseHTML(`<html><body><nav><a>Home</a></nav><main id="m"><article id="a"><p id="p1">One.</p><div><p id="p2">Two.</p></div></article></main><aside id="s"><p id="p3">Side.</p></aside></body></html>`).document;

  it('watches the article around the found sentences, through its parent', () => {
    const doc = page();
    const texts = ['p1', 'p2'].map((id) => doc.getElementById(id)!.firstChild!);
    expect((containerOf(doc, texts) as Element).id).toBe('m');
    // One sentence is enough to find its article.
    expect((containerOf(doc, [texts[1]!]) as Element).id).toBe('m');
  });

  it('watches the body when nothing was found or the sentences share no article', () => {
    const doc = page();
    expect(containerOf(doc, [])).toBe(doc.body);
    expect(containerOf(doc, [doc.getElementById('p1')!.firstChild!, doc.getElementById('p3')!.firstChild!])).toBe(doc.body);
  });
});
