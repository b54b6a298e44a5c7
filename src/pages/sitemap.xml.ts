/** sitemap.xml of every published page. */
import type { APIRoute } from 'astro';
import { sitemap } from '../cite/sitemap.ts';
import { sitemapUrls } from '../site/site-index.ts';
import { getSite } from '../site/site.ts';
import { DEFAULT_SITE_URL } from '../content/urls.ts';

export const GET: APIRoute = async ({ site: configured }) => {
  const site = await getSite();
  const body = sitemap(sitemapUrls(site, configured?.href ?? DEFAULT_SITE_URL));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
