/**
 * robots.txt: every page may be crawled, and the sitemap says which there are. Crawlers read it only at
 * a host's root; under a base path the host's own robots.txt should name this sitemap (docs/hosting.md).
 */
import type { APIRoute } from 'astro';
import { getFilesView } from '../site/site.ts';

export const GET: APIRoute = async () => {
  const { robots } = await getFilesView();
  return new Response(robots.body, { headers: { 'Content-Type': robots.type } });
};
