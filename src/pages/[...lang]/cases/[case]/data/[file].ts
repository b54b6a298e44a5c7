/**
 * SHA256SUMS of each case's release, and under `astro dev` the generated files too (chart data, the
 * accounts table): a build writes those itself (`writeGeneratedFiles`), which costs far less than
 * rendering each through this route.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checksums, checksumsName, generatedFile, generatedIndex } from '../../../../../release/data-release.ts';
import { getSite, isDevServer } from '../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.cases.flatMap((siteCase) => [
    // A file in a folder (coordination/) has no single-segment address here: the build writes it.
    ...(isDevServer() ? generatedIndex(site, siteCase).filter((file) => !file.name.includes('/')).map((file) => ({ params: { lang: undefined, case: siteCase.id, file: file.name } })) : []),
    { params: { lang: undefined, case: siteCase.id, file: checksumsName } },
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const siteCase = site.cases.find((c) => c.id === params['case'])!;
  if (params['file'] === checksumsName) {
    return new Response(await checksums(site, siteCase), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const file = generatedFile(site, siteCase, params['file']!)!;
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
