import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, it } from 'vitest';
import { checkPage } from '../src/core/pipeline';
import { realDb } from './helpers/db';
import { assertReportInvariants } from './helpers/report-invariants';

// Seeded, so a failure reproduces; FC_RUNS raises the count for long runs.
const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const params = { seed: 20261124, numRuns: RUNS };


const words = fc.constantFrom('LDN', 'low-dose naltrexone', 'may', 'not', 'reduces', 'pain', 'fibromyalgia', 'Dr.', 'e.g.', '4.5 mg', '1.5mg', 'et al.',
  'is', 'safe', 'in', 'pregnancy', '?', '!', '.', '\u00a0', '\u200b', 'it', 'helps', 'Crohn’s', 'study', 'found', '(2011)', '[1]', '—', 'émigré', 'مرحبا', '😀', '\n', '\n\n', '- ', ':');
const prose = fc.array(words, { maxLength: 80 }).map((ws) => ws.join(' '));

describe('the pipeline on any input', () => {
  it('returns a valid report with exact, ordered offsets for any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), prose), (text) => {
      assertReportInvariants(checkPage({ kind: 'text', text }, realDb(), { assumeAboutLdn: true }));
    }), params);
  });

  it('returns a valid report with exact, ordered offsets for any generated HTML', () => {
    const tag = fc.constantFrom('p', 'div', 'li', 'ul', 'h2', 'span', 'a', 'b', 'blockquote', 'td', 'br', 'script', 'article');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, prose, fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 })).map(([t, kids]) => `<${t}${t === 'a' ? ' href="https://doi.org/10.1/x"' : ''}>${kids.join('')}</${t}>`)),
    })).node;
    fc.assert(fc.property(node, fc.boolean(), (body, unclosed) => {
      const html = `<html><head><title>LDN page</title></head><body>${body}${unclosed ? '<div><p>unclosed' : ''}</body></html>`;
      assertReportInvariants(checkPage({ kind: 'document', freshDocument: () => parseHTML(html).document as unknown as Document }, realDb()));
    }), params);
  });
});
