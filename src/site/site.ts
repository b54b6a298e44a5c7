/**
 * The site for Astro pages: checked and assembled once per process, then shared by every page.
 * A build never gets here with errors (the CLI checks first). `astro dev` keeps serving what could be
 * assembled (a file with errors is left out, a broken directive shows as written) and lists the problems
 * on every page, so one mistake never takes the preview down.
 */
import { checkProject } from '../check/check-project.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readVersion } from '../cite/version.ts';
import { takeOver } from './hand-over.mjs';
import { prepareSite } from './prepare.ts';
import { inputFingerprint } from './input-fingerprint.ts';
import type { Site } from './types.ts';
import { siteViews, type CaseChromeView, type CaseViews, type SiteChromeView, type SiteViews } from './views.ts';
import { filesView, type FilesView } from './views-files.ts';
import options from 'virtual:casefile/render-options';

let memo: Promise<Site> | undefined;
let memoInputs: string | undefined;

async function getSite(): Promise<Site> {
  const { root } = options;
  // `npm run build` has just checked and assembled this very site: use it rather than do it all again.
  const prepared = takeOver(options.handOver) as Site | undefined;
  if (prepared) return prepared;
  // A build reads its inputs once; the dev server rebuilds the model when a file under content/ or data/ changed
  // (unchanged datasets come back from the model cache, so this stays quick).
  if (options.devServer) {
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
  return siteViews(await getSite(), { pdf: options.pdf });
}

/** Every file route's view (src/site/views-files.ts), computed once from the site. */
export async function getFilesView(): Promise<FilesView> {
  return filesView(await getSite(), { devServer: options.devServer });
}

/*
 * From the render's options (src/site/render-options.ts), never from generic variables such as BASE_URL or
 * DEV: a parent process (a test runner, a CI job) may have set those for itself.
 * Drafts appear in previews (`astro dev`, a preview build) and never in the published site.
 */
const withDrafts = (): boolean => options.drafts || options.devServer;

async function load(root: string): Promise<Site> {
  const checked = await checkProject(root, {
    today: new Date().toISOString().slice(0, 10),
    base: options.base,
    ...(options.site ? { site: options.site } : {}),
    drafts: withDrafts(),
  });
  const { diagnostics } = checked;
  if (options.devServer) return { ...prepareSite(checked, { version: readVersion(root, options.version) }), previewProblems: diagnostics };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    memo = undefined;
    throw new DiagnosticError(errors);
  }
  return prepareSite(checked, { version: readVersion(root, options.version) });
}

/** The page types of a case, each with its own view. */
export type CasePage = Exclude<keyof CaseViews, 'prefix' | 'chrome'>;

/** What a page of a case receives: the site's and the case's parts of the layout, and its own view. */
export interface CasePageProps<P extends CasePage> {
  site: SiteChromeView;
  caseChrome: CaseChromeView;
  view: CaseViews[P];
}

/**
 * `getStaticPaths` of every per-case page: one page per case and per translation, with its view as its prop.
 * The original is at the root (`lang` unset), a translation under its language.
 */
export async function casePagePaths<P extends CasePage>(page: P): Promise<{ params: { lang: string | undefined; case: string }; props: CasePageProps<P> }[]> {
  const views = await getViews();
  return views.cases.map((c) => ({ params: { lang: c.prefix, case: c.chrome.id }, props: { site: views.site, caseChrome: c.chrome, view: c[page] } }));
}

/**
 * `getStaticPaths` of the report: `casePagePaths('report')`, and the original's report under each language the
 * site has translations in but the case has not, with the language as its `untranslated` prop.
 */
export async function reportPagePaths(): Promise<{ params: { lang: string | undefined; case: string }; props: CasePageProps<'report'> & { untranslated?: string } }[]> {
  const views = await getViews();
  const fallbacks = views.untranslated.map(({ language, caseId }) => {
    const original = views.cases.find((c) => c.prefix === undefined && c.chrome.id === caseId)!;
    return { params: { lang: language, case: caseId }, props: { site: views.site, caseChrome: original.chrome, view: original.report, untranslated: language } };
  });
  return [...(await casePagePaths('report')), ...fallbacks];
}
