/**
 * Every message that crosses a boundary between the extension's parts, typed and checked with
 * zod on arrival. Names carry their route: `panel-bg-*` (side panel -> background),
 * `bg-cs-*` (background -> content script), `bg-panel-*` (background -> side panel, broadcast).
 * A check is split by where each part runs best: the content script extracts the Article from
 * the page (`bg-cs-extract`), the background runs the rest of the pipeline with the bundled
 * database, and the content script anchors and highlights the claims it is sent (`bg-cs-show`).
 * Replies are `Result`s (ok / error) because an `Error` does not survive structured cloning.
 *
 * A receiver first checks the sender (`isFromOurExtension`), then parses; anything that fails
 * either check is ignored, never answered. Content scripts never listen to `window.postMessage`.
 */
import * as z from 'zod/mini';
import { LEVEL_VALUES } from '../core/levels';
import { MAX_ARTICLE_CHARS } from '../core/limits';
import { Report } from '../core/report-schema';
import { ArticleSchema } from './article-schema';
import { isOrigin, SITE_CHOICES } from './sites';

const tabId = z.int().check(z.nonnegative());
const claimIndex = z.int().check(z.nonnegative());

// ---- side panel -> background -------------------------------------------------------------

export const PanelToBackground = z.discriminatedUnion('type', [
  /** Inject the content script into the tab (if needed) and check the page. */
  z.object({ type: z.literal('panel-bg-check'), tabId, assumeAboutLdn: z.boolean() }),
  /** Check pasted text as text about LDN; nothing is kept. */
  z.object({ type: z.literal('panel-bg-check-text'), text: z.string().check(z.maxLength(MAX_ARTICLE_CHARS)) }),
  /** The report kept for the tab, or null. */
  z.object({ type: z.literal('panel-bg-get-report'), tabId }),
  /** Scroll the page to a claim's sentence and flash it. */
  z.object({ type: z.literal('panel-bg-reveal'), tabId, index: claimIndex }),
  /** Show or remove the in-page highlights. */
  z.object({ type: z.literal('panel-bg-set-highlights'), tabId, on: z.boolean() }),
  /**
   * Auto-run was turned on (the panel has just been granted the host permission, which needs the
   * click) or off: register or unregister the content script for all pages (src/extension/auto-run.ts).
   */
  z.object({ type: z.literal('panel-bg-set-auto-run'), on: z.boolean() }),
  /**
   * Check a site's pages always or never as they load, or forget the choice (null), and register
   * the content script to match (src/extension/sites.ts). For "always" the panel has just been
   * granted the site's host permission, in the click.
   */
  z.object({ type: z.literal('panel-bg-set-site'), origin: z.string().check(z.refine(isOrigin)), choice: z.nullable(z.enum(SITE_CHOICES)) }),
]);
export type PanelToBackground = z.infer<typeof PanelToBackground>;

// ---- background -> content script ----------------------------------------------------------

/** Where a claim's sentence is in the Article the content script extracted, and its label. */
export const ClaimSpan = z.object({ start: z.int().check(z.nonnegative()), end: z.int().check(z.nonnegative()), label: z.enum(LEVEL_VALUES) });
export type ClaimSpan = z.infer<typeof ClaimSpan>;

export const BackgroundToContent = z.discriminatedUnion('type', [
  /** Extract the page's Article (Readability on a clone of the document). */
  z.object({ type: z.literal('bg-cs-extract') }),
  /**
   * Anchor these claims of the last extracted Article in the live page (and highlight them);
   * `extraction` is the number the extract reply carried, so claims never meet another reading's text.
   */
  z.object({ type: z.literal('bg-cs-show'), claims: z.array(ClaimSpan), highlights: z.boolean(), extraction: z.int().check(z.positive()) }),
  z.object({ type: z.literal('bg-cs-reveal'), index: claimIndex }),
  z.object({ type: z.literal('bg-cs-set-highlights'), on: z.boolean() }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

// ---- content script -> background ----------------------------------------------------------

export const ContentToBackground = z.discriminatedUnion('type', [
  /** The content script started in a page (with auto-run, on every page load): check it if it is about LDN. */
  z.object({ type: z.literal('cs-bg-loaded') }),
  /** The checked article changed and stayed quiet (src/extension/change-watcher.ts): check it again. */
  z.object({ type: z.literal('cs-bg-article-changed') }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

// ---- background -> side panel (broadcast) ----------------------------------------------------

export const BackgroundToPanel = z.discriminatedUnion('type', [
  /** A tab's report was replaced or dropped: fetch it again. */
  z.object({ type: z.literal('bg-panel-report-changed'), tabId }),
  /** The page changed after its check and is being checked again; a `report-changed` follows. */
  z.object({ type: z.literal('bg-panel-rechecking'), tabId }),
  /** A keyboard command (next / previous claim) moved the page to this claim: the panel marks its card current. */
  z.object({ type: z.literal('bg-panel-current'), tabId, index: claimIndex }),
]);
export type BackgroundToPanel = z.infer<typeof BackgroundToPanel>;

// ---- replies --------------------------------------------------------------------------------

/** Why a request failed, as a code (for logic and tests) plus a sentence (for people). */
export const ERROR_CODES = ['no-access', 'not-a-page', 'no-tab', 'check-failed', 'not-found', 'bad-request'] as const;
export const Failure = z.object({ ok: z.literal(false), code: z.enum(ERROR_CODES), message: z.string() });
export type Failure = z.infer<typeof Failure>;

/**
 * Why a claim of the report has no highlight in the live page: its sentence is no longer there
 * (the page changed between reading and anchoring), or it is there but hidden (`display: none`,
 * `hidden`, a collapsed section: text extraction keeps it, a reader cannot see it).
 */
export const ORPHAN_REASONS = ['gone', 'hidden'] as const;
export const Orphan = z.object({ index: claimIndex, reason: z.enum(ORPHAN_REASONS) });
export type Orphan = z.infer<typeof Orphan>;

/** How many of the report's claims were found again in the live page, and which were not ("orphans"). */
export const Anchoring = z.object({ anchored: z.int().check(z.nonnegative()), total: z.int().check(z.nonnegative()), orphans: z.array(Orphan) });
export type Anchoring = z.infer<typeof Anchoring>;

/** The content script's extraction, timed where it ran (the report's `timingsMs.extract`). */
export const ExtractReply = z.union([
  z.object({ ok: z.literal(true), article: ArticleSchema, url: z.string(), extractMs: z.number().check(z.nonnegative()), extraction: z.int().check(z.positive()) }),
  Failure,
]);
export type ExtractReply = z.infer<typeof ExtractReply>;

export const ShowReply = z.union([z.object({ ok: z.literal(true), anchoring: Anchoring }), Failure]);
export type ShowReply = z.infer<typeof ShowReply>;

/** A check of pasted text: a report, never kept or anchored. */
export const TextReply = z.union([z.object({ ok: z.literal(true), report: Report }), Failure]);
export type TextReply = z.infer<typeof TextReply>;

export const CheckReply = z.union([
  z.object({ ok: z.literal(true), report: Report, anchoring: Anchoring }),
  Failure,
]);
export type CheckReply = z.infer<typeof CheckReply>;

export const ReportReply = z.union([
  z.object({ ok: z.literal(true), report: z.nullable(Report), anchoring: z.nullable(Anchoring) }),
  Failure,
]);
export type ReportReply = z.infer<typeof ReportReply>;

export const AckReply = z.union([z.object({ ok: z.literal(true) }), Failure]);
export type AckReply = z.infer<typeof AckReply>;

export function failure(code: Failure['code'], message: string): Failure {
  return { ok: false, code, message };
}

// ---- sender checks --------------------------------------------------------------------------

/** The part of `runtime.MessageSender` the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * True when the message comes from this extension. Other extensions (via
 * `externally_connectable`, which we do not declare) and web pages carry another `id` or none.
 */
export function isFromOurExtension(sender: SenderLike, ourId: string): boolean {
  return typeof sender.id === 'string' && sender.id === ourId;
}

/**
 * True when the sender is one of our own pages (the side panel): our id and a URL on our
 * origin. A content script shares our id but reports the web page's URL, so it fails this.
 */
export function isFromOurPage(sender: SenderLike, ourId: string, ourOrigin: string): boolean {
  return isFromOurExtension(sender, ourId) && typeof sender.url === 'string' && sender.url.startsWith(ourOrigin);
}

/**
 * True when the sender is our content script in the top frame of a tab: our id, a tab, frame 0,
 * and not one of our own pages (which share the id but carry our origin).
 */
export function isFromOurContentScript(sender: SenderLike & { frameId?: number }, ourId: string, ourOrigin: string): sender is SenderLike & { tab: { id: number } } {
  return isFromOurExtension(sender, ourId) && typeof sender.tab?.id === 'number' && sender.frameId === 0 &&
    !(typeof sender.url === 'string' && sender.url.startsWith(ourOrigin));
}

/** Parses `data` with `schema`; returns null instead of throwing, so receivers can ignore junk. */
export function parseOrNull<T>(schema: z.ZodMiniType<T>, data: unknown): T | null {
  const r = z.safeParse(schema, data);
  return r.success ? r.data : null;
}
