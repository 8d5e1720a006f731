/** The content script's bounded copy of the page and article cap (src/extension/page-copy.ts), and per-tab check coalescing (src/extension/tab-checks.ts). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article';
import { extractArticle } from '../../src/core/extract';
import { MAX_ARTICLE_CHARS } from '../../src/core/limits';
import { ArticleSchema } from '../../src/extension/article-schema';
import { parseOrNull } from '../../src/extension/messages';
import { capArticle, copyPage } from '../../src/extension/page-copy';
import { TabChecks } from '../../src/extension/tab-checks';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('copyPage', () => {
  it('copies a small page whole, scripts inert and all', () => {
    const live = doc('<html lang="en"><head><title>T</title></head><body><p id="a">One <b>two</b></p><script>x()</script></body></html>');
    const { doc: copy, truncated } = copyPage(live);
    expect(truncated).toBe(false);
    expect(copy.body.innerHTML).toBe(live.body.innerHTML);
    expect(copy.documentElement.getAttribute('lang')).toBe('en');
    expect(copy).not.toBe(live);
  });

  it('stops at the text budget, cutting a huge text node, and says so', () => {
    const live = doc(`<html><body><p>${'a'.repeat(5_000)}</p><p>after</p></body></html>`);
    const { doc: copy, truncated } = copyPage(live, 1_000);
    expect(truncated).toBe(true);
    expect(copy.body.textContent!.length).toBe(1_000);
    expect(copy.body.textContent).not.toContain('after');
  });

  it('stops at the node budget', () => {
    const live = doc(`<html><body>${'<p>x</p>'.repeat(1_000)}</body></html>`);
    const { doc: copy, truncated } = copyPage(live, Infinity, 101);
    expect(truncated).toBe(true);
    expect(copy.querySelectorAll('p').length).toBeLessThan(1_000);
  });

  it('copies 10,000 levels of nesting without overflowing the stack', () => {
    const live = doc('<html><body></body></html>');
    let node: Element = live.body;
    for (let i = 0; i < 10_000; i++) node = node.appendChild(live.createElement('div'));
    node.textContent = 'LDN at the bottom';
    const { doc: copy, truncated } = copyPage(live);
    expect(truncated).toBe(false);
    expect(copy.body.textContent).toBe('LDN at the bottom');
  });
});

describe('capArticle', () => {
  it('cuts a 2 MB paragraph at a word break, so the Article crosses to the background', () => {
    const wall = Array.from({ length: 700_000 }, (_, i) => `w${i % 10}`).join(' ');
    const article = extractArticle({ freshDocument: () => doc(`<html><body><p>${wall}</p></body></html>`) });
    expect(article.text.length).toBeGreaterThan(2 * MAX_ARTICLE_CHARS);
    // Too long to send as it is (see ArticleSchema's bound) ...
    expect(parseOrNull(ArticleSchema, article)).toBeNull();
    const capped = capArticle(article);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(capped.text.endsWith(' ')).toBe(false);
    expect(capped.truncated).toBe(true);
    // ... and valid once capped.
    expect(parseOrNull(ArticleSchema, capped)).not.toBeNull();
  });

  it('drops and shortens blocks and links past the cut, and leaves short articles alone', () => {
    const a: Article = {
      title: null, byline: null, text: 'aaaa bbbb cccc dddd', extractor: 'plain-text', lang: null, truncated: false,
      blocks: [{ kind: 'paragraph', start: 0, end: 9, level: 0, leadIn: null }, { kind: 'list-item', start: 10, end: 19, level: 0, leadIn: 0 }],
      links: [{ start: 5, end: 14, href: 'https://x.example' }, { start: 15, end: 19, href: 'https://y.example' }],
    };
    expect(capArticle(a, 100)).toBe(a);
    const c = capArticle(a, 12);
    expect(c.text).toBe('aaaa bbbb');
    expect(c.blocks).toEqual([{ kind: 'paragraph', start: 0, end: 9, level: 0, leadIn: null }]);
    expect(c.links).toEqual([{ start: 5, end: 9, href: 'https://x.example' }]);
    expect(parseOrNull(ArticleSchema, c)).not.toBeNull();
  });
});

describe('TabChecks', () => {
  function harness() {
    const calls: { tabId: number; assume: boolean; resolve: (v: string) => void }[] = [];
    const checks = new TabChecks<string>((tabId, assume) => new Promise((resolve) => calls.push({ tabId, assume, resolve })));
    return { checks, calls };
  }
  const tick = () => new Promise((r) => setTimeout(r));

  it('answers a burst of requests for one tab with one check', async () => {
    const { checks, calls } = harness();
    const replies = Array.from({ length: 20 }, () => checks.request(1, false));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('report-1');
    expect(await Promise.all(replies)).toEqual(Array(20).fill('report-1'));
    // Once done, the next request checks again.
    const next = checks.request(1, false);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve('report-2');
    expect(await next).toBe('report-2');
  });

  it('runs a "check anyway" after the running check, once, in the newest mode', async () => {
    const { checks, calls } = harness();
    const first = checks.request(1, false);
    const anyway = [checks.request(1, true), checks.request(1, false), checks.request(1, true)];
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('plain');
    expect(await first).toBe('plain');
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.assume).toBe(true);
    calls[1]!.resolve('anyway');
    expect(await Promise.all(anyway)).toEqual(['anyway', 'anyway', 'anyway']);
    expect(checks.started).toBe(2);
  });

  it('keeps tabs apart, and survives a failed check', async () => {
    const checks = new TabChecks<string>(async (tabId) => {
      if (tabId === 2) throw new Error('boom');
      return `tab ${tabId}`;
    });
    await expect(checks.request(2, false)).rejects.toThrow('boom');
    expect(await checks.request(1, false)).toBe('tab 1');
    await expect(checks.request(2, false)).rejects.toThrow('boom');
    expect(checks.started).toBe(3);
  });
});
