/**
 * Site-wide listings for machines: the pages a sitemap names and the entries of the Atom feed
 * (one per case, one per correction). Dates are the content's own, so output is deterministic.
 */
import type { FeedEntry } from '../cite/feed.ts';
import type { SitemapUrl } from '../cite/sitemap.ts';
import type { Site } from './types.ts';

export function sitemapUrls(site: Site, origin: string): SitemapUrl[] {
  const { urls } = site;
  const abs = (path: string) => new URL(path, origin).href;
  // Site-wide pages (index, sources, search, accounts, entities) change when any case does.
  const latest = site.cases.reduce<string | undefined>((max, c) => (max === undefined || c.updated > max ? c.updated : max), undefined);
  const siteWide = (loc: string): SitemapUrl => ({ loc, ...(latest ? { lastmod: latest } : {}) });
  const out: SitemapUrl[] = [siteWide(abs(urls.home())), siteWide(abs(urls.asset('sources/'))), siteWide(abs(urls.asset('search/')))];
  for (const c of site.cases) {
    const lastmod = c.updated;
    out.push({ loc: abs(urls.caseReport(c.id)), lastmod });
    for (const section of ['sources', 'methodology', 'data', 'corrections', 'accounts'] as const) {
      out.push({ loc: abs(urls.caseSection(c.id, section)), lastmod });
    }
    for (const h of c.data.hashtags) out.push({ loc: abs(urls.hashtag(c.id, h.tag)), lastmod });
  }
  for (const a of site.accounts.values()) out.push(siteWide(abs(urls.account(a.pageId))));
  for (const id of site.entities.keys()) out.push(siteWide(abs(urls.entity(id))));
  return out;
}

export function feedEntries(site: Site, origin: string): FeedEntry[] {
  const abs = (path: string) => new URL(path, origin).href;
  return site.cases.flatMap((c) => {
    const url = abs(site.urls.caseReport(c.id));
    const authors = c.data.authors.map((a) => ({ name: a.name }));
    return [
      { id: url, title: c.data.title, url, published: `${c.data.published}T00:00:00Z`, updated: `${c.updated}T00:00:00Z`, summary: c.data.summary, authors },
      ...c.data.corrections.map((correction, i) => ({
        id: `${abs(site.urls.caseSection(c.id, 'corrections'))}#correction-${i + 1}`,
        title: `Correction to "${c.data.title}" (${correction.date})`,
        url: `${abs(site.urls.caseSection(c.id, 'corrections'))}#correction-${i + 1}`,
        published: `${correction.date}T00:00:00Z`,
        updated: `${correction.date}T00:00:00Z`,
        summary: correction.text,
        authors,
      })),
    ];
  });
}
