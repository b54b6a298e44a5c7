/**
 * Meta tags that let scholarly indexers (Highwire `citation_*`, read by Google Scholar and Zotero),
 * library tools (Dublin Core) and link previews (Open Graph) read a page's bibliographic data.
 * Plain data: the layout renders each as `<meta {...tag}>`.
 */
import type { CiteAuthor } from './cite-this.ts';
import { licenceUrl } from './licence-url.ts';

export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface PageMetadataInput {
  title: string;
  summary: string;
  authors: readonly CiteAuthor[];
  publisher: string;
  /** YYYY-MM-DD. */
  published: string;
  /** YYYY-MM-DD. */
  updated?: string;
  /** Absolute permalink. */
  url: string;
  /** BCP 47 tag. */
  language: string;
  /** SPDX id of the text's licence. */
  licence: string;
  siteName: string;
}

export function highwireTags(input: PageMetadataInput): MetaTag[] {
  return [
    { name: 'citation_title', content: input.title },
    ...input.authors.map((a) => ({ name: 'citation_author', content: a.name })),
    // Highwire dates are slash-separated; Scholar ignores the ISO form.
    { name: 'citation_publication_date', content: input.published.replaceAll('-', '/') },
    { name: 'citation_publisher', content: input.publisher },
    { name: 'citation_abstract_html_url', content: input.url },
    { name: 'citation_fulltext_html_url', content: input.url },
    { name: 'citation_public_url', content: input.url },
    { name: 'citation_language', content: input.language },
  ];
}

export function dublinCoreTags(input: PageMetadataInput): MetaTag[] {
  return [
    { name: 'DC.title', content: input.title },
    ...input.authors.map((a) => ({ name: 'DC.creator', content: a.name })),
    { name: 'DC.date', content: input.published },
    ...(input.updated ? [{ name: 'DCTERMS.modified', content: input.updated }] : []),
    { name: 'DC.publisher', content: input.publisher },
    { name: 'DC.language', content: input.language },
    { name: 'DC.identifier', content: input.url },
    { name: 'DC.rights', content: licenceUrl(input.licence) },
    { name: 'DC.description', content: input.summary },
    { name: 'DC.type', content: 'Text' },
  ];
}

export function openGraphTags(input: PageMetadataInput): MetaTag[] {
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.summary },
    { property: 'og:url', content: input.url },
    { property: 'og:site_name', content: input.siteName },
    // Open Graph writes locales as ll_CC.
    { property: 'og:locale', content: input.language.replace('-', '_') },
    { property: 'article:published_time', content: input.published },
    ...(input.updated ? [{ property: 'article:modified_time', content: input.updated }] : []),
  ];
}

export { claimReviewJsonLd, datasetJsonLd, newsArticleJsonLd, serializeJsonLd } from './json-ld.ts';
export type { ClaimReviewInput, DatasetInput, JsonLd, NewsArticleInput } from './json-ld.ts';
