/**
 * Site-wide listings for machines: the pages a sitemap names and the entries of the Atom feed
 * (one per case, one per correction). Dates are the content's own, so output is deterministic.
 */
import type { FeedEntry } from '../cite/feed.ts';
import type { SitemapUrl } from '../cite/sitemap.ts';
import type { Site } from './types.ts';
import { siteUrls } from './addresses.ts';
import { chromeLocale, translator } from '../locale/messages.ts';
import { formatCalendarDate } from './format.ts';

export function sitemapUrls(site: Site, origin: string): SitemapUrl[] {
  const urls = siteUrls(site);
  const abs = (path: string) => new URL(path, origin).href;
  // Site-wide pages (index, sources, search, accounts, entities) change when any case does.
  const latest = site.cases.reduce<string | undefined>((max, c) => (max === undefined || c.updated > max ? c.updated : max), undefined);
  const siteWide = (loc: string): SitemapUrl => ({ loc, ...(latest ? { lastmod: latest } : {}) });
  const out: SitemapUrl[] = [siteWide(abs(urls.home())), siteWide(abs(urls.asset('sources/'))), siteWide(abs(urls.asset('search/')))];
  // Every language version of a case, each page naming the same page in every language (and the original as x-default).
  for (const c of [...site.cases, ...site.translations]) {
    const lastmod = c.updated;
    const page = (at: (u: typeof urls) => string): SitemapUrl => {
      const alternates =
        c.versions.length > 1
          ? c.versions.flatMap((v) => {
              const href = abs(at(urls.inLanguage(v.original ? undefined : v.language)));
              return [{ hreflang: v.language, href }, ...(v.original ? [{ hreflang: 'x-default', href }] : [])];
            })
          : undefined;
      return { loc: abs(at(siteUrls(site, c.prefix))), lastmod, ...(alternates ? { alternates } : {}) };
    };
    out.push(page((u) => u.caseReport(c.id)));
    for (const section of ['sources', 'methodology', 'data', 'corrections', 'accounts'] as const) out.push(page((u) => u.caseSection(c.id, section)));
    for (const h of c.data.hashtags) out.push(page((u) => u.hashtag(c.id, h.tag)));
  }
  for (const a of site.accounts) out.push(siteWide(abs(urls.account(a.pageId))));
  for (const { id } of site.entities) out.push(siteWide(abs(urls.entity(id))));
  return out;
}

export function feedEntries(site: Site, origin: string): FeedEntry[] {
  const abs = (path: string) => new URL(path, origin).href;
  // A translation is an entry of its own, at its own address, in its language.
  return [...site.cases, ...site.translations].flatMap((c) => {
    const urls = siteUrls(site, c.prefix);
    const url = abs(urls.caseReport(c.id));
    const authors = c.data.authors.map((a) => ({ name: a.name }));
    const language = c.data.language;
    const t = translator(chromeLocale(language));
    return [
      { id: url, title: c.data.title, url, published: `${c.data.published}T00:00:00Z`, updated: `${c.updated}T00:00:00Z`, summary: c.data.summary, authors, language },
      ...c.data.corrections.map((correction, i) => ({
        id: `${abs(urls.caseSection(c.id, 'corrections'))}#correction-${i + 1}`,
        title: t('site.feedCorrection', { title: c.data.title, date: formatCalendarDate(correction.date, chromeLocale(language)) }),
        url: `${abs(urls.caseSection(c.id, 'corrections'))}#correction-${i + 1}`,
        published: `${correction.date}T00:00:00Z`,
        updated: `${correction.date}T00:00:00Z`,
        summary: correction.text,
        authors,
        language,
      })),
    ];
  });
}
