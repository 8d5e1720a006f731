/**
 * Where the online citation look-up may go, and whether it may go there now. In the shipped
 * builds: the three services' hosts, which the user grants when turning the setting on. In the
 * e2e build (`wxt build --mode e2e`, wxt.config.ts) the test's local server on 127.0.0.1, named
 * in `storage.local` under E2E_LOOKUP_BASE_KEY and reached under the host permission that build
 * already has: a test cannot click through a permission prompt.
 */
import { browser } from 'wxt/browser';
import { basesAt, PUBLIC_BASES, type LookupBases } from '../core/cite/online';
import { LOOKUP_ORIGINS } from './lookup-origins';

declare const __EVIDENCE_LENS_E2E__: boolean | undefined;
const E2E = typeof __EVIDENCE_LENS_E2E__ === 'boolean' && __EVIDENCE_LENS_E2E__;

export const E2E_LOOKUP_BASE_KEY = 'e2e-lookup-base';

/** The host permissions to ask for when the setting is turned on. */
export function lookupOrigins(): string[] {
  return E2E ? ['http://127.0.0.1/*'] : LOOKUP_ORIGINS;
}

/** True when the user has granted every look-up host (they can remove them in the browser's settings at any time). */
export async function hasLookupAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: lookupOrigins() }).catch(() => false);
}

export async function lookupBases(): Promise<LookupBases> {
  if (!E2E) return PUBLIC_BASES;
  const got = await browser.storage.local.get(E2E_LOOKUP_BASE_KEY);
  const base = got[E2E_LOOKUP_BASE_KEY];
  return typeof base === 'string' && /^http:\/\/127\.0\.0\.1:\d+$/.test(base) ? basesAt(base) : PUBLIC_BASES;
}
