import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../src/core/format/csv';
import { formatMarkdown } from '../src/core/format/markdown';
import { trialStatusText } from '../src/core/format/summary';
import { claimLink, textFragmentUrl } from '../src/core/format/text-fragment';
import { formatWebAnnotations } from '../src/core/format/web-annotation';
import { checkPage } from '../src/core/pipeline';
import { realDb } from './helpers/db';

const html = `<html><head><title>LDN notes</title></head><body><article><h1>LDN notes</h1>
<p>Low-dose naltrexone (LDN) is a small dose of an old drug. LDN eases fibromyalgia pain, say many patients. =HYPERLINK("https://evil.example","LDN cures cancer, click")</p>
<p>A larger trial, however, found LDN no better than placebo for fibromyalgia pain.</p></article></body></html>`;
const report = checkPage({ kind: 'document', freshDocument: () => parseHTML(html).document as unknown as Document }, realDb(), {
  url: 'https://clinic.example/ldn?x=1#top',
  now: new Date('2026-11-24T00:00:00Z'),
});

describe('text-fragment links', () => {
  it('quote short sentences whole and long ones by their ends, with the words around them', () => {
    expect(textFragmentUrl('https://a.example/p#top', 'LDN is well-tolerated, by most.')).toBe('https://a.example/p#:~:text=LDN%20is%20well%2Dtolerated%2C%20by%20most.');
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine', { before: 'a b c d', after: 'x y z w' }))
      .toBe('https://a.example/p#:~:text=b%20c%20d-,one%20two%20three%20four,six%20seven%20eight%20nine,-x%20y%20z');
  });

  it('link a report claim to its place in the page, with context from its own paragraph only', () => {
    // The sentence opens its paragraph: the previous paragraph's words are not a prefix (browsers
    // match context within one block).
    const c = report.claims.find((x) => x.sentence.startsWith('A larger trial'))!;
    expect(claimLink(report.source.url!, report.articleText, c)).toBe('https://clinic.example/ldn?x=1#:~:text=A%20larger%20trial%2C%20however%2C,placebo%20for%20fibromyalgia%20pain.');
    const inside = report.claims.find((x) => x.sentence.startsWith('LDN eases fibromyalgia pain'))!;
    expect(claimLink(report.source.url!, report.articleText, inside)).toMatch(/#:~:text=an%20old%20drug\.-,LDN%20eases/);
  });
});

describe('W3C Web Annotation export', () => {
  const doc = JSON.parse(JSON.stringify(formatWebAnnotations(report)));

  it('is an AnnotationCollection with one assessing annotation per claim', () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(report.claims.length);
    for (const a of doc.first.items) {
      expect(a).toMatchObject({ type: 'Annotation', motivation: 'assessing', target: { source: 'https://clinic.example/ldn?x=1#top' } });
      expect(a.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'assessing', format: 'text/plain' });
    }
  });

  it('targets each sentence by its exact quote with context and by its position', () => {
    doc.first.items.forEach((a: { target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] } }, i: number) => {
      const [quote, position] = a.target.selector;
      const c = report.claims[i]!;
      expect(quote.exact).toBe(c.sentence);
      expect(report.articleText.slice(position.start, position.end)).toBe(quote.exact);
      expect(report.articleText.includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
    });
  });
});

describe('CSV export', () => {
  const csv = formatCsv(report);
  const lines = csv.trimEnd().split('\r\n');

  it('has a header and one row per claim, RFC 4180 quoted', () => {
    expect(lines[0]).toBe('sentence,label,label_text,asserted,stance,hedged,flags,claim_id,statement,rationale,studies,section,start,end,link');
    expect(report.claims.length).toBeGreaterThan(1);
    expect(csv).toContain('"LDN eases fibromyalgia pain, say many patients."');
  });

  it('never lets page text start a spreadsheet formula', () => {
    // Every field that begins a cell with a formula character is defused with an apostrophe.
    expect(csv).not.toMatch(/(^|,|\r\n)"?=/);
  });
});

describe('Markdown export', () => {
  it('links each claim to its place in the page', () => {
    const md = formatMarkdown(report);
    expect(md).toMatch(/\[in the page\]\(https:\/\/clinic\.example\/ldn\?x=1#:~:text=[^)\s]+\)/);
  });
});

describe('trial status', () => {
  it('is said in plain words, and not at all when unknown', () => {
    expect(trialStatusText({ status: 'terminated', resultsPosted: true, asOf: '2022-11-03' })).toBe('trial terminated early, results posted (registry, 2022-11-03)');
    expect(trialStatusText({ status: 'recruiting', resultsPosted: null, asOf: null })).toBe('trial recruiting');
    expect(trialStatusText({ status: 'unknown', resultsPosted: null, asOf: null })).toBeNull();
    expect(trialStatusText(null)).toBeNull();
  });
});
