import { describe, expect, it } from 'vitest';
import { BEST_RATING, formatClaimReview, ratingValue, WORST_RATING } from '../../src/core/format/claimreview';
import { textFragmentUrl } from '../../src/core/format/text-fragment';
import { LEVEL_VALUES } from '../../src/core/levels';
import { fakeClaim, fakeReport } from './fake-report';

describe('ClaimReview export', () => {
  it('has one ClaimReview per reviewed claim, with the schema.org shape', () => {
    const doc = formatClaimReview(fakeReport());
    expect(doc['@context']).toBe('https://schema.org');
    // The not-reviewed claim has no verdict and is left out.
    expect(doc['@graph']).toHaveLength(1);
    const review = doc['@graph'][0]!;
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      datePublished: '2026-11-24',
      author: { '@type': 'Organization', name: 'Evidence Lens' },
      claimReviewed: 'LDN reduces pain in fibromyalgia.',
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', text: 'LDN eases fibromyalgia pain.', headline: 'LDN & you' } },
      reviewRating: { '@type': 'Rating', ratingValue: ratingValue('rct-support'), bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: 'Small RCTs support' },
      reviewBody: 'Two small crossover RCTs found less pain.',
    });
    const citation = (review['citation'] as Record<string, unknown>[])[0]!;
    expect(citation).toMatchObject({ '@type': 'ScholarlyArticle', url: 'https://doi.org/10.1002/art.37734', datePublished: '2013' });
    expect(citation['sameAs']).toContain('https://clinicaltrials.gov/study/NCT00568555');
    // Round-trips through JSON unchanged (no undefined, no functions).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('rates levels from strongest to weakest, and never rates not-reviewed', () => {
    const values = LEVEL_VALUES.map(ratingValue);
    expect(values.at(-1)).toBeNull();
    const rated = values.slice(0, -1) as number[];
    expect(rated[0]).toBe(BEST_RATING);
    expect(rated.at(-1)).toBe(WORST_RATING);
    for (let i = 1; i < rated.length; i++) expect(rated[i]).toBeLessThan(rated[i - 1]!);
  });

  it('says when the page disputes the claim', () => {
    const doc = formatClaimReview(fakeReport({ claims: [fakeClaim({ asserted: false, stance: 'denies', flags: ['negated'] })] }));
    expect((doc['@graph'][0]!['reviewRating'] as { ratingExplanation: string }).ratingExplanation).toMatch(/disputes/);
  });

  it('links to the sentence with an encoded text fragment, and omits the link without a URL', () => {
    expect(textFragmentUrl('https://a.example/p#top', 'LDN is well-tolerated, by most.')).toBe('https://a.example/p#:~:text=LDN%20is%20well%2Dtolerated%2C%20by%20most.');
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine')).toBe('https://a.example/p#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine');
    const doc = formatClaimReview(fakeReport({ source: { ...fakeReport().source, url: null } }));
    expect((doc['@graph'][0]!['itemReviewed'] as { appearance: Record<string, unknown> }).appearance['url']).toBeUndefined();
  });
});
