/**
 * What the routes that write files receive (src/pages: the feed, sitemap, robots.txt, share cards, citation
 * files, each case's SHA256SUMS and, under `astro dev`, its generated and dataset files): a view per route,
 * computed once per site with every address made and every join done, so a route only returns its view's
 * body. Plain data like the pages' views (`views.test.ts`); a dataset file, which may be larger than memory
 * holds, is described here and streamed by its route through `releasedStream`.
 */
import { atomFeed } from '../cite/feed.ts';
import { sitemap } from '../cite/sitemap.ts';
import { checksumsName } from '../content/urls.ts';
import { siteUrls } from './addresses.ts';
import { caseCitations } from './citations.ts';
import { checksums, generatedFiles } from './release-files.ts';
import { datasetFiles, type DatasetFile } from './released-datasets.ts';
import { siteCards, type Card } from './share-cards.ts';
import { feedEntries, sitemapUrls } from './site-index.ts';
import type { Site } from './types.ts';

/** A text file a route returns as it is. */
export interface TextFileView {
  body: string;
  type: string;
}

/** A file under a case's data folder, at `/<lang>/cases/<case>/data/<file>`. */
export interface CaseFileView extends TextFileView {
  /** The language prefix of a translation's file (`fr`); unset for the original's. */
  lang?: string;
  caseId: string;
  /** Its name under the data folder (`cite/report.bib` is `report.bib` under the citation route). */
  file: string;
}

/** A dataset file as released under `astro dev`, streamed by its route (a build writes them itself). */
export interface DatasetFileView {
  caseId: string;
  dataset: string;
  /** Its path inside the dataset's folder. */
  path: string;
  file: DatasetFile;
}

export interface FilesViewOptions {
  /** Under `astro dev`: the generated and dataset files are served by routes too. */
  devServer: boolean;
}

export interface FilesView {
  feed: TextFileView;
  sitemap: TextFileView;
  robots: TextFileView;
  /** Each share card's path under `cards/` and what it says (src/cards draws it). */
  cards: { path: string; card: Card }[];
  /** BibTeX, RIS and CSL-JSON of each report and finding, per language version (under `data/cite/`). */
  citations: CaseFileView[];
  /** Each case's SHA256SUMS and, under `astro dev`, its generated files (chart data, accounts table). */
  data: CaseFileView[];
  /** Under `astro dev`: the released dataset files. */
  datasets: DatasetFileView[];
  /** The privacy decision the dataset files are streamed through (`releasedStream`). */
  privatePeople: Site['privatePeople'];
}

const citationFormats = [
  ['bib', 'bibtex', 'application/x-bibtex; charset=utf-8'],
  ['ris', 'ris', 'application/x-research-info-systems; charset=utf-8'],
  ['json', 'cslJson', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
] as const;

const memo = new WeakMap<Site, Promise<FilesView>>();

/** Every file route's view, computed once per assembled site. */
export function filesView(site: Site, options: FilesViewOptions): Promise<FilesView> {
  let view = memo.get(site);
  if (!view) {
    view = buildFilesView(site, options);
    memo.set(site, view);
  }
  return view;
}

async function buildFilesView(site: Site, { devServer }: FilesViewOptions): Promise<FilesView> {
  const urls = siteUrls(site);
  const { origin } = site.addresses;
  const absolute = (path: string) => new URL(path, origin).href;
  const entries = feedEntries(site, origin);
  const feed = atomFeed({
    site: absolute(urls.asset('feed.xml')),
    id: absolute(urls.home()),
    title: 'Casefile: cases and corrections',
    updated: entries.map((e) => e.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z',
    entries,
  });
  // Crawlers read robots.txt only at a host's root; under a base path the host's own should name this sitemap (docs/hosting.md).
  const robots = `User-agent: *\nAllow: /\n\nSitemap: ${absolute(urls.asset('sitemap.xml'))}\n`;
  const text = 'text/plain; charset=utf-8';
  const checksumFiles = await Promise.all(
    site.cases.map(async (siteCase): Promise<CaseFileView> => ({ caseId: siteCase.id, file: checksumsName, body: await checksums(site, siteCase), type: text })),
  );
  return {
    feed: { body: feed, type: 'application/atom+xml; charset=utf-8' },
    sitemap: { body: sitemap(sitemapUrls(site, origin)), type: 'application/xml; charset=utf-8' },
    robots: { body: robots, type: text },
    cards: siteCards(site).map((c) => ({ path: c.file.replace(/^cards\//, ''), card: c.card })),
    // Each language version cites its own title and address, from its own data folder.
    citations: [...site.cases, ...site.translations].flatMap((siteCase) =>
      caseCitations(site, siteCase, origin).flatMap((citation) =>
        citationFormats.map(([ext, key, type]) => ({
          ...(siteCase.prefix !== undefined ? { lang: siteCase.prefix } : {}),
          caseId: siteCase.id,
          file: `${citation.id}.${ext}`,
          body: citation.formats[key],
          type,
        })),
      ),
    ),
    data: [
      // A build writes the generated files itself; a file in a folder (coordination/) has no single-segment route.
      ...(devServer
        ? site.cases.flatMap((siteCase) =>
            [...generatedFiles(site, siteCase)].filter((f) => !f.name.includes('/')).map((f) => ({ caseId: siteCase.id, file: f.name, body: f.body, type: f.type })),
          )
        : []),
      ...checksumFiles,
    ],
    datasets: devServer
      ? site.cases.flatMap((siteCase) =>
          datasetFiles(site, siteCase)
            .filter((file) => file.release !== 'withhold')
            .map((file) => ({ caseId: siteCase.id, dataset: file.dataset, path: file.name.slice(file.dataset.length + 1), file })),
        )
      : [],
    privatePeople: site.privatePeople,
  };
}
