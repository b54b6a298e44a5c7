/**
 * Post-build stage of `npm run pdf` (or `npm run build -- --pdf`): prints each report of the staged site
 * to `cases/<case>/<case>.pdf` with Debian's Chromium through playwright-core, using the report's print
 * style sheet (title page with the citation, page numbers, charts whole, no data tables, endnotes, link
 * addresses shown). The pages link the PDF only in such a build, so a build that cannot print fails.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { PostBuildStage } from './build-site.ts';
import { pdfFile } from '../content/urls.ts';

/** Where the browser is looked for: the one the command was given (`CHROMIUM_PATH`), else Debian's package. */
export function chromiumPath(given?: string): string {
  return given ?? '/usr/bin/chromium';
}

export type Paper = 'A4' | 'Letter';

/** Prints each report page under `siteRoot` to its PDF; returns the files written, relative to the root. */
export async function printReports(siteRoot: string, paper: Paper = 'A4', browserPath = chromiumPath()): Promise<string[]> {
  const { chromium } = await import('playwright-core');
  const cases = (await readdir(path.join(siteRoot, 'cases'), { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory() && existsSync(path.join(siteRoot, 'cases', d.name, 'index.html')))
    .map((d) => d.name)
    .sort();
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const written: string[] = [];
    for (const id of cases) {
      // The page's styles are inline and its charts inline SVG: the file prints as it is, under any base path.
      await page.goto(pathToFileURL(path.join(siteRoot, 'cases', id, 'index.html')).href, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(siteRoot, pdfFile(id)), format: paper, printBackground: true, tagged: true, outline: true });
      written.push(pdfFile(id));
    }
    return written;
  } finally {
    await browser.close();
  }
}

export const pdfStage: PostBuildStage = async (staging, options, effects) => {
  if (!options.pdf) return [];
  const browser = chromiumPath(options.chromium);
  if (!existsSync(browser)) {
    return [
      diagnostic({
        file: browser,
        ruleId: 'build/pdf-browser',
        message: `Unexpected missing browser \`${browser}\`, expected Chromium to print the PDF edition.`,
        hint: 'Install Debian’s chromium package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary; build without --pdf to publish without the PDF.',
      }),
    ];
  }
  const files = await printReports(staging, options.paper ?? 'A4', browser);
  effects.log(`pdf       ${files.length} ${files.length === 1 ? 'report' : 'reports'} printed (${options.paper ?? 'A4'})`);
  return [];
};
