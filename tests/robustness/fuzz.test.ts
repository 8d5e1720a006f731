/**
 * Fuzz tests of the whole pipeline on hostile input (issue 8), beside the offset properties in
 * tests/offsets.property.test.ts: any string (control characters, lone surrogates, right-to-left
 * and zero-width characters, emoji), walls of text without punctuation, and generated HTML that is
 * malformed, deeply nested or full of script payloads. For each: no throw, a Report that
 * validates against its schema, every sentence equal to articleText.slice(start, end), offsets
 * ordered and in range, and exports that keep page text inert.
 * Seeded, so a failure reproduces; FC_RUNS sets the count (300 by default; .ci/run sets 3000).
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/core/format/markdown';
import { checkPage } from '../../src/core/pipeline';
import { Report } from '../../src/core/report-schema';
import { exportText } from '../../entrypoints/sidepanel/exports';
import { realDb } from '../helpers/db';
import { assertReportInvariants } from '../helpers/report-invariants';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 8_2026_1124, numRuns: RUNS };


/** The exports of any report keep page text inert (see tests/security/exports.test.ts for the rules). */
function assertExportsInert(report: Report): void {
  // `<https://…>` is the source URL's autolink; page text never opens a tag or comment.
  expect(formatMarkdown(report)).not.toMatch(/<(?!https?:)[a-z/!]/i);
  for (const kind of ['json', 'claimreview'] as const) {
    const text = exportText(report, kind);
    expect(text).not.toMatch(/[<>]/);
    JSON.parse(text);
  }
}

const HOSTILE_CHARS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202e', '\u202c', '\u2028', '\u2029', '\u2066', '\u2069', '\ufeff', '\ufffd', '\ud800', '\udfff', '😀', '👍🏽', '👨‍👩‍👧', '🏳️‍🌈', 'é', 'e\u0301',
  'مرحبا', 'שלום', 'नमस्ते', '中文', '\t', '\r', '\r\n', '\n\n'];
const WORDS = ['LDN', 'low-dose naltrexone', 'reduces', 'pain', 'fibromyalgia', 'cures', 'cancer', 'safe', 'pregnancy', 'may', 'not', 'study', 'found',
  'Dr.', 'et al.', '4.5 mg', '(2013)', 'doi:10.1002/art.37734', 'PMID 23359310', 'NCT00568555', '.', '?', '!', ';', '…',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</script>', '[x](javascript:alert(1))', '&amp;', '"', '`', '*', '_'];
const token = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...HOSTILE_CHARS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const hostileText = fc.array(token, { maxLength: 120 }).map((ts) => ts.join(' '));
/** A wall of words with no punctuation: one "sentence" thousands of characters long. */
const wall = fc.array(fc.constantFrom('ldn', 'reduces', 'pain', 'fibromyalgia', 'and', 'people', 'say', 'it', 'helps'), { minLength: 200, maxLength: 1500 }).map((ws) => ws.join(' '));

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = fc.constantFrom('p', 'div', 'li', 'ul', 'ol', 'h1', 'h3', 'span', 'a', 'b', 'i', 'blockquote', 'table', 'tr', 'td', 'br', 'script', 'style',
  'article', 'nav', 'noscript', 'template', 'pre', 'svg', 'math', 'iframe', 'img', 'section');
const attrs = fc.constantFrom('', ' hidden', ' style="display:none"', ' href="javascript:alert(1)"', ' href="https://doi.org/10.1002/art.37734"',
  ' onerror="alert(1)"', ' class="comment sidebar"', ' lang="ar" dir="rtl"', ' title="<b>x</b>"', ' id=unquoted', ' data-x="\u202e"');
/** Generated HTML, including unclosed and stray tags, raw and escaped payloads, and broken entities. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    hostileText.map(escapeHtml),
    hostileText,
    fc.constantFrom('<p>', '</div>', '<li>', '</p></p>', '<!--', '-->', '<![CDATA[x]]>', '&#0;', '&#xD800;', '&#99999999;', '&notanentity', '<', '>', '<a', '"\'>'),
    fc.tuple(tag, attrs, fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([t, a, kids, close]) => `<${t}${a}>${kids.join('')}${close ? `</${t}>` : ''}`),
  ),
})).node;

const db = () => realDb();

describe('the pipeline on hostile input', () => {
  it('any text, as pasted text', { timeout: 600_000 }, () => {
    fc.assert(fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 }), wall), fc.boolean(), (text, assume) => {
      const report = checkPage({ kind: 'text', text }, db(), { assumeAboutLdn: assume });
      assertReportInvariants(report);
      assertExportsInert(report);
    }), params);
  });

  it('any generated HTML, malformed or not', { timeout: 600_000 }, () => {
    fc.assert(fc.property(html, fc.constantFrom('en', 'de', 'ar', ''), (body, lang) => {
      const page = `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>LDN ${body.slice(0, 40)}</title></head><body>${body}</body></html>`;
      const report = checkPage({ kind: 'document', freshDocument: () => parseHTML(page).document as unknown as Document }, db(), { url: 'https://clinic.example/ldn' });
      assertReportInvariants(report);
      assertExportsInert(report);
    }), params);
  });

  // Readability's cost grows with the square of the depth in linkedom (10,000 levels take ~6 s, see
  // tests/robustness/cli-hostile.test.ts), so the fuzz stays at depths it can run many of.
  it('deep nesting, up to 500 levels', { timeout: 600_000 }, () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.constantFrom('div', 'span', 'li', 'blockquote', 'b'), hostileText, (depth, t, text) => {
      const page = `<html><body>${`<${t}>`.repeat(depth)}<p>LDN reduces pain in fibromyalgia. ${escapeHtml(text)}</p>${`</${t}>`.repeat(depth)}</body></html>`;
      assertReportInvariants(checkPage({ kind: 'document', freshDocument: () => parseHTML(page).document as unknown as Document }, db()));
    }), { ...params, numRuns: Math.max(10, Math.round(RUNS / 20)) });
  });
});
