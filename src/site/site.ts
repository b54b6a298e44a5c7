/**
 * The site for Astro pages: checked and assembled once per process, then shared by every page.
 * A build never gets here with errors (the CLI checks first). `astro dev` keeps serving what could be
 * assembled (a file with errors is left out, a broken directive shows as written) and lists the problems
 * on every page, so one mistake never takes the preview down.
 */
import { checkProject } from '../check/check-project.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readVersion } from '../cite/version.ts';
import { takeOver } from './hand-over.ts';
import { prepareSite } from './prepare.ts';
import { inputFingerprint } from './input-fingerprint.ts';
import type { Site } from './types.ts';
import { siteViews, type SiteViews } from './views.ts';

let memo: Promise<Site> | undefined;
let memoInputs: string | undefined;

export async function getSite(): Promise<Site> {
  const root = process.env.CASEFILE_ROOT ?? process.cwd();
  // `npm run build` has just checked and assembled this very site: use it rather than do it all again.
  // Checked on every call, since a process that builds twice may reuse this module with an old memo.
  if (!isDevServer()) {
    const prepared = takeOver({ root, base: baseUrl(), drafts: withDrafts() });
    if (prepared) return prepared;
  }
  // A build reads its inputs once; the dev server rebuilds the model when a file under content/ or data/ changed
  // (unchanged datasets come back from the model cache, so this stays quick).
  if (isDevServer()) {
    const inputs = await inputFingerprint(root);
    if (inputs !== memoInputs) {
      memo = undefined;
      memoInputs = inputs;
    }
  }
  memo ??= load(root);
  return memo;
}

/** Every page's view (src/site/views.ts), computed once from the site. */
export async function getViews(): Promise<SiteViews> {
  return siteViews(await getSite());
}

/*
 * Read from Casefile's own variables, which astro.config.mjs reads too, never from generic ones such as
 * BASE_URL or DEV: a parent process (a test runner, a CI job) may have set those for itself.
 */
const baseUrl = (): string => process.env.CASEFILE_BASE || '/';
/** Under `astro dev` (set by astro.config.mjs). */
export const isDevServer = (): boolean => process.env.CASEFILE_DEV_SERVER === '1';
/** The build prints each report to a PDF edition (`npm run pdf`), which the report then links. */
export const hasPdfEdition = (): boolean => process.env.CASEFILE_PDF === '1';
/** Drafts appear in previews (`astro dev`, CASEFILE_DRAFTS=1) and never in the published site. */
const withDrafts = (): boolean => process.env.CASEFILE_DRAFTS === '1' || isDevServer();

async function load(root: string): Promise<Site> {
  const checked = await checkProject(root, {
    today: new Date().toISOString().slice(0, 10),
    base: baseUrl(),
    ...(process.env.CASEFILE_SITE ? { site: process.env.CASEFILE_SITE } : {}),
    drafts: withDrafts(),
  });
  const { diagnostics } = checked;
  if (isDevServer()) return { ...prepareSite(checked, { version: readVersion(root) }), previewProblems: diagnostics };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    memo = undefined;
    throw new DiagnosticError(errors);
  }
  return prepareSite(checked, { version: readVersion(root) });
}

/** `getStaticPaths` of every per-case page: one page per case, with the case as its prop. */
export async function casePaths(): Promise<{ params: { case: string }; props: { siteCase: Site['cases'][number] } }[]> {
  const site = await getSite();
  return site.cases.map((siteCase) => ({ params: { case: siteCase.id }, props: { siteCase } }));
}
