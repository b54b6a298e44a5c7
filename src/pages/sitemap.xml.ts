/** sitemap.xml of every published page (src/site/views-files.ts). */
import type { APIRoute } from 'astro';
import { getFilesView } from '../site/site.ts';

export const GET: APIRoute = async () => {
  const { sitemap } = await getFilesView();
  return new Response(sitemap.body, { headers: { 'Content-Type': sitemap.type } });
};
