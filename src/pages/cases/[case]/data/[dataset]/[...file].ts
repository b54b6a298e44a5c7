/** The dataset files as their manifests pin them, streamed byte for byte into the release. */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetFiles } from '../../../../../components/data-release.ts';
import { getSite } from '../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.cases.flatMap((siteCase) =>
    datasetFiles(siteCase).map((file) => ({
      params: { case: siteCase.id, dataset: file.dataset, file: file.name.slice(file.dataset.length + 1) },
      props: { source: file.source },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(Readable.toWeb(createReadStream(props['source'] as string)) as ReadableStream, {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
