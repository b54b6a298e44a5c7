/** The dataset files as released: byte for byte, or pseudonymised when a dossier is private; withheld files are absent. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFiles, releasedStream, type DatasetFile } from '../../../../../../release/data-release.ts';
import { getSite } from '../../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.cases.flatMap((siteCase) =>
    datasetFiles(site, siteCase)
      .filter((file) => file.release !== 'withhold')
      .map((file) => ({
        params: { lang: undefined, case: siteCase.id, dataset: file.dataset, file: file.name.slice(file.dataset.length + 1) },
        props: { file },
      })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(releasedStream(await getSite(), props['file'] as DatasetFile), {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
