import { describe, expect, it } from 'vitest';
import {
  BackgroundToContent, BackgroundToPanel, CheckReply, ContentToBackground, isFromOurContentScript, isFromOurExtension, isFromOurPage,
  PanelToBackground, parseOrNull,
} from '../../src/extension/messages';
import { parseSettings } from '../../src/extension/settings';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('message schemas', () => {
  it('accept well-formed messages', () => {
    expect(parseOrNull(PanelToBackground, { type: 'panel-bg-check', tabId: 3, assumeAboutLdn: false })).toEqual({ type: 'panel-bg-check', tabId: 3, assumeAboutLdn: false });
    expect(parseOrNull(BackgroundToContent, { type: 'bg-cs-reveal', index: 0 })).not.toBeNull();
    for (const choice of ['always', 'never', null]) {
      const msg = { type: 'panel-bg-set-site', origin: 'http://127.0.0.1:41234', choice };
      expect(parseOrNull(PanelToBackground, msg)).toEqual(msg);
    }
  });

  it.each([
    ['an unknown type', { type: 'panel-bg-eval', code: 'alert(1)' }],
    ['a missing field', { type: 'panel-bg-check', tabId: 3 }],
    ['a negative tab id', { type: 'panel-bg-check', tabId: -1, assumeAboutLdn: false }],
    ['a fractional tab id', { type: 'panel-bg-get-report', tabId: 1.5 }],
    ['a string tab id', { type: 'panel-bg-get-report', tabId: '3' }],
    ['a content-script message on the panel route', { type: 'bg-cs-extract' }],
    ['null', null],
    ['a string', 'panel-bg-check'],
    ['a site that is not an origin', { type: 'panel-bg-set-site', origin: 'https://clinic.example/page', choice: 'always' }],
    ['a site that is not a web site', { type: 'panel-bg-set-site', origin: 'chrome://extensions', choice: 'never' }],
    ['a site not in normal form', { type: 'panel-bg-set-site', origin: 'HTTPS://clinic.example:443', choice: 'never' }],
    ['an unknown site choice', { type: 'panel-bg-set-site', origin: 'https://clinic.example', choice: 'sometimes' }],
  ])('reject %s', (_name, forged) => {
    expect(parseOrNull(PanelToBackground, forged)).toBeNull();
  });

  it('reject a forged report in a check reply', () => {
    expect(parseOrNull(CheckReply, { ok: true, report: { schema: 'evidence-lens/report@1' }, anchoring: { anchored: 0, total: 0 } })).toBeNull();
    expect(parseOrNull(CheckReply, { ok: false, code: 'no-access', message: 'x' })).toEqual({ ok: false, code: 'no-access', message: 'x' });
  });
});

describe('sender checks', () => {
  it('accept our side panel', () => {
    expect(isFromOurPage({ id: ID, url: `${ORIGIN}sidepanel.html?tab=1` }, ID, ORIGIN)).toBe(true);
  });

  it.each([
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html` }],
    ['our content script in a web page', { id: ID, url: 'https://clinic.example/ldn', tab: { id: 4 } }],
    ['a sender without id', { url: 'https://evil.example/' }],
    ['a look-alike origin', { id: ID, url: `https://evil.example/${ORIGIN}` }],
  ])('reject %s as a panel', (_name, sender) => {
    expect(isFromOurPage(sender, ID, ORIGIN)).toBe(false);
  });

  it('know our extension by id only', () => {
    expect(isFromOurExtension({ id: ID }, ID)).toBe(true);
    expect(isFromOurExtension({ id: 'other' }, ID)).toBe(false);
    expect(isFromOurExtension({}, ID)).toBe(false);
  });
});

describe('settings', () => {
  it('fall back to defaults on junk', () => {
    const defaults = { highlights: true, autoRun: false, onlineLookup: false, view: 'patient' };
    expect(parseSettings(undefined)).toEqual(defaults);
    expect(parseSettings({ highlights: 'yes' })).toEqual(defaults);
    expect(parseSettings({ highlights: false })).toEqual({ ...defaults, highlights: false });
    // Written by an older version: the new settings take their defaults, off.
    expect(parseSettings({ highlights: false, onlineLookup: 'please' })).toEqual(defaults);
    expect(parseSettings({ view: 'journalist' })).toEqual({ ...defaults, view: 'journalist' });
    expect(parseSettings({ view: 'editor' })).toEqual(defaults);
  });
});

describe('auto-run and re-check messages', () => {
  it('accept the content script\'s and the background\'s new messages, and nothing else on their routes', () => {
    expect(parseOrNull(ContentToBackground, { type: 'cs-bg-loaded' })).not.toBeNull();
    expect(parseOrNull(ContentToBackground, { type: 'cs-bg-article-changed' })).not.toBeNull();
    expect(parseOrNull(ContentToBackground, { type: 'panel-bg-check', tabId: 1, assumeAboutLdn: true })).toBeNull();
    expect(parseOrNull(PanelToBackground, { type: 'panel-bg-set-auto-run', on: true })).not.toBeNull();
    expect(parseOrNull(PanelToBackground, { type: 'panel-bg-set-auto-run', on: 'yes' })).toBeNull();
    expect(parseOrNull(BackgroundToPanel, { type: 'bg-panel-rechecking', tabId: 2 })).toEqual({ type: 'bg-panel-rechecking', tabId: 2 });
    expect(parseOrNull(BackgroundToPanel, { type: 'bg-panel-rechecking' })).toBeNull();
  });

  it('take content-script messages only from our content script in a tab\'s top frame', () => {
    const page = { id: ID, url: 'https://example.org/ldn', tab: { id: 4 }, frameId: 0 };
    expect(isFromOurContentScript(page, ID, ORIGIN)).toBe(true);
    expect(isFromOurContentScript({ ...page, frameId: 3 }, ID, ORIGIN)).toBe(false);
    expect(isFromOurContentScript({ ...page, id: 'another-extension' }, ID, ORIGIN)).toBe(false);
    expect(isFromOurContentScript({ id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 4 }, frameId: 0 }, ID, ORIGIN)).toBe(false);
    expect(isFromOurContentScript({ id: ID, url: page.url, frameId: 0 }, ID, ORIGIN)).toBe(false);
  });
});
