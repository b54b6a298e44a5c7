/**
 * robots.txt: every page may be crawled, and the sitemap says which there are. Crawlers read it only at
 * a host's root; under a base path the host's own robots.txt should name this sitemap (docs/hosting.md).
 */
import type { APIRoute } from 'astro';
import { getSite } from '../site/site.ts';
import { DEFAULT_SITE_URL } from '../content/urls.ts';

export const GET: APIRoute = async ({ site: configured }) => {
  const site = await getSite();
  const sitemapUrl = new URL(site.urls.asset('sitemap.xml'), configured?.href ?? DEFAULT_SITE_URL).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
