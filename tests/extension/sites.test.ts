/** Per-site control: a page's site, the stored list (parsed on read, a corrupt store read as empty), and the permission given back. */
import { describe, expect, it } from 'vitest';
import { choiceFor, isOrigin, NO_URL_REASON, NOT_A_SITE_REASON, parseSites, patternToRelease, siteOf, sitePattern, withChoice, type Site } from '../../src/extension/sites';

describe('the site of a page', () => {
  it.each([
    ['https://clinic.example/ldn/page?x=1#top', 'https://clinic.example'],
    ['HTTPS://Clinic.EXAMPLE/', 'https://clinic.example'],
    ['https://clinic.example:443/a', 'https://clinic.example'],
    ['http://clinic.example:80/a', 'http://clinic.example'],
    ['http://clinic.example:8080/a', 'http://clinic.example:8080'],
    ['http://127.0.0.1:41234/clinic-blog.html?run=1', 'http://127.0.0.1:41234'],
    ['https://user:secret@clinic.example/', 'https://clinic.example'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['http://[::1]:8000/', 'http://[::1]:8000'],
  ])('%s is the site %s', (url, origin) => {
    expect(siteOf(url)).toEqual({ ok: true, origin });
  });

  it('keeps http and https apart, and ports apart', () => {
    expect(siteOf('http://clinic.example/')).not.toEqual(siteOf('https://clinic.example/'));
    expect(siteOf('https://clinic.example:8443/')).not.toEqual(siteOf('https://clinic.example/'));
  });

  it.each([
    'file:///home/me/page.html', 'chrome://extensions/', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidepanel.html',
    'moz-extension://0b1e7c2a/sidebar.html', 'about:blank', 'data:text/html,<p>LDN</p>', 'javascript:alert(1)', 'edge://settings', 'not a url',
  ])('%s has no site, with the reason', (url) => {
    expect(siteOf(url)).toEqual({ ok: false, reason: NOT_A_SITE_REASON });
  });

  it('says when the browser gave no address', () => {
    expect(siteOf(undefined)).toEqual({ ok: false, reason: NO_URL_REASON });
    expect(siteOf('')).toEqual({ ok: false, reason: NO_URL_REASON });
  });

  it('knows an origin in normal form', () => {
    expect(isOrigin('https://clinic.example')).toBe(true);
    expect(isOrigin('http://127.0.0.1:41234')).toBe(true);
    for (const bad of ['https://clinic.example/', 'https://Clinic.example', 'https://clinic.example:443', 'https://clinic.example/ldn', 'clinic.example', 'file://', 'chrome://extensions']) {
      expect(isOrigin(bad), bad).toBe(false);
    }
  });
});

describe('the stored list', () => {
  const always: Site = { origin: 'https://clinic.example', choice: 'always' };
  const never: Site = { origin: 'https://forum.example', choice: 'never' };

  it.each([
    ['nothing stored', undefined], ['null', null], ['a string', 'https://clinic.example'], ['a number', 42],
    ['an object', { origin: 'https://clinic.example', choice: 'always' }], ['a map of origins', { 'https://clinic.example': 'always' }],
  ])('reads %s as no sites', (_name, raw) => {
    expect(parseSites(raw)).toEqual([]);
  });

  it('keeps the entries that parse, in order, and drops the rest', () => {
    expect(parseSites([
      always, null, 'junk', { origin: 'https://x.example', choice: 'sometimes' }, { origin: 'https://x.example' },
      { origin: 'https://X.example/', choice: 'never' }, { origin: 'javascript:alert(1)', choice: 'always' }, { origin: 5, choice: 'never' }, never,
    ])).toEqual([always, never]);
  });

  it('keeps one entry per site, the latest choice', () => {
    expect(parseSites([always, never, { ...always, choice: 'never' }])).toEqual([never, { ...always, choice: 'never' }]);
  });

  it('sets, changes and forgets a choice', () => {
    let sites = withChoice([], always.origin, 'always');
    expect(choiceFor(sites, always.origin)).toBe('always');
    sites = withChoice(sites, never.origin, 'never');
    sites = withChoice(sites, always.origin, 'never');
    expect(sites).toEqual([never, { ...always, choice: 'never' }]);
    sites = withChoice(sites, always.origin, null);
    expect(sites).toEqual([never]);
    expect(choiceFor(sites, always.origin)).toBeNull();
    expect(choiceFor(sites, 'https://other.example')).toBeNull();
  });
});

describe('host permissions for a site', () => {
  it('name the port where patterns may (Chrome), and the host alone where they may not (Firefox)', () => {
    expect(sitePattern('http://127.0.0.1:41234', true)).toBe('http://127.0.0.1:41234/*');
    expect(sitePattern('https://clinic.example', true)).toBe('https://clinic.example/*');
    expect(sitePattern('http://127.0.0.1:41234', false)).toBe('http://127.0.0.1/*');
    expect(sitePattern('http://[::1]:8000', false)).toBe('http://[::1]/*');
  });

  it('are given back when a site stops being "always", unless something still needs the same pattern', () => {
    const origin = 'https://clinic.example';
    expect(patternToRelease(origin, [], [], true)).toBe('https://clinic.example/*');
    // Another setting holds that very pattern (the online look-up's hosts, say).
    expect(patternToRelease('https://clinicaltrials.gov', [], ['https://clinicaltrials.gov/*'], true)).toBeNull();
    // Auto-run's all-sites grant is separate: giving one site's pattern back leaves it.
    expect(patternToRelease(origin, [], ['<all_urls>'], true)).toBe('https://clinic.example/*');
    // In Firefox another port of the same host, still "always", shares the pattern; a "never" one does not.
    expect(patternToRelease('http://h.example:1', [{ origin: 'http://h.example:2', choice: 'always' }], [], false)).toBeNull();
    expect(patternToRelease('http://h.example:1', [{ origin: 'http://h.example:2', choice: 'never' }], [], false)).toBe('http://h.example/*');
    expect(patternToRelease('http://h.example:1', [{ origin: 'http://h.example:2', choice: 'always' }], [], true)).toBe('http://h.example:1/*');
  });
});
