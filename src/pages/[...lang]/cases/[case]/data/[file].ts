/**
 * SHA256SUMS of each case's release, and under `astro dev` the generated files too (chart data, the
 * accounts table): a build writes those itself (`writeGeneratedFiles`), which costs far less than
 * rendering each through this route.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFilesView } from '../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const { data } = await getFilesView();
  return data.map((f) => ({ params: { lang: undefined, case: f.caseId, file: f.file }, props: { body: f.body, type: f.type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': props['type'] as string } });
