import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { claimReviewJsonLd, datasetJsonLd, newsArticleJsonLd, serializeJsonLd } from './json-ld.ts';
import { postFieldDescriptions, postFields, postVariables } from './post-variables.ts';

// Shapes from Google's structured-data guidelines: required properties are required here, and so are the
// recommended ones this project always has.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);
// Google reads a date without a zone in its crawler's zone: article dates carry one.
const zonedInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
const agent = z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1), url: z.string().url().optional() });
const organization = agent.extend({ '@type': z.literal('Organization') });

const NewsArticle = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('NewsArticle'),
  headline: z.string().min(1).max(110),
  author: z.array(agent.extend({ url: z.string().url() })).min(1),
  datePublished: zonedInstant,
  dateModified: zonedInstant,
  image: z.array(z.string().url()).min(1),
  publisher: organization,
  url: z.string().url(),
  mainEntityOfPage: z.object({ '@type': z.literal('WebPage'), '@id': z.string().url() }),
  inLanguage: z.string().min(2),
  version: z.string().min(1),
  isAccessibleForFree: z.boolean(),
  license: z.string().url(),
});

const Dataset = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Dataset'),
  name: z.string().min(1),
  description: z.string().min(50).max(5000),
  url: z.string().url(),
  license: z.string().min(1),
  creator: agent,
  temporalCoverage: z.string().regex(/^[^/]+\/[^/]+$/),
  distribution: z
    .array(
      z.object({
        '@type': z.literal('DataDownload'),
        contentUrl: z.string().url(),
        encodingFormat: z.string().min(1),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
  isAccessibleForFree: z.boolean(),
  version: z.string().min(1),
  variableMeasured: z.array(z.object({ '@type': z.literal('PropertyValue'), name: z.string().min(1), description: z.string().min(10) })).min(1),
});

const creativeWork = z.object({ '@type': z.literal('CreativeWork'), url: z.string().url().optional(), datePublished: isoDate.optional(), author: agent.optional() });
const ClaimReview = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  claimReviewed: z.string().min(1),
  itemReviewed: z.object({ '@type': z.literal('Claim'), firstAppearance: creativeWork, appearance: z.array(creativeWork).min(1) }),
  author: organization,
  datePublished: isoDate,
  reviewRating: z.object({
    '@type': z.literal('Rating'),
    ratingValue: z.number().int().min(1).max(5),
    bestRating: z.literal(5),
    worstRating: z.literal(1),
    alternateName: z.string().min(1),
  }),
  url: z.string().url().regex(/#./, 'a permalink with the finding anchor'),
});

const publisher = { name: 'RFE/RL', url: 'https://www.rferl.org/' };

describe('newsArticleJsonLd(report)', () => {
  const article = newsArticleJsonLd({
    headline: 'Who pushed #RecognizeNewCaledonia',
    description: 'A hashtag campaign traced to accounts tied to a ruling party.',
    authors: [{ name: 'Jane Doe' }, { name: 'RFE/RL Investigations', organization: true }],
    publisher,
    published: '2024-06-01',
    url: 'https://example.org/cases/new-caledonia/',
    language: 'en',
    version: 'a1b2c3d, 2026-11-28',
    licence: 'CC-BY-4.0',
    images: ['https://example.org/cases/new-caledonia/card.png'],
    authorFallbackUrl: 'https://example.org/',
  });

  it('has the shape Google reads', () => {
    expect(NewsArticle.parse(article)).toBeTruthy();
  });

  it('types each author with an address, falls back to the publication date for dateModified, links the SPDX licence', () => {
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Jane Doe', url: 'https://example.org/' },
      { '@type': 'Organization', name: 'RFE/RL Investigations', url: 'https://example.org/' },
    ]);
    expect(article.datePublished).toBe('2024-06-01T00:00:00Z');
    expect(article.dateModified).toBe('2024-06-01T00:00:00Z');
    expect(article.license).toBe('https://spdx.org/licenses/CC-BY-4.0.html');
  });
});

describe('datasetJsonLd(dataset)', () => {
  const dataset = datasetJsonLd({
    name: 'Posts with #RecognizeNewCaledonia, 16–22 May 2024',
    description: 'Every public post carrying the tracked hashtags, collected with TweetBinder during the campaign.',
    url: 'https://example.org/cases/new-caledonia/data/',
    licence: 'shared for research only',
    creator: publisher,
    temporalCoverage: { from: '2024-05-16T00:00:00Z', to: '2024-05-22T23:59:59Z' },
    distribution: [{ url: 'https://example.org/cases/new-caledonia/data/posts.ndjson', encodingFormat: 'application/x-ndjson', sha256: 'a'.repeat(64) }],
    isBasedOn: ['https://x.com/'],
    measurementTechnique: 'TweetBinder; query: #RecognizeNewCaledonia',
    version: 'a1b2c3d, 2026-11-28',
    variableMeasured: postVariables(),
  });

  it('has the shape Google reads', () => {
    expect(Dataset.parse(dataset)).toBeTruthy();
  });

  it('writes the collection window as an ISO interval and keeps a licence phrase as written', () => {
    expect(dataset.temporalCoverage).toBe('2024-05-16T00:00:00Z/2024-05-22T23:59:59Z');
    expect(dataset.license).toBe('shared for research only');
    expect(dataset.isBasedOn).toEqual(['https://x.com/']);
  });

  it('leaves out optional properties it was not given', () => {
    const bare = datasetJsonLd({
      name: 'n',
      description: 'd',
      url: 'https://e.org/',
      licence: 'CC0-1.0',
      creator: publisher,
      temporalCoverage: { from: 'a', to: 'b' },
      distribution: [],
      version: 'v',
    });
    expect(Object.keys(bare)).not.toContain('isBasedOn');
    expect(Object.keys(bare)).not.toContain('measurementTechnique');
    expect(Object.keys(bare)).not.toContain('keywords');
  });
});

describe('claimReviewJsonLd(claim)', () => {
  const review = claimReviewJsonLd({
    claim: 'France massacred Kanak protesters in May 2024',
    appearance: { url: 'https://x.com/example/status/1', date: '2024-05-16', author: { name: 'esmirakhahil' } },
    rating: 'False',
    ratingValue: 1,
    url: 'https://example.org/cases/new-caledonia/#montage',
    reviewer: publisher,
    published: '2024-06-01',
  });

  it('has the shape Google reads', () => {
    expect(ClaimReview.parse(review)).toBeTruthy();
  });

  it('omits what the appearance does not say', () => {
    const anonymous = claimReviewJsonLd({
      claim: 'c',
      appearance: {},
      rating: 'False',
      ratingValue: 1,
      url: 'https://e.org/#a',
      reviewer: publisher,
      published: '2024-06-01',
    });
    expect(anonymous.itemReviewed).toEqual({ '@type': 'Claim', firstAppearance: { '@type': 'CreativeWork' }, appearance: [{ '@type': 'CreativeWork' }] });
  });
});

describe('serializeJsonLd(value)', () => {
  const hostile = newsArticleJsonLd({
    headline: '</script><script>alert(1)</script> & <!--',
    description: 'd',
    authors: [{ name: 'a' }],
    publisher,
    published: '2024-06-01',
    url: 'https://e.org/',
    authorFallbackUrl: 'https://e.org/',
    language: 'en',
    version: 'v',
    licence: 'CC-BY-4.0',
  });
  const text = serializeJsonLd(hostile);

  it('cannot close the script element or open a comment', () => {
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('reads back to the same value', () => {
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('postVariables()', () => {
  it('describes every field of the post schema, and only those', () => {
    expect(Object.keys(postFieldDescriptions).sort()).toEqual([...postFields()].sort());
    expect(postVariables().every((v) => v.description !== v.name)).toBe(true);
  });
});
