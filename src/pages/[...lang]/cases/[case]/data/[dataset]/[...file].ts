/**
 * The dataset files as released under `astro dev`: byte for byte, or pseudonymised when a dossier is
 * private; withheld files are absent. A build writes them itself (`writeReleasedDatasets`), streamed to
 * disk, since Astro holds an endpoint's whole body in one Buffer (at most 4 GiB).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFiles, releasedStream, type DatasetFile } from '../../../../../../release/data-release.ts';
import { getSite, isDevServer } from '../../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  if (!isDevServer()) return [];
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
