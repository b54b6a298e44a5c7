/**
 * Share cards, drawn at build time (src/cards), and the licence of the font they are set in, which the
 * SIL Open Font License asks to travel with it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { fontFolder, renderCard } from '../../cards/render-card.ts';
import { siteCards } from '../../site/share-cards.ts';
import { getSite } from '../../site/site.ts';

const LICENCE = 'FONT-LICENSE.txt';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return [...siteCards(site).map((c) => ({ params: { card: c.file.replace(/^cards\//, '') } })), { params: { card: LICENCE } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  if (params['card'] === LICENCE) {
    const text = await readFile(path.join(fontFolder(), 'LICENSE'), 'utf8');
    return new Response(`Share cards on this site are set in Source Sans 3 (@fontsource/source-sans-3).\n\n${text}`, {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const site = await getSite();
  const card = siteCards(site).find((c) => c.file === `cards/${params['card']}`)!;
  return new Response(new Uint8Array(await renderCard(card.card)), { headers: { 'Content-Type': 'image/png' } });
};
