/** The case's generated release files: chart data (CSV, JSON), the accounts table and SHA256SUMS. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checksums, checksumsName, generatedFiles } from '../../../../release/data-release.ts';
import { getSite } from '../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  const perCase = await Promise.all(site.cases.map(async (siteCase) => [
    ...generatedFiles(site, siteCase).map((file) => ({
      params: { case: siteCase.id, file: file.name },
      props: { body: file.body, type: file.type },
    })),
    {
      params: { case: siteCase.id, file: checksumsName },
      props: { body: await checksums(site, siteCase), type: 'text/plain; charset=utf-8' },
    },
  ]));
  return perCase.flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': props['type'] as string } });
