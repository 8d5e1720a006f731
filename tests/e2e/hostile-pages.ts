/**
 * Hostile pages for the robustness and security end-to-end tests, served on 127.0.0.1: the small
 * hand-written ones in tests/e2e/pages/ (empty, nav-only, malformed, not-english, unicode, xss,
 * rewrite) and big ones generated here, in memory, so no 20 MB file sits in the repository:
 *
 * - `huge.html`: a 20 MB article (claims at the top, then ~20 MB of filler paragraphs).
 * - `wall.html`: one 2 MB paragraph with no punctuation at all.
 * - `deep.html`: an article inside 10,000 levels of nested markup (Chromium's parser keeps the
 *   DOM at most 512 deep, as its guard against exactly this; linkedom in the CLI does not).
 * - `paper.pdf`, `image.png`: a PDF and an image, with their real content types.
 */
import { servePages, type GeneratedPage, type PageServer } from './harness';

/** Just under the CLI's 20 MB read limit, so both the CLI and the browser check it. */
export const HUGE_BYTES = 19_900_000;
export const WALL_CHARS = 2_000_000;
export const DEPTH = 10_000;

const FILLER = 'Readers often write to us about their health, their doctors and the medicines they take, and we answer each letter as well as we can with what we know today. ';

function hugePage(): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LDN: the complete archive</title></head><body><article>
<h1>LDN: the complete archive</h1>
<p>Low-dose naltrexone (LDN) is an old drug used at a new dose.</p>
<p>Studies show that LDN reduces pain in people with fibromyalgia.</p>
<p>LDN is also a powerful treatment for autism, and it can cure cancer by boosting the immune system.</p>
`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < HUGE_BYTES; i++) {
    const p = `<p>Letter ${i}. ${FILLER}</p>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></body></html>');
  return parts.join('');
}

function wallPage(): string {
  const words = ['ldn', 'reduces', 'pain', 'in', 'people', 'with', 'fibromyalgia', 'and', 'many', 'readers', 'say', 'it', 'helps', 'them', 'sleep', 'low', 'dose', 'naltrexone'];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < WALL_CHARS; i++) {
    const w = words[i % words.length]!;
    out.push(w);
    size += w.length + 1;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LDN wall of text</title></head><body><p>${out.join(' ')}</p></body></html>`;
}

function deepPage(): string {
  const tags = Array.from({ length: DEPTH }, (_, i) => (i % 2 ? 'div' : 'section'));
  const claims = ['Low-dose naltrexone (LDN) is an old drug used at a new dose.', 'Studies show that LDN reduces pain in people with fibromyalgia.',
    'LDN is also a powerful treatment for autism, and it can cure cancer by boosting the immune system.',
    'Talk to your doctor before you start LDN, and tell them about every other medicine you take.'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LDN, deeply nested</title></head><body>${tags.map((t) => `<${t}>`).join('')}${claims.map((c) => `<p>${c}</p>`).join('')}${tags.reverse().map((t) => `</${t}>`).join('')}</body></html>`;
}

/** A minimal valid PDF and PNG: what a browser shows for a PDF or image link. */
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const generated = new Map<string, GeneratedPage>([
  ['huge.html', () => ({ type: 'text/html; charset=utf-8', body: hugePage() })],
  ['wall.html', () => ({ type: 'text/html; charset=utf-8', body: wallPage() })],
  ['deep.html', () => ({ type: 'text/html; charset=utf-8', body: deepPage() })],
  ['paper.pdf', () => ({ type: 'application/pdf', body: PDF })],
  ['image.png', () => ({ type: 'image/png', body: PNG })],
]);

/** Serves tests/e2e/pages/*.html and the generated pages above. */
export function serveHostilePages(): Promise<PageServer> {
  return servePages(generated);
}

/** The generated pages' HTML, for the CLI tests (the same pages as the browser gets). */
export const generatedHtml = { huge: hugePage, wall: wallPage, deep: deepPage };
