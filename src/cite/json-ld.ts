/**
 * schema.org JSON-LD for the report (NewsArticle), its datasets (Dataset) and its fact-checks (ClaimReview),
 * with the properties Google's structured-data guidelines require or recommend for each type.
 */
import type { CiteAuthor } from './cite-this.ts';
import { licenceUrl } from './licence-url.ts';

export interface JsonLd {
  '@context': 'https://schema.org';
  '@type': string;
  [property: string]: unknown;
}

interface Agent {
  name: string;
  url?: string;
}

export interface NewsArticleInput {
  headline: string;
  description: string;
  authors: readonly (CiteAuthor & { url?: string })[];
  publisher: Agent;
  /** YYYY-MM-DD. */
  published: string;
  /** YYYY-MM-DD. */
  updated?: string;
  /** Absolute permalink. */
  url: string;
  language: string;
  version: string;
  /** SPDX id. */
  licence: string;
  /** Absolute URLs of images of the article (its share card). */
  images?: readonly string[];
  /** Where an author without an address of its own is found: the site that publishes its work. */
  authorFallbackUrl: string;
}

/** A calendar date as an instant with its zone: midnight UTC, so no reader's zone moves it. */
export function zonedDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date;
}

export function newsArticleJsonLd(input: NewsArticleInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    author: input.authors.map((a) => agent({ ...a, url: a.url ?? input.authorFallbackUrl })),
    datePublished: zonedDate(input.published),
    dateModified: zonedDate(input.updated ?? input.published),
    ...(input.images?.length ? { image: [...input.images] } : {}),
    publisher: organization(input.publisher),
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    inLanguage: input.language,
    version: input.version,
    isAccessibleForFree: true,
    license: licenceUrl(input.licence),
  };
}

export interface DatasetInput {
  name: string;
  /** Google asks for 50 to 5000 characters. */
  description: string;
  /** Absolute URL of the page describing the dataset. */
  url: string;
  /** SPDX id or a phrase, as the manifest states it. */
  licence: string;
  creator: Agent;
  /** Start and end instants of the collection window. */
  temporalCoverage: { from: string; to: string };
  distribution: readonly { url: string; encodingFormat: string; sha256: string }[];
  /** Where the posts came from (platform or export URLs). */
  isBasedOn?: readonly string[];
  /** Tool and query that collected the data. */
  measurementTechnique?: string;
  version: string;
  keywords?: readonly string[];
  /** What each record holds: one entry per field of a post. */
  variableMeasured?: readonly { name: string; description: string }[];
}

export function datasetJsonLd(input: DatasetInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.url,
    license: licenceUrl(input.licence),
    creator: organization(input.creator),
    temporalCoverage: `${input.temporalCoverage.from}/${input.temporalCoverage.to}`,
    distribution: input.distribution.map((d) => ({
      '@type': 'DataDownload',
      contentUrl: d.url,
      encodingFormat: d.encodingFormat,
      // schema.org `sha256` is defined on MediaObject, which DataDownload extends.
      sha256: d.sha256,
    })),
    ...(input.isBasedOn?.length ? { isBasedOn: [...input.isBasedOn] } : {}),
    ...(input.measurementTechnique ? { measurementTechnique: input.measurementTechnique } : {}),
    ...(input.keywords?.length ? { keywords: [...input.keywords] } : {}),
    ...(input.variableMeasured?.length
      ? { variableMeasured: input.variableMeasured.map((v) => ({ '@type': 'PropertyValue', name: v.name, description: v.description })) }
      : {}),
    isAccessibleForFree: true,
    version: input.version,
  };
}

export interface ClaimReviewInput {
  claim: string;
  /** Where the claim first appeared. */
  appearance: { url?: string; date?: string; author?: CiteAuthor };
  /** Verdict in words, e.g. "False". */
  rating: string;
  /** 1 (false) to 5 (true). */
  ratingValue: number;
  /** Permalink of the finding, with its `#anchor`. */
  url: string;
  reviewer: Agent;
  /** YYYY-MM-DD. */
  published: string;
}

export function claimReviewJsonLd(input: ClaimReviewInput): JsonLd {
  const { url, date, author } = input.appearance;
  const appearance = {
    '@type': 'CreativeWork',
    ...(url ? { url } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(author ? { author: agent(author) } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: input.claim,
    itemReviewed: { '@type': 'Claim', firstAppearance: appearance, appearance: [appearance] },
    author: organization(input.reviewer),
    datePublished: input.published,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: input.ratingValue,
      bestRating: 5,
      worstRating: 1,
      alternateName: input.rating,
    },
    url: input.url,
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become `\u003c`… escapes, which
 * JSON reads back unchanged, so no value (a post's text, a title) can close the script element or open a comment.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026');
}

function agent(a: CiteAuthor & { url?: string }): Record<string, string> {
  return { '@type': a.organization ? 'Organization' : 'Person', name: a.name, ...(a.url ? { url: a.url } : {}) };
}

function organization(a: Agent): Record<string, string> {
  return agent({ ...a, organization: true });
}
