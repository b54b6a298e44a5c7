/**
 * The views of the site's own pages (the case index, the sources, search, not found) and the site's part of
 * every page's layout (its addresses, version, licences, share cards, the preview's problems).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Source } from '../schema/index.ts';
import { keyFigureLine, siteLocale } from './format.ts';
import { siteCards } from './share-cards.ts';
import { siteUrls } from './addresses.ts';
import type { Site } from './types.ts';

/** What the layout shows on every page. */
export interface SiteChromeView {
  /** e.g. "a1b2c3d, 2026-11-28". */
  version: string;
  homeHref: string;
  /** The home page's full address, for the pages' JSON-LD. */
  homeUrl: string;
  faviconHref: string;
  feedHref: string;
  sourcesHref: string;
  /** The search page of the site's own language. */
  searchHref: string;
  /** Licences of the published cases, for pages outside a case. */
  licences: string[];
  /** Share cards by the path of the page they are for: the image's full address and its text alternative. */
  cards: Record<string, { imageUrl: string; alt: string }>;
  /** Under `astro dev` only: what the check found, listed on every page. Empty in a build. */
  previewProblems: Diagnostic[];
}

export interface CaseListItem {
  id: string;
  title: string;
  summary: string;
  language: string;
  href: string;
  synthetic: boolean;
  draft: boolean;
  published: string;
  /** Latest of `updated`, the latest correction and `published`. */
  updated: string;
  /** The one line of numbers the case is known by. */
  keyLine: string;
}

export interface HomeView {
  /** Published cases (and drafts in previews), newest first. */
  cases: CaseListItem[];
}

export interface SourcesIndexView {
  /** Every source, by title. */
  entries: {
    id: string;
    source: Source;
    /** The editors' note rendered; empty when there is none. */
    notesHtml: string;
    /** The cases that cite it, so a reader can go from a document to the reports using it. */
    citedBy: { title: string; href: string; language: string }[];
  }[];
}

/** One search page per language the site's pages are in: Pagefind indexes each `<html lang>` apart. */
export interface SearchView {
  /** The language prefix (`fr` for `/fr/search/`); unset for the site's own language. */
  prefix?: string;
  language: string;
  styleHref: string;
  scriptHref: string;
  initHref: string;
  base: string;
  bundleHref: string;
}

export function siteChromeView(site: Site): SiteChromeView {
  const urls = siteUrls(site);
  return {
    version: site.version.label,
    homeHref: urls.home(),
    homeUrl: urls.absolute(urls.home()),
    faviconHref: urls.asset('favicon.svg'),
    feedHref: urls.asset('feed.xml'),
    sourcesHref: urls.asset('sources/'),
    searchHref: urls.asset('search/'),
    licences: [...new Set(site.cases.map((c) => c.data.licence))],
    cards: Object.fromEntries(siteCards(site).map((c) => [c.page, { imageUrl: urls.absolute(urls.asset(c.file)), alt: c.alt }])),
    previewProblems: site.previewProblems ?? [],
  };
}

export function homeView(site: Site): HomeView {
  return {
    cases: site.cases.map((c) => ({
      id: c.id,
      title: c.data.title,
      summary: c.data.summary,
      language: c.data.language,
      href: siteUrls(site).caseReport(c.id),
      synthetic: c.synthetic,
      draft: c.data.status === 'draft',
      published: c.data.published,
      updated: c.updated,
      keyLine: keyFigureLine(c.data, c.model.timelines),
    })),
  };
}

export function sourcesIndexView(site: Site): SourcesIndexView {
  const entries = [...site.sources].sort((a, b) => a.data.title.localeCompare(b.data.title, siteLocale) || (a.id < b.id ? -1 : 1));
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      source: entry.data,
      notesHtml: entry.body.html.trim(),
      citedBy: site.cases
        .filter((c) => c.report.notes.some((note) => note.sourceId === entry.id))
        .map((c) => ({ title: c.data.title, href: siteUrls(site).caseSection(c.id, 'sources'), language: c.data.language })),
    })),
  };
}

export function searchViews(site: Site): SearchView[] {
  const urls = siteUrls(site);
  const page = (language: string, prefix?: string): SearchView => ({
    ...(prefix !== undefined ? { prefix } : {}),
    language,
    styleHref: urls.asset('pagefind/pagefind-ui.css'),
    scriptHref: urls.asset('pagefind/pagefind-ui.js'),
    initHref: urls.asset('search-init.js'),
    base: urls.base,
    bundleHref: urls.asset('pagefind/'),
  });
  const languages = [...new Set(site.translations.map((c) => c.prefix!))];
  return [page(siteLocale), ...languages.map((lang) => page(lang, lang))];
}
