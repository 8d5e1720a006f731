/**
 * Auto-run: with the user's permission for all sites (asked for by the panel when auto-run is
 * turned on, since `permissions.request` needs the click), the content script is registered for
 * every page at runtime. On load it tells the background, which checks the page and shows the
 * result only if the page is about LDN. Turning auto-run off unregisters the script and gives the
 * permission back. Nothing here is declared in the manifest: `<all_urls>` is an optional permission.
 */
import { browser } from 'wxt/browser';

/** The id of the registered content script. */
export const AUTO_RUN_SCRIPT_ID = 'evidence-lens-auto-run';
/**
 * The optional host permission auto-run needs (`optional_host_permissions` / MV2
 * `optional_permissions` in wxt.config.ts), and the pages the script is registered for. The e2e
 * build (`--mode e2e`, tests only) asks for its test server instead, which it already holds:
 * a test cannot answer the browser's permission prompt.
 */
export const AUTO_RUN_ORIGINS = import.meta.env.MODE === 'e2e' ? ['http://127.0.0.1/*'] : ['<all_urls>'];
const CONTENT_SCRIPT = 'content-scripts/content.js';

type Scripting = {
  registerContentScripts(s: object[]): Promise<void>;
  unregisterContentScripts(f?: { ids: string[] }): Promise<void>;
  getRegisteredContentScripts(f?: { ids: string[] }): Promise<{ id: string }[]>;
};
const scripting = () => browser.scripting as unknown as Scripting;

export async function hasAutoRunPermission(): Promise<boolean> {
  return browser.permissions.contains({ origins: AUTO_RUN_ORIGINS }).catch(() => false);
}

export async function isAutoRunRegistered(): Promise<boolean> {
  const found = await scripting().getRegisteredContentScripts({ ids: [AUTO_RUN_SCRIPT_ID] }).catch(() => []);
  return found.length > 0;
}

/** Registers the content script for all pages, top frames only, once the page has loaded. */
export async function registerAutoRun(): Promise<void> {
  if (await isAutoRunRegistered()) return;
  await scripting().registerContentScripts([{
    id: AUTO_RUN_SCRIPT_ID, matches: AUTO_RUN_ORIGINS, js: [CONTENT_SCRIPT], runAt: 'document_idle', allFrames: false,
  }]);
}

/** Unregisters the script and removes the host permission (which only auto-run asked for). */
export async function unregisterAutoRun(): Promise<void> {
  if (await isAutoRunRegistered()) await scripting().unregisterContentScripts({ ids: [AUTO_RUN_SCRIPT_ID] });
  await browser.permissions.remove({ origins: AUTO_RUN_ORIGINS }).catch(() => false);
}
