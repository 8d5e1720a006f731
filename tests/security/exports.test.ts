/** Exports keep page text inert: a sentence with markup payloads becomes text in Markdown, JSON and ClaimReview JSON-LD. */
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/core/format/markdown';
import { exportText, safeJson } from '../../entrypoints/sidepanel/exports';
import { fakeClaim, fakeReport } from '../extension/fake-report';

const PAYLOAD = `LDN eases pain </script><script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) \u2028 & <!-- c -->.`;

describe('exports of a page whose sentences carry payloads', () => {
  const report = fakeReport({
    articleText: PAYLOAD,
    claims: [fakeClaim({ sentence: PAYLOAD, start: 0, end: PAYLOAD.length })],
    source: { url: 'https://clinic.example/blog/ldn?q="><script>alert(4)</script>', title: '<img src=x onerror=alert(5)>', byline: null, extractor: 'readability', words: 10, language: 'en', aboutLdn: true, ldnMentions: 2, truncated: false },
  });

  it('Markdown: no tag, comment or link can open', () => {
    const md = formatMarkdown(report);
    expect(md).not.toMatch(/<(?!https?:)[a-z/!]/i);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).toContain('&lt;img src=x onerror=&quot;alert\\(2\\)&quot;&gt;');
  });

  it.each(['json', 'claimreview'] as const)('%s: no raw < > & or line separator, and the same data once parsed', (kind) => {
    const text = exportText(report, kind);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(PAYLOAD).slice(1, -1));
  });

  it('safeJson round-trips any value', () => {
    const value = { a: PAYLOAD, b: ['<', '>', '&', '\u2028', '\u2029'], c: 1 };
    expect(JSON.parse(safeJson(value))).toEqual(value);
  });
});

describe('exports of text with lone surrogates', () => {
  it('do not throw, and keep offsets (found by the fuzz test)', () => {
    const text = 'LDN safe \ud800';
    const report = fakeReport({ articleText: text, claims: [fakeClaim({ sentence: text, start: 0, end: text.length })] });
    for (const kind of ['markdown', 'json', 'claimreview'] as const) expect(() => exportText(report, kind)).not.toThrow();
    const json = JSON.parse(exportText(report, 'json'));
    expect(json.claims[0].sentence).toBe('LDN safe \ufffd');
    expect(json.articleText.slice(json.claims[0].start, json.claims[0].end)).toBe(json.claims[0].sentence);
  });
});
