/**
 * What a report page tells machines about itself: Highwire and Dublin Core tags for scholarly
 * indexers, Open Graph for link previews, and JSON-LD for the article, each dataset and each fact-check.
 * The Dataset checksums are those of the files as released, which readers can verify.
 */
import { coinsTitle, dublinCoreTags, highwireTags, openGraphTags, type MetaTag } from '../cite/metadata.ts';
import { claimReviewJsonLd, datasetJsonLd, newsArticleJsonLd, type JsonLd } from '../cite/json-ld.ts';
import { siteName } from './format.ts';
import { postVariables } from '../cite/post-variables.ts';
import { cardForPage } from './share-cards.ts';
import type { Site, SiteCase } from './types.ts';
import { siteUrls } from './addresses.ts';

/** The case's dataset files as released (src/site/views.ts, `CaseDataView`): their addresses and checksums. */
export interface ReleasedFiles {
  files: readonly { name: string; href?: string; released?: { sha256: string } }[];
}

export interface PageMetadata {
  tags: MetaTag[];
  jsonLd: JsonLd[];
  /** OpenURL of the page's COinS span, for reference managers; report pages only. */
  coins?: string;
}

/** `pdfHref`: the report's PDF edition, when the build prints one. */
export function reportMetadata(site: Site, siteCase: SiteCase, released: ReleasedFiles, origin: string, pdfHref?: string): PageMetadata {
  const { data } = siteCase;
  const absolute = (path: string) => new URL(path, origin).href;
  const urls = siteUrls(site, siteCase.prefix);
  const url = absolute(urls.caseReport(siteCase.id));
  const authors = data.authors.map((a) => ({ name: a.name, organization: a.organization, ...(a.url ? { url: a.url } : {}) }));
  const updated = siteCase.updated !== data.published ? { updated: siteCase.updated } : {};
  const page = {
    title: data.title,
    summary: data.summary,
    authors,
    publisher: data.publisher.name,
    published: data.published,
    ...updated,
    url,
    language: data.language,
    licence: data.licence,
    siteName,
    ...(pdfHref ? { pdfUrl: absolute(pdfHref) } : {}),
  };
  const publisher = { name: data.publisher.name, ...(data.publisher.url ? { url: data.publisher.url } : {}) };

  const datasets = datasetsJsonLd(site, siteCase, released, origin);

  const claims = data.claims.map((claim) =>
    claimReviewJsonLd({
      claim: claim.claim,
      appearance: {
        ...(claim.appearance.url ? { url: claim.appearance.url } : {}),
        ...(claim.appearance.date ? { date: claim.appearance.date } : {}),
        ...(claim.appearance.author ? { author: { name: claim.appearance.author } } : {}),
      },
      rating: claim.rating,
      ratingValue: claim.ratingValue,
      url: `${url}#${claim.finding}`,
      reviewer: publisher,
      published: data.published,
    }),
  );

  return {
    // The layout already gives every page og:title, og:description, og:url and og:locale.
    tags: [
      ...highwireTags(page),
      ...dublinCoreTags(page),
      ...openGraphTags(page).filter((t) => !('property' in t) || !['og:title', 'og:description', 'og:url', 'og:locale'].includes(t.property)),
    ],
    jsonLd: [
      newsArticleJsonLd({
        headline: data.title,
        description: data.summary,
        authors,
        publisher,
        published: data.published,
        ...updated,
        url,
        language: data.language,
        version: site.version.label,
        licence: data.licence,
        authorFallbackUrl: absolute(urls.home()),
        images: [cardForPage(site, siteUrls(site).caseReport(siteCase.id))].flatMap((card) => (card ? [absolute(urls.asset(card.file))] : [])),
      }),
      ...datasets,
      ...claims,
    ],
    coins: coinsTitle(page),
  };
}

/** A Dataset per dataset of the case, with its released files and checksums; on the report and the data page. */
export function datasetsJsonLd(site: Site, siteCase: SiteCase, released: ReleasedFiles, origin: string): JsonLd[] {
  const { data } = siteCase;
  const absolute = (path: string) => new URL(path, origin).href;
  const publisher = { name: data.publisher.name, ...(data.publisher.url ? { url: data.publisher.url } : {}) };
  const datasets: JsonLd[] = [];
  for (const dataset of siteCase.datasets) {
    const m = dataset.manifest;
    const distribution = [];
    for (const f of m.files) {
      const file = released.files.find((r) => r.name === `${dataset.id}/${f.path}`);
      if (!file?.released || !file.href) continue;
      distribution.push({
        url: absolute(file.href),
        encodingFormat: f.format === 'ndjson' ? 'application/x-ndjson' : f.format === 'csv' ? 'text/csv' : f.format === 'parquet' ? 'application/vnd.apache.parquet' : 'application/json',
        sha256: file.released.sha256,
      });
    }
    datasets.push(
      datasetJsonLd({
        name: m.title,
        description: `${m.synthetic ? 'Synthetic dataset. ' : ''}Posts collected with ${m.collection.tool} for the query ${m.collection.query}, used in "${data.title}".${m.synthetic && m.syntheticExplanation ? ` ${m.syntheticExplanation}` : ''}`,
        url: absolute(siteUrls(site, siteCase.prefix).caseSection(siteCase.id, 'data')),
        licence: m.licence,
        creator: publisher,
        temporalCoverage: { from: m.collection.from, to: m.collection.to },
        distribution,
        ...(m.url ? { isBasedOn: [m.url] } : {}),
        measurementTechnique: `${m.collection.tool}: ${m.collection.query}`,
        version: site.version.label,
        keywords: data.hashtags.map((h) => `#${h.tag}`),
        variableMeasured: postVariables(),
      }),
    );
  }

  return datasets;
}

/** The data page: its datasets, described where their `url` points. */
export function dataPageMetadata(site: Site, siteCase: SiteCase, released: ReleasedFiles, origin: string): PageMetadata {
  return { tags: [], jsonLd: datasetsJsonLd(site, siteCase, released, origin) };
}
