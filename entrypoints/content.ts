/**
 * The content script, injected on demand by the background (`scripting.executeScript`, allowed
 * by activeTab after a click on the toolbar button); never declared in the manifest. With
 * auto-run on, or for a site chosen to check always, the background registers it at runtime
 * (src/extension/auto-run.ts) and it tells the background it loaded, which checks the page if it
 * is about LDN. It extracts the page's article for the background to check and highlights what
 * comes back. It answers only messages from our own extension, parsed with zod; it never listens
 * to `window.postMessage`.
 */
import { PageSession } from '../src/extension/page-session';
import { BackgroundToContent, failure, isFromOurExtension, parseOrNull, type ContentToBackground } from '../src/extension/messages';

/** Tells the background; nobody listening (an extension reload) is fine. */
function tell(msg: ContentToBackground) {
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

/** Set on the isolated world's global object, so a second injection does not listen twice. */
const INSTALLED = Symbol.for('evidence-lens.content');

export default defineContentScript({
  registration: 'runtime',
  // WXT's "a newer copy started" notice would otherwise also go through window.postMessage.
  noScriptStartedPostMessage: true,
  main() {
    const g = globalThis as unknown as Record<symbol, boolean>;
    if (g[INSTALLED]) return;
    g[INSTALLED] = true;
    const session = new PageSession(document, window, () => tell({ type: 'cs-bg-article-changed' }));
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return;
      const msg = parseOrNull(BackgroundToContent, raw);
      if (!msg) return;
      switch (msg.type) {
        case 'bg-cs-extract':
          session.extract().then(sendResponse, (err) => sendResponse(failure('check-failed', String(err))));
          return true;
        case 'bg-cs-show':
          session.show(msg.claims, msg.highlights, msg.extraction).then(sendResponse, (err) => sendResponse(failure('check-failed', String(err))));
          return true;
        case 'bg-cs-reveal': {
          const shown = session.reveal(msg.index);
          sendResponse(shown === true ? { ok: true }
            : failure('not-found', shown === 'hidden' ? 'That sentence is hidden on the page.' : 'That sentence is no longer on the page.'));
          return;
        }
        case 'bg-cs-set-highlights':
          session.setHighlights(msg.on);
          sendResponse({ ok: true });
          return;
      }
    });
    tell({ type: 'cs-bg-loaded' });
  },
});
