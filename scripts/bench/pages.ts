/**
 * Synthetic article pages of a chosen length, for measuring how cost grows with page size.
 * The text is our own: a clinic-blog-like mix of claims about LDN (matched, hedged, denied,
 * unreviewed), plain prose, headings, lists introduced by a paragraph, links and a reference
 * list, repeated with variations until the page has the wanted number of words. Deterministic:
 * the same size always gives the same page.
 */

const CONDITIONS = ['fibromyalgia', 'Crohn’s disease', 'multiple sclerosis', 'long COVID', 'chronic fatigue syndrome',
  'endometriosis', 'complex regional pain syndrome', 'psoriasis', 'depression', 'Hashimoto’s thyroiditis',
  'ulcerative colitis', 'chronic pain', 'migraine', 'diabetic neuropathy', 'rheumatoid arthritis'];

const CLAIMS = [
  'Low-dose naltrexone (LDN) reduces pain in people with {c}.',
  'Studies show that LDN is safe and effective for {c}.',
  'LDN may help ease the fatigue that comes with {c}, although the evidence is still preliminary.',
  'A small trial found that LDN did not improve symptoms of {c} compared with placebo.',
  'Many patients say LDN gave them their energy back after years of {c}.',
  'It calms the immune system and lowers inflammation, which is why it is used for {c}.',
  'LDN is a proven game-changer for anyone living with {c}.',
  'Some practitioners claim that LDN can reverse {c}, but no controlled study has shown this.',
  'LDN boosts endorphins, which helps the body heal from {c}.',
  'Naltrexone at low doses improves sleep and mood in {c}.',
];

const PROSE = [
  'Our clinic has prescribed compounded medicines for more than a decade, and we see patients from across the region.',
  'Every treatment plan starts with a long conversation about history, goals and what has been tried before.',
  'The tablets are prepared by a compounding pharmacy, usually in doses between 1.5 and 4.5 milligrams.',
  'Most people take the dose at bedtime, although some switch to the morning if they have vivid dreams.',
  'Insurance rarely covers compounded prescriptions, so we give every patient a clear estimate of the cost.',
  'Your own doctor should always know about any new medicine you take, including supplements.',
  'We review each patient after eight to twelve weeks and adjust the plan together.',
  'The original drug was approved in 1984 at fifty milligrams a day for a very different purpose.',
  'Side effects reported at low doses are usually mild, such as headaches or trouble sleeping in the first weeks.',
  'If you are taking opioid pain medicine, this treatment is not suitable, because the two interact.',
];

const LEAD_INS = ['Patients with {c} often tell us that LDN helps with:', 'People ask us whether it can treat:'];
const ITEMS = ['joint pain', 'brain fog', 'poor sleep', 'flares of {c}', 'muscle aches', 'low mood'];

const REFERENCES = [
  'Younger J, Mackey S. Fibromyalgia symptoms are reduced by low-dose naltrexone: a pilot study. Pain Med. 2009;10(4):663-672.',
  'Smith JP, Bingaman SI, Ruggiero F, et al. Therapy with the opioid antagonist naltrexone promotes mucosal healing in active Crohn’s disease. Dig Dis Sci. 2011;56(7):2088-2097.',
  'Example A, Sample B. A made-up review of compounded medicines in general practice. J Imag Med. 2019;3:1-9.',
];

function fill(template: string, i: number): string {
  return template.replaceAll('{c}', CONDITIONS[i % CONDITIONS.length]!);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** One section: a heading, paragraphs mixing claims and prose, sometimes a list or a link. */
function section(i: number): string {
  const cond = CONDITIONS[i % CONDITIONS.length]!;
  const out = [`<h2>LDN and ${escapeHtml(cond)} (part ${i + 1})</h2>`];
  for (let p = 0; p < 3; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const k = i * 12 + p * 4 + s;
      // About one sentence in three is a claim, as on the seed pages.
      sentences.push(k % 3 === 0 ? fill(CLAIMS[(k / 3 + i) % CLAIMS.length | 0]!, k + i) : PROSE[(k + i) % PROSE.length]!);
    }
    let html = sentences.map(escapeHtml).join(' ');
    if (p === 1) html += ` Read more in our <a href="/guide-${i}">guide to ${escapeHtml(cond)}</a>.`;
    out.push(`<p>${html}</p>`);
  }
  if (i % 2 === 0) {
    out.push(`<p>${escapeHtml(fill(LEAD_INS[i % LEAD_INS.length]!, i))}</p>`);
    out.push('<ul>' + ITEMS.map((t) => `<li>${escapeHtml(fill(t, i))}</li>`).join('') + '</ul>');
  }
  return out.join('\n');
}

/** An HTML page whose article has about `targetWords` words (within one section's length). */
export function articlePage(targetWords: number): { html: string; words: number } {
  const title = 'Low-Dose Naltrexone (LDN): What Our Patients Ask';
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    '<header><nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/contact">Contact</a></nav></header>' +
    `<main><article><h1>${title}</h1><p class="byline">By the clinic team</p>`;
  const refs = '<h2>References</h2><ol>' + REFERENCES.map((r) => `<li>${escapeHtml(r)}</li>`).join('') + '</ol>';
  const tail = '</article></main><footer><p>© Example Clinic. This page is for information only.</p></footer></body></html>';
  const parts: string[] = [];
  let count = words(title) * 2 + words(refs.replace(/<[^>]+>/g, ' '));
  for (let i = 0; count < targetWords; i++) {
    const s = section(i);
    parts.push(s);
    count += words(s.replace(/<[^>]+>/g, ' '));
  }
  return { html: head + parts.join('\n') + refs + tail, words: count };
}
