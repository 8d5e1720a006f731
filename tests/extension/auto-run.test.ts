/** Which pages are checked as they load: the content script's registration, and the decision for each page that loads. */
import { describe, expect, it } from 'vitest';
import { AUTO_RUN_ORIGINS, autoRunCause, autoRunScope } from '../../src/extension/auto-run';
import type { Site } from '../../src/extension/sites';

const CLINIC = 'https://clinic.example';
const FORUM = 'https://forum.example';
const sites = (choices: Record<string, Site['choice']>): Site[] => Object.entries(choices).map(([origin, choice]) => ({ origin, choice }));

describe('whether a page that loads is checked without a click', () => {
  it.each([
    // auto-run, the site's choice, the cause
    [false, null, null],
    [true, null, 'auto-run'],
    [false, 'always', 'site-always'],
    [true, 'always', 'site-always'],
    [false, 'never', null],
    [true, 'never', null],
  ] as const)('auto-run %s, site %s: %s', (autoRun, choice, cause) => {
    const list = choice ? sites({ [CLINIC]: choice }) : [];
    expect(autoRunCause(`${CLINIC}/ldn/article?x=1`, autoRun, list)).toBe(cause);
  });

  it('matches the site by its normalised origin, not by a prefix of the address', () => {
    const list = sites({ [CLINIC]: 'never', 'http://127.0.0.1:8000': 'always' });
    expect(autoRunCause('HTTPS://CLINIC.example:443/page', true, list)).toBeNull();
    expect(autoRunCause('https://clinic.example.evil.example/page', true, list)).toBe('auto-run');
    expect(autoRunCause('http://clinic.example/page', true, list)).toBe('auto-run');
    expect(autoRunCause('http://127.0.0.1:8000/a', false, list)).toBe('site-always');
    expect(autoRunCause('http://127.0.0.1:8001/a', false, list)).toBeNull();
  });

  it('leaves pages that are not web sites to auto-run', () => {
    expect(autoRunCause('file:///home/me/ldn.html', true, sites({ [CLINIC]: 'never' }))).toBe('auto-run');
    expect(autoRunCause('file:///home/me/ldn.html', false, sites({ [CLINIC]: 'always' }))).toBeNull();
    expect(autoRunCause(undefined, false, [])).toBeNull();
  });
});

describe('the content script registration', () => {
  it('is none when nothing is checked as it loads', () => {
    expect(autoRunScope(false, [])).toBeNull();
    expect(autoRunScope(false, sites({ [CLINIC]: 'never' }))).toBeNull();
  });

  it('matches every page with auto-run on, except the "never" sites', () => {
    expect(autoRunScope(true, [])).toEqual({ matches: AUTO_RUN_ORIGINS, excludeMatches: [] });
    expect(autoRunScope(true, sites({ [CLINIC]: 'never', [FORUM]: 'never' }), true)).toEqual({ matches: AUTO_RUN_ORIGINS, excludeMatches: [`${CLINIC}/*`, `${FORUM}/*`] });
  });

  it('matches the "always" sites with auto-run off', () => {
    expect(autoRunScope(false, sites({ [CLINIC]: 'always', [FORUM]: 'never', 'http://127.0.0.1:8000': 'always' }), true))
      .toEqual({ matches: [`${CLINIC}/*`, 'http://127.0.0.1:8000/*'], excludeMatches: [`${FORUM}/*`] });
  });

  it('with auto-run on, also names the "always" sites (their own permission outlives auto-run)', () => {
    expect(autoRunScope(true, sites({ [CLINIC]: 'always' }), true)).toEqual({ matches: [...AUTO_RUN_ORIGINS, `${CLINIC}/*`], excludeMatches: [] });
  });

  it('in Firefox, where patterns have no port, does not exclude a pattern an "always" site needs', () => {
    const list = sites({ 'http://h.example:1': 'always', 'http://h.example:2': 'never', 'http://other.example:3': 'never' });
    expect(autoRunScope(false, list, false)).toEqual({ matches: ['http://h.example/*'], excludeMatches: ['http://other.example/*'] });
    // The page decides by its exact origin all the same.
    expect(autoRunCause('http://h.example:2/page', false, list)).toBeNull();
  });
});
