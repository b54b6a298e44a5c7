/**
 * Citation files for the report and each finding: `<id>.bib`, `<id>.ris`, `<id>.json` (CSL-JSON), for each language
 * version of a case under its own data folder (`/fr/cases/<case>/data/cite/`), citing its title and address.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFilesView } from '../../../../../../site/site.ts';

export const getStaticPaths = (async () => {
  const { citations } = await getFilesView();
  return citations.map((c) => ({ params: { lang: c.lang, case: c.caseId, file: c.file }, props: { body: c.body, type: c.type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': props['type'] as string } });
