/**
 * Share cards, drawn at build time (src/cards) from what the site decided each says, and the licence of the
 * font they are set in, which the SIL Open Font License asks to travel with it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { fontFolder, renderCard } from '../../cards/render-card.ts';
import type { Card } from '../../site/share-cards.ts';
import { getFilesView } from '../../site/site.ts';

const LICENCE = 'FONT-LICENSE.txt';

export const getStaticPaths = (async () => {
  const { cards } = await getFilesView();
  return [...cards.map((c) => ({ params: { card: c.path }, props: { card: c.card } })), { params: { card: LICENCE }, props: {} }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  if (params['card'] === LICENCE) {
    const text = await readFile(path.join(fontFolder(), 'LICENSE'), 'utf8');
    return new Response(`Share cards on this site are set in Source Sans 3 (@fontsource/source-sans-3).\n\n${text}`, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(new Uint8Array(await renderCard(props['card'] as Card)), { headers: { 'Content-Type': 'image/png' } });
};
