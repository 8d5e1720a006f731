import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/core/extract';
import { segment } from '../src/core/segment';

const extract = (html: string) => extractArticle({ freshDocument: () => parseHTML(html).document as unknown as Document });

// A clinic blog post wrapped the way real sites wrap it: navigation, a sidebar, a cookie
// banner and a comment thread around the article.
const CLINIC_PAGE = `<!doctype html><html lang="en"><head><title>LDN and joint pain | Oak Street Clinic</title></head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav><a href="/">Home</a><a href="/team">Our team</a><a href="/book">Book now</a></nav></header>
<div class="layout">
<aside class="sidebar"><h3>Popular posts</h3><ul><li><a href="/p1">Ten smoothie recipes</a></li><li><a href="/p2">Our new location</a></li></ul></aside>
<main><article>
<h1>LDN and joint pain</h1>
<p class="byline">By Dana Whitfield, RN</p>
<p>People with arthritis often ask whether low-dose naltrexone can calm sore joints. The research so far is thin, and most of it is small.</p>
<h2>What patients tell us</h2>
<p>Several of our patients describe easier mornings. Their reports are encouraging but are not trials.</p>
<p>Commonly mentioned changes include:</p>
<ul><li>less stiffness on waking</li><li>better sleep</li></ul>
<p>A 2011 review is summarised <a href="https://example.org/review">on this page</a> for readers who want detail. Doses of 4.5 mg are typical.</p>
</article></main></div>
<section class="comments"><h3>3 comments</h3><p>Great post, thanks!</p><p>Where can I buy it?</p></section>
<footer>© Oak Street Clinic · Privacy · Terms</footer>
</body></html>`;

describe('extractArticle', () => {
  it('keeps the article and drops navigation, sidebar, cookie banner, comments and footer', () => {
    const a = extract(CLINIC_PAGE);
    expect(a.extractor).toBe('readability');
    expect(a.text).toContain('People with arthritis often ask');
    for (const junk of ['Book now', 'smoothie', 'cookies', 'Great post', '© Oak Street']) expect(a.text).not.toContain(junk);
    expect(a.lang).toBe('en');
  });

  it('keeps headings, list items with their lead-in, and links with their href', () => {
    const a = extract(CLINIC_PAGE);
    const sentences = segment(a);
    const item = sentences.find((s) => s.text === 'less stiffness on waking')!;
    expect(item.kind).toBe('list-item');
    expect(item.leadIn).toBe('Commonly mentioned changes include:');
    expect(item.section).toBe('What patients tell us');
    const headings = sentences.filter((s) => s.kind === 'heading').map((s) => s.text);
    expect(headings).toContain('What patients tell us');
    expect(a.links).toHaveLength(1);
    expect(a.text.slice(a.links[0]!.start, a.links[0]!.end)).toBe('on this page');
    expect(a.links[0]!.href).toBe('https://example.org/review');
    const withLink = sentences.find((s) => s.text.startsWith('A 2011 review'))!;
    expect(withLink.links).toEqual(['https://example.org/review']);
  });

  it('reads a forum thread\'s replies when the discussion is the page\'s substance', () => {
    const reply = (user: string, text: string) => `<div class="comment"><div class="meta">${user} · 2h</div><p>${text}</p></div>`;
    const html = `<html><head><title>LDN for fibro? : r/ChronicPain</title></head><body>
      <article class="post"><h1>LDN for fibro?</h1><div class="post-body"><p>My rheumatologist mentioned low dose naltrexone for my fibromyalgia pain. It seems cheap and I have read mixed things about it online, so I would like to hear from people who have actually tried it before I decide anything at my next appointment.</p></div></article>
      <section class="comments">
        ${reply('kettle_drum', 'I have been on LDN for eight months for fibromyalgia and my daily pain is noticeably lower than it was before I started, though the first weeks were rough.')}
        ${reply('n0tadoctor', 'Worth knowing that the biggest trial in fibromyalgia found LDN no better than placebo, so keep expectations modest and track your symptoms honestly.')}
        ${reply('sleepless_sam', 'The vivid dreams in the first couple of weeks were intense for me, but they faded once my body got used to the dose and now I sleep normally again.')}
      </section></body></html>`;
    const a = extract(html);
    expect(a.text).toContain('My rheumatologist mentioned');
    expect(a.text).toContain('no better than placebo');
    expect(a.text).toContain('vivid dreams');
  });

  it('falls back to the largest text block when Readability finds no article', () => {
    const html = `<html><body><div><a href="/a">A</a> <a href="/b">B</a></div>
      <div id="main"><p>LDN is short for low-dose naltrexone.</p><p>It is given at night.</p></div></body></html>`;
    const a = extract(html);
    expect(a.extractor).toBe('fallback');
    expect(a.text).toBe('LDN is short for low-dose naltrexone.\n\nIt is given at night.');
  });

  it('returns an empty article, not an error, for a page without text', () => {
    const a = extract('<html><head><script>var x = 1;</script></head><body><img src="x.png"></body></html>');
    expect(a.text).toBe('');
    expect(a.blocks).toEqual([]);
  });

  it('reads deeply nested markup without overflowing the stack', () => {
    const depth = 10_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>LDN is taken at night.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(extract(html).text).toContain('LDN is taken at night.');
  });
});
