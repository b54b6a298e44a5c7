/**
 * The dataset files as released under `astro dev`: byte for byte, or pseudonymised when a dossier is
 * private; withheld files are absent. A build writes them itself (`writeReleasedDatasets`), streamed to
 * disk, since Astro holds an endpoint's whole body in one Buffer (at most 4 GiB).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { releasedStream, type DatasetFile } from '../../../../../../site/released-datasets.ts';
import { getFilesView } from '../../../../../../site/site.ts';
import type { FilesView } from '../../../../../../site/views-files.ts';

export const getStaticPaths = (async () => {
  const { datasets, privatePeople } = await getFilesView();
  return datasets.map((d) => ({ params: { lang: undefined, case: d.caseId, dataset: d.dataset, file: d.path }, props: { file: d.file, privatePeople } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(releasedStream({ privatePeople: props['privatePeople'] as FilesView['privatePeople'] }, props['file'] as DatasetFile), {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
