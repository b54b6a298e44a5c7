/** Atom feed of cases and their corrections. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../cite/feed.ts';
import { feedEntries } from '../site/site-index.ts';
import { getSite } from '../site/site.ts';
import { DEFAULT_SITE_URL } from '../content/urls.ts';

export const GET: APIRoute = async ({ site: configured }) => {
  const site = await getSite();
  const origin = configured?.href ?? DEFAULT_SITE_URL;
  const entries = feedEntries(site, origin);
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? '1970-01-01T00:00:00Z';
  const body = atomFeed({
    site: new URL(site.urls.asset('feed.xml'), origin).href,
    id: new URL(site.urls.home(), origin).href,
    title: 'Casefile: cases and corrections',
    updated,
    entries,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
