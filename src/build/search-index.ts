/**
 * Post-build stage: index the staged site with Pagefind so `dist/pagefind/` ships the search
 * index and Pagefind's UI files. Everything is served from the site's own origin; the search
 * page loads them from `<base>pagefind/`.
 */
import * as pagefind from 'pagefind';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PostBuildStage } from './build-site.ts';

/** Where the index goes inside the built site; the search page loads `pagefind-ui.js` from here. */
export const searchFolder = 'pagefind';

export const searchIndexStage: PostBuildStage = async (staging, _options, effects) => {
  const found: Diagnostic[] = [];
  const fail = (message: string, errors: string[]) =>
    diagnostic({
      file: searchFolder,
      ruleId: 'build/search-index',
      message: `Unexpected failure of the search index (${errors.join('; ')}), expected ${message}.`,
      hint: 'Pagefind runs as a native binary: check that `npm ci` installed the @pagefind package for this platform.',
    });
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) return [fail('Pagefind to start', created.errors)];
    const { index } = created;
    // Only pages that mark a searchable body are sent to Pagefind: a site with thousands of generated
    // account pages would otherwise have each one parsed just to be skipped.
    const added = { page_count: 0, errors: [] as string[] };
    for (const file of await htmlFiles(staging)) {
      const content = await readFile(path.join(staging, file), 'utf8');
      if (!content.includes('data-pagefind-body')) continue;
      const result = await index.addHTMLFile({ sourcePath: file, content });
      if (result.errors.length > 0) added.errors.push(...result.errors);
      else added.page_count++;
    }
    if (added.errors.length > 0) return [fail('every page to be indexed', added.errors)];
    if (added.page_count === 0) {
      found.push(
        diagnostic({
          file: searchFolder,
          severity: 'warning',
          ruleId: 'build/search-empty',
          message: 'Unexpected search index of 0 pages, expected the built pages to be indexed.',
          hint: 'The staged site holds no HTML page; check that the pages rendered.',
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: path.join(staging, searchFolder) });
    if (written.errors.length > 0) return [fail('the index to be written', written.errors)];
    effects.log(`search    ${added.page_count} pages indexed`);
    return found;
  } finally {
    // The service is a child process; leaving it running would keep the build's process alive.
    await pagefind.close();
  }
};

/** HTML files of the staged site, relative and with forward slashes, in a stable order. */
async function htmlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names
    .filter((n) => n.endsWith('.html'))
    .map((n) => n.split(path.sep).join('/'))
    .sort();
}
