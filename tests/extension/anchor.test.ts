import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Anchorer, quoteFrom } from '../../src/extension/anchor';
import { wrapSpan } from '../../src/extension/highlight';
import { buildTextMap, normalizeText } from '../../src/extension/text-map';

function page(body: string): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title><style>p{}</style></head><body>${body}</body></html>`).document as unknown as Document;
}

/** The text between an anchor's DOM positions, read back from the DOM. */
function textOfSpan(doc: Document, body: Node, a: NonNullable<ReturnType<Anchorer['find']>>): string {
  const map = buildTextMap(body);
  void doc;
  return map.text.slice(a.start, a.end);
}

/** Finds `sentence` of `article` (as the report would give it) in `doc`. */
function find(doc: Document, article: string, sentence: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = article.indexOf(sentence, start + 1);
  if (start === -1) throw new Error('sentence not in article');
  return new Anchorer(doc.body).find(quoteFrom(article, start, start + sentence.length));
}

describe('text map', () => {
  it('collapses whitespace and separates blocks', () => {
    const doc = page('<h1>LDN\n  guide</h1><p>Low-dose   naltrexone<br>eases pain.</p><p>Next</p><script>var x = 1;</script>');
    expect(buildTextMap(doc.body).text).toBe('LDN guide Low-dose naltrexone eases pain. Next');
  });

  it('drops invisible characters like the article builder', () => {
    expect(normalizeText('nal\u00adtrex\u200bone \u00a0 works ')).toBe('naltrexone works');
  });
});

describe('anchoring', () => {
  it.each([
    ['plain', '<p>LDN may reduce pain in fibromyalgia. It is cheap.</p>'],
    ['inline markup', '<p>LDN <em>may</em> reduce <a href="#">pain in <strong>fibromyalgia</strong></a>. It is cheap.</p>'],
    ['extra whitespace and newlines', '<p>LDN   may\n   reduce pain\tin fibromyalgia.   It is cheap.</p>'],
    ['non-breaking spaces', '<p>LDN&nbsp;may reduce pain in&nbsp;fibromyalgia. It is cheap.</p>'],
    ['soft hyphen inside a word', '<p>LDN may reduce pain in fibro&shy;myalgia. It is cheap.</p>'],
  ])('finds the sentence with %s', (_name, html) => {
    const doc = page(html);
    const article = 'LDN may reduce pain in fibromyalgia. It is cheap.';
    const a = find(doc, article, 'LDN may reduce pain in fibromyalgia.');
    expect(a).not.toBeNull();
    expect(a!.method).toBe('exact');
    expect(textOfSpan(doc, doc.body, a!)).toBe('LDN may reduce pain in fibromyalgia.');
    expect(a!.span.startNode.data.slice(a!.span.startOffset)).toMatch(/^LDN/);
    expect(a!.span.endNode.data.slice(0, a!.span.endOffset)).toMatch(/\.$/);
  });

  it('falls back to a loose match when punctuation differs', () => {
    const doc = page('<p>Patients say “LDN changed my life” — and it’s cheap.</p>');
    const article = 'Patients say "LDN changed my life" - and it\'s cheap.';
    const a = find(doc, article, article);
    expect(a?.method).toBe('loose');
    expect(textOfSpan(doc, doc.body, a!)).toBe('Patients say “LDN changed my life” — and it’s cheap.');
  });

  it('tells repeated sentences apart by their context', () => {
    const html = '<p>Intro. LDN is safe. Many agree.</p><p>Later. LDN is safe. Critics disagree.</p>';
    const doc = page(html);
    const article = 'Intro. LDN is safe. Many agree.\n\nLater. LDN is safe. Critics disagree.';
    const first = find(doc, article, 'LDN is safe.', 0)!;
    const second = find(doc, article, 'LDN is safe.', 1)!;
    expect(first.start).toBeLessThan(second.start);
    expect(buildTextMap(doc.body).text.slice(second.end, second.end + 17)).toBe(' Critics disagree');
  });

  it('returns null for a sentence that is not on the page', () => {
    const doc = page('<p>Something else entirely.</p>');
    expect(find(doc, 'LDN cures cancer.', 'LDN cures cancer.')).toBeNull();
  });

  it('ignores text in scripts and styles', () => {
    const doc = page('<script>"LDN cures cancer."</script><p>Nothing here.</p>');
    expect(find(doc, 'LDN cures cancer.', 'LDN cures cancer.')).toBeNull();
  });
});

describe('mark fallback', () => {
  it('wraps a sentence that spans several elements without changing the text', () => {
    const doc = page('<p>Before. LDN <em>may</em> help. After.</p>');
    const before = doc.body.textContent;
    const a = find(doc, 'Before. LDN may help. After.', 'LDN may help.')!;
    const marks = wrapSpan(doc, a.span, 'no-rct', 0);
    expect(marks.map((m) => m.textContent).join('')).toBe('LDN may help.');
    expect(doc.body.textContent).toBe(before);
    expect(marks.every((m) => m.getAttribute('data-evidence-lens') === 'no-rct')).toBe(true);
  });
});
