/**
 * The site for Astro pages: checked and assembled once per process, then shared by every page.
 * A build never gets here with errors (the CLI checks first); `astro dev` shows them instead of a page.
 */
import { checkProject } from '../check/check-project.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readVersion } from '../cite/version.ts';
import type { Site } from './types.ts';

let memo: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
  memo ??= load();
  return memo;
}

async function load(): Promise<Site> {
  const root = process.env.CASEFILE_ROOT ?? process.cwd();
  const { site, diagnostics } = await checkProject(root, {
    today: new Date().toISOString().slice(0, 10),
    base: import.meta.env?.BASE_URL ?? process.env.CASEFILE_BASE ?? '/',
    // Drafts appear in previews (`astro dev`, CASEFILE_DRAFTS=1) and never in the published site.
    drafts: process.env.CASEFILE_DRAFTS === '1' || import.meta.env?.DEV === true,
    version: readVersion(root),
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    memo = undefined;
    throw new DiagnosticError(errors);
  }
  return site;
}
