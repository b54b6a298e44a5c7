/**
 * `npm run check` loads nothing it only needs to render: the bundle it runs (made by scripts/cli.mjs, as the
 * command makes it) imports no drawing, HTML-writing or page-building package when it starts. Those are half
 * of a check's start-up, and the check never draws or renders (ARCHITECTURE.md). Nor does it load what only
 * computing a model needs (DuckDB's native library, graphology): with unchanged data every model comes from
 * the cache, and they load, in a chunk of their own, only when one does not.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/cli.mjs';
import { repoRoot } from '../support/example-project.ts';

const RENDER_ONLY = ['@observablehq/plot', 'linkedom', 'rehype-raw', 'rehype-sanitize', 'rehype-stringify', 'astro', 'satori', '@resvg/resvg-js', '@citation-js/core'];
const MODEL_ONLY = ['@duckdb/node-api', 'graphology', 'graphology-communities-louvain'];

let cache: string | undefined;
afterAll(() => (cache ? rm(cache, { recursive: true, force: true }) : undefined));

const IMPORT = /^import\s[^'"]*?['"]([^'"]+)['"];?$/gm;

/** The packages a bundle imports statically, itself or through the chunks it imports statically: what loads before its first line runs. */
async function staticImports(file: string, seen = new Set<string>()): Promise<string[]> {
  seen.add(file);
  const packages = new Set<string>();
  for (const [, specifier] of (await readFile(file, 'utf8')).matchAll(IMPORT)) {
    if (specifier!.startsWith('./')) {
      const chunk = path.join(path.dirname(file), specifier!);
      if (!seen.has(chunk)) for (const p of await staticImports(chunk, seen)) packages.add(p);
    } else if (!specifier!.startsWith('node:')) packages.add(specifier!);
  }
  return [...packages].sort();
}

describe('the bundle `npm run check` runs', () => {
  it('loads no package that only drawing, rendering or building pages needs', async () => {
    cache = await mkdtemp(path.join(tmpdir(), 'casefile-check-bundle-'));
    const file: string = await bundle(path.join(repoRoot, 'src/cli/check.ts'), cache);
    const loaded = await staticImports(file);
    expect(loaded).toContain('zod');
    expect(loaded).toContain('remark-parse');
    expect(loaded.filter((p) => RENDER_ONLY.includes(p))).toEqual([]);
  }, 60_000);

  it('loads what computes a model only when a model is computed', async () => {
    const entry = path.join(repoRoot, 'src/cli/check.ts');
    cache ??= await mkdtemp(path.join(tmpdir(), 'casefile-check-bundle-'));
    const file: string = await bundle(entry, cache);
    expect((await staticImports(file)).filter((p) => MODEL_ONLY.includes(p))).toEqual([]);
    // They are in the bundle all the same, in chunks the command imports when it needs them.
    const all = new Set<string>();
    for (const name of await readdir(cache)) if (name.endsWith('.mjs')) for (const [, s] of (await readFile(path.join(cache, name), 'utf8')).matchAll(IMPORT)) all.add(s!);
    expect(MODEL_ONLY.filter((p) => !all.has(p))).toEqual([]);
  }, 60_000);
});
