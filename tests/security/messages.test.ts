/** Forged messages across the extension's boundaries are rejected by their schemas (see also tests/extension/messages.test.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_ARTICLE_CHARS } from '../../src/core/limits';
import { BackgroundToContent, ExtractReply, PanelToBackground, parseOrNull, ShowReply } from '../../src/extension/messages';
import { TabEntry } from '../../src/extension/tab-reports';

const article = { title: null, byline: null, text: 'LDN eases pain.', blocks: [{ kind: 'paragraph', start: 0, end: 15, level: 0, leadIn: null }], links: [], extractor: 'readability', lang: 'en', truncated: false };

describe('forged messages', () => {
  it.each([
    ['a show without the extraction it answers', { type: 'bg-cs-show', claims: [], highlights: true }],
    ['a show for extraction 0', { type: 'bg-cs-show', claims: [], highlights: true, extraction: 0 }],
    ['a show with an unknown label', { type: 'bg-cs-show', claims: [{ start: 0, end: 1, label: 'proven' }], highlights: true, extraction: 1 }],
    ['a show with negative offsets', { type: 'bg-cs-show', claims: [{ start: -1, end: 1, label: 'established' }], highlights: true, extraction: 1 }],
    ['a panel message on the content route', { type: 'panel-bg-check', tabId: 1, assumeAboutLdn: false }],
    ['a DOM-event shape', { type: 'message', detail: { type: 'bg-cs-extract' } }],
  ])('to the content script: %s', (_name, msg) => {
    expect(parseOrNull(BackgroundToContent, msg)).toBeNull();
  });

  it('to the background: pasted text over the article cap', () => {
    expect(parseOrNull(PanelToBackground, { type: 'panel-bg-check-text', text: 'x'.repeat(MAX_ARTICLE_CHARS + 1) })).toBeNull();
  });

  it.each([
    ['offsets outside the text', { ...article, blocks: [{ kind: 'paragraph', start: 0, end: 99, level: 0, leadIn: null }] }],
    ['a lead-in pointing forward', { ...article, blocks: [{ kind: 'list-item', start: 0, end: 15, level: 0, leadIn: 0 }] }],
    ['text past twice the cap', { ...article, text: 'x'.repeat(2 * MAX_ARTICLE_CHARS + 1) }],
    ['an unknown extractor', { ...article, extractor: 'eval' }],
  ])('from the content script: an Article with %s', (_name, forged) => {
    expect(parseOrNull(ExtractReply, { ok: true, article: forged, url: 'https://x.example', extractMs: 1, extraction: 1 })).toBeNull();
    expect(parseOrNull(ExtractReply, { ok: true, article, url: 'https://x.example', extractMs: 1, extraction: 1 })).not.toBeNull();
  });

  it('from the content script: a show reply of the wrong shape', () => {
    expect(parseOrNull(ShowReply, { ok: true, anchoring: { anchored: -1, total: 2 } })).toBeNull();
    expect(parseOrNull(ShowReply, { ok: true })).toBeNull();
  });

  it('from storage: a tampered report is not read back', () => {
    expect(parseOrNull(TabEntry, { report: { schema: 'evidence-lens/report@1', claims: [{ sentence: '<script>' }] }, anchoring: { anchored: 0, total: 0 } })).toBeNull();
    expect(parseOrNull(TabEntry, 'report')).toBeNull();
  });
});
