/**
 * searchIndexStage on a tiny staged site: the index and UI files are written under pagefind/,
 * and Pagefind's own browser search, loaded from those files, finds a page by a word of its body.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchIndexStage } from './search-index.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu navigation</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

let staging: string;
const logged: string[] = [];
let diagnostics: Awaited<ReturnType<typeof searchIndexStage>>;

beforeAll(async () => {
  staging = await mkdtemp(path.join(tmpdir(), 'casefile-search-'));
  await mkdir(path.join(staging, 'accounts/x/demo_official'), { recursive: true });
  await mkdir(path.join(staging, 'sources/demo-source'), { recursive: true });
  await writeFile(path.join(staging, 'accounts/x/demo_official/index.html'), page('Demo Official', 'The spokesperson posted about Noumea.'));
  await writeFile(path.join(staging, 'sources/demo-source/index.html'), page('A demonstration article', 'An article about elections.'));
  diagnostics = await searchIndexStage(staging, { root: staging, today: '2026-01-01' }, { log: (l) => logged.push(l) });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await rm(staging, { recursive: true, force: true });
});

/** Pagefind's browser module, reading its index files from disk instead of over HTTP. */
async function browserSearch(term: string) {
  vi.stubGlobal('fetch', async (url: string | URL) => new Response(await readFile(fileURLToPath(new URL(String(url))))));
  const folder = path.join(staging, 'pagefind');
  const module = (await import(pathToFileURL(path.join(folder, 'pagefind.js')).href)) as {
    options(o: { basePath: string }): Promise<void>;
    search(term: string): Promise<{ results: { data(): Promise<{ raw_url: string; meta: { title: string } }> }[] }>;
  };
  await module.options({ basePath: `${pathToFileURL(folder).href}/` });
  const { results } = await module.search(term);
  return Promise.all(results.map((r) => r.data()));
}

describe('searchIndexStage(staging)', () => {
  it('writes the index and the default UI into pagefind/ without problems', async () => {
    expect(diagnostics).toEqual([]);
    const files = await readdir(path.join(staging, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']));
    expect(files.some((f) => f.startsWith('wasm.'))).toBe(true);
    expect(logged).toEqual(['search    2 pages indexed']);
  });

  it('finds a page by a word of its body, and only that page', async () => {
    const found = await browserSearch('noumea');
    expect(found.map((r) => [r.raw_url, r.meta.title])).toEqual([['/accounts/x/demo_official/', 'Demo Official']]);
  });

  it('leaves out text outside data-pagefind-body', async () => {
    expect(await browserSearch('navigation')).toEqual([]);
  });

  it('warns when the staged site holds no page', async () => {
    const bare = await mkdtemp(path.join(tmpdir(), 'casefile-search-bare-'));
    try {
      await writeFile(path.join(bare, 'robots.txt'), 'User-agent: *\n');
      const found = await searchIndexStage(bare, { root: bare, today: '2026-01-01' }, { log: () => {} });
      expect(found.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'build/search-empty']]);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
