/**
 * Post-build stage: index the staged site with Pagefind so `dist/pagefind/` ships the search
 * index and Pagefind's UI files. Everything is served from the site's own origin; the search
 * page loads them from `<base>pagefind/`.
 */
import * as pagefind from 'pagefind';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PostBuildStage } from './build-site.ts';
import { pagesContaining } from '../cite/built-pages.ts';

/** Where the index goes inside the built site; the search page loads `pagefind-ui.js` from here. */
export const searchFolder = 'pagefind';

/** Page furniture that is not content: heading anchors (`#`), note back-links, chart downloads, "cite this". */
export const searchExcluded = ['a.anchor', 'a.note-back', 'sup.note-ref', '.chart-downloads', '.cite-this', '.key-figures .note'];

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
    // Results show clean titles and excerpts: no heading anchor marks, note back-links or download link text.
    const created = await pagefind.createIndex({ excludeSelectors: searchExcluded });
    if (!created.index) return [fail('Pagefind to start', created.errors)];
    const { index } = created;
    // Only pages that mark a searchable body are sent to Pagefind: a site with thousands of generated
    // account pages would otherwise have each one parsed just to be skipped.
    const added = { page_count: 0, errors: [] as string[] };
    for (const { file, html: content } of await pagesContaining(staging, 'data-pagefind-body')) {
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
    // The index comes back in memory and is written here, each file awaited to the end. Pagefind's own
    // writeFiles answers once its service has queued the writes; closing the service right after can
    // leave a file cut short under load, and the same inputs would then publish a different search.
    const built = await index.getFiles();
    if (built.errors.length > 0) return [fail('the index to be built', built.errors)];
    const folder = path.join(staging, searchFolder);
    for (const file of built.files) {
      const target = path.join(folder, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    effects.log(`search    ${added.page_count} pages indexed`);
    return found;
  } finally {
    // The service is a child process; leaving it running would keep the build's process alive.
    await pagefind.close();
  }
};

