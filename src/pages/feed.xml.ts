/** Atom feed of cases and their corrections (src/site/views-files.ts). */
import type { APIRoute } from 'astro';
import { getFilesView } from '../site/site.ts';

export const GET: APIRoute = async () => {
  const { feed } = await getFilesView();
  return new Response(feed.body, { headers: { 'Content-Type': feed.type } });
};
