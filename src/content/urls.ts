/**
 * Every internal address of the site in one place, so pages, Markdown and feeds agree
 * and the whole site can move under any base path. Paths end in `/` (directory format).
 */
export interface SiteUrls {
  base: string;
  /**
   * The language prefix of the case pages these addresses lead to (`fr` for `/fr/cases/…`), unset for the
   * cases' own language at the root. Data files, accounts, entities and sources are the same for every language.
   */
  language?: string;
  /** The same addresses, with the case pages of the translation into `language` (unset: the original's, at the root). */
  inLanguage(language: string | undefined): SiteUrls;
  home(): string;
  caseReport(caseId: string): string;
  caseSection(caseId: string, section: 'sources' | 'methodology' | 'data' | 'corrections' | 'accounts'): string;
  hashtag(caseId: string, tag: string): string;
  /** Download of one chart's plotted numbers. */
  chartData(caseId: string, chartId: string, ext: 'csv' | 'json'): string;
  /**
   * A citation file of the report or a finding (`report.bib`): in the data folder of this language version, since
   * it cites the version's own title and address.
   */
  citationFile(caseId: string, name: string): string;
  /** A released dataset file or release-level file under the case's data folder. */
  dataFile(caseId: string, name: string): string;
  account(accountId: string): string;
  entity(entityId: string): string;
  source(sourceId: string): string;
  asset(path: string): string;
  /** A site path as a full address on the site's host: what paper can print and a reader can type. */
  absolute(path: string): string;
}

export function createUrls(base = '/', origin: string = DEFAULT_SITE_URL, language?: string): SiteUrls {
  const root = base.endsWith('/') ? base : `${base}/`;
  const seg = (s: string) => encodeURIComponent(s);
  const path = (...parts: string[]) => `${root}${parts.map(seg).join('/')}/`;
  // A translation's case pages live under its language: `/fr/cases/<case>/`.
  const casePath = (...parts: string[]) => path(...(language ? [language] : []), 'cases', ...parts);
  return {
    base: root,
    ...(language ? { language } : {}),
    inLanguage: (other) => createUrls(base, origin, other),
    home: () => root,
    caseReport: (c) => casePath(c),
    caseSection: (c, section) => casePath(c, section),
    hashtag: (c, tag) => casePath(c, 'hashtags', hashtagSlug(tag)),
    chartData: (c, chartId, ext) => `${root}cases/${seg(c)}/data/${seg(chartId)}.${ext}`,
    citationFile: (c, name) => `${casePath(c, 'data', 'cite')}${seg(name)}`,
    dataFile: (c, name) => `${root}cases/${seg(c)}/data/${name.split('/').map(seg).join('/')}`,
    // Account ids are `<platform>/<name>`: keep the slash as a path separator.
    account: (id) => `${root}accounts/${id.split('/').map(seg).join('/')}/`,
    entity: (id) => path('entities', id),
    source: (id) => `${root}sources/#${seg(id)}`,
    asset: (p) => `${root}${p.replace(/^\//, '')}`,
    // Paths already carry the base, so they resolve against the host alone.
    absolute: (p) => new URL(p, origin).href,
  };
}

/** Hashtag pages use the lower-cased tag: stable however the case capitalises it. */
export function hashtagSlug(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

/** Every account of a case with its counts, in the case's data folder. */
export const accountsCsvName = 'accounts.csv';
/** The checksums of every file released in a case's data folder, for `sha256sum -c`. */
export const checksumsName = 'SHA256SUMS';

/** The PDF of a case, relative to the site root. */
export function pdfFile(caseId: string): string {
  return `cases/${caseId}/${caseId}.pdf`;
}

/**
 * The site's address when none is configured (`--site`, `CASEFILE_SITE`): absolute links in feeds, citations
 * and metadata need one. Defined once; astro.config.mjs reads it too.
 */
export const DEFAULT_SITE_URL = 'https://casefile.example.org/';
