/**
 * Citation files for the report and each finding: `<id>.bib`, `<id>.ris`, `<id>.json` (CSL-JSON), for each language
 * version of a case under its own data folder (`/fr/cases/<case>/data/cite/`), citing its title and address.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { caseCitations } from '../../../../../../site/citations.ts';
import { getSite } from '../../../../../../site/site.ts';
import { DEFAULT_SITE_URL } from '../../../../../../content/urls.ts';

const formats = [
  ['bib', 'bibtex', 'application/x-bibtex; charset=utf-8'],
  ['ris', 'ris', 'application/x-research-info-systems; charset=utf-8'],
  ['json', 'cslJson', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
] as const;

export const getStaticPaths = (async () => {
  const site = await getSite();
  const origin = import.meta.env.SITE ?? DEFAULT_SITE_URL;
  return [...site.cases, ...site.translations].flatMap((siteCase) =>
    caseCitations(site, siteCase, origin).flatMap((citation) =>
      formats.map(([ext, key, type]) => ({
        params: { lang: siteCase.prefix, case: siteCase.id, file: `${citation.id}.${ext}` },
        props: { body: citation.formats[key], type },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(props['body'] as string, { headers: { 'Content-Type': props['type'] as string } });
