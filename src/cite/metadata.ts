/**
 * Meta tags that let scholarly indexers (Highwire `citation_*`, read by Google Scholar and Zotero),
 * library tools (Dublin Core) and link previews (Open Graph) read a page's bibliographic data.
 * Plain data: the layout renders each as `<meta {...tag}>`.
 *
 * Written for how the readers of these tags behave. Zotero's Embedded Metadata translator splits every
 * `citation_author` and `DC.creator` into a given and a family name ("desk, Casefile example"), so only
 * people go there; an organisation that signs the report is kept whole in the page's COinS instead
 * (`rft.aucorp`, which Zotero prefers over the meta tags). Its item type comes from
 * `citation_technical_report_institution` (Highwire's report) and `DC.type` `report`; without them it
 * falls back to a journal article.
 */
import type { CiteAuthor } from './cite-this.ts';
import { licenceUrl } from './licence-url.ts';
import { remembered } from '../locale/intl.ts';

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
  /** Absolute address of the PDF edition, when one is built. */
  pdfUrl?: string;
}

const people = (authors: readonly CiteAuthor[]) => authors.filter((a) => !a.organization);

export function highwireTags(input: PageMetadataInput): MetaTag[] {
  return [
    { name: 'citation_title', content: input.title },
    ...people(input.authors).map((a) => ({ name: 'citation_author', content: a.name })),
    // Highwire dates are slash-separated; Scholar ignores the ISO form.
    { name: 'citation_publication_date', content: input.published.replaceAll('-', '/') },
    { name: 'citation_publisher', content: input.publisher },
    { name: 'citation_technical_report_institution', content: input.publisher },
    { name: 'citation_abstract_html_url', content: input.url },
    { name: 'citation_fulltext_html_url', content: input.url },
    { name: 'citation_public_url', content: input.url },
    { name: 'citation_language', content: input.language },
    ...(input.pdfUrl ? [{ name: 'citation_pdf_url', content: input.pdfUrl }] : []),
  ];
}

export function dublinCoreTags(input: PageMetadataInput): MetaTag[] {
  return [
    { name: 'DC.title', content: input.title },
    ...people(input.authors).map((a) => ({ name: 'DC.creator', content: a.name })),
    { name: 'DC.date', content: input.published },
    ...(input.updated ? [{ name: 'DCTERMS.modified', content: input.updated }] : []),
    { name: 'DC.publisher', content: input.publisher },
    { name: 'DC.language', content: input.language },
    { name: 'DC.identifier', content: input.url },
    { name: 'DC.rights', content: licenceUrl(input.licence) },
    { name: 'DC.description', content: input.summary },
    // Zotero reads `report` as its item type; the DCMI "Text" would make it guess a journal article.
    { name: 'DC.type', content: 'report' },
  ];
}

export function openGraphTags(input: PageMetadataInput): MetaTag[] {
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.summary },
    { property: 'og:url', content: input.url },
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:locale', content: ogLocale(input.language) },
    { property: 'article:published_time', content: input.published },
    ...(input.updated ? [{ property: 'article:modified_time', content: input.updated }] : []),
  ];
}

/** Every page's `og:locale`, worked out from CLDR once a language (BENCHMARKS.md, "The 10M-post case's report after its render was profiled"). */
const ogLocales = new Map<string, string>();

/** Open Graph writes locales as `ll_CC`; a bare language gets its likeliest region (`en` → `en_US`, `fr` → `fr_FR`). */
export function ogLocale(language: string): string {
  return remembered(ogLocales, language, () => {
    const locale = new Intl.Locale(language);
    const region = locale.region ?? locale.maximize().region;
    return region ? `${locale.language}_${region}` : locale.language;
  });
}

/**
 * A COinS span's title (OpenURL 1.0 key/value): the report as a `report` genre with every author, an
 * organisation as `rft.aucorp` so reference managers keep its name whole.
 */
export function coinsTitle(input: PageMetadataInput): string {
  const pairs: [string, string][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'],
    ['rft.genre', 'report'],
    ['rft.btitle', input.title],
    ...input.authors.map((a): [string, string] => [a.organization ? 'rft.aucorp' : 'rft.au', a.name]),
    ['rft.pub', input.publisher],
    ['rft.date', input.published],
    ['rft_id', input.url],
    ['rft.language', input.language],
  ];
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

export { claimReviewJsonLd, datasetJsonLd, newsArticleJsonLd, serializeJsonLd } from './json-ld.ts';
export type { ClaimReviewInput, DatasetInput, JsonLd, NewsArticleInput } from './json-ld.ts';
