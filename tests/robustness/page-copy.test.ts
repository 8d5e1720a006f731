/** The article cap, the content script's bounded copy of the page (src/extension/page-copy.ts), and per-tab check coalescing (src/extension/tab-checks.ts). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import { MAX_ARTICLE_CHARS } from '../../src/core/limits';
import { ArticleSchema } from '../../src/extension/article-schema';
import { parseOrNull } from '../../src/extension/messages';
import { copyPage } from '../../src/extension/page-copy';
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

describe('the article cap', () => {
  it('cuts a 2 MB paragraph at a word break, so the Article can cross to the background', () => {
    const wall = Array.from({ length: 700_000 }, (_, i) => `w${i % 10}`).join(' ');
    const article = extractArticle({ freshDocument: () => doc(`<html><body><p>${wall}</p></body></html>`) });
    expect(article.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(article.text.length).toBeGreaterThan(MAX_ARTICLE_CHARS - 10);
    expect(wall.startsWith(article.text)).toBe(true);
    expect(wall.charAt(article.text.length)).toBe(' ');
    expect(article.truncated).toBe(true);
    expect(parseOrNull(ArticleSchema, article)).not.toBeNull();
  });

  it('never cuts an emoji in half', () => {
    const emoji = '😀'.repeat(MAX_ARTICLE_CHARS);
    const article = extractArticle({ freshDocument: () => doc(`<html><body><p>${emoji}</p></body></html>`) });
    expect(article.text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(article.text.isWellFormed()).toBe(true);
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
