/** sitemap.xml (sitemaps.org 0.9). URLs are sorted so the file does not depend on the order pages were built. */
import { escapeXml } from './xml-escape.ts';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** YYYY-MM-DD. */
  lastmod?: string;
  /** The same page in other languages, this one included (`xhtml:link rel="alternate"`), with `x-default` for the original. */
  alternates?: { hreflang: string; href: string }[];
}

export function sitemap(urls: readonly SitemapUrl[]): string {
  const sorted = [...urls].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${urls.some((u) => u.alternates) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : ''}>`,
    ...sorted.map(
      (u) =>
        `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}${(u.alternates ?? [])
          .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
          .join('')}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}
