/**
 * `npm run check` loads nothing it only needs to render: the bundle it runs (made by scripts/cli.mjs, as the
 * command makes it) imports no drawing, HTML-writing or page-building package when it starts. Those are half
 * of a check's start-up, and the check never draws or renders (ARCHITECTURE.md).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/cli.mjs';
import { repoRoot } from '../support/example-project.ts';

const RENDER_ONLY = ['@observablehq/plot', 'linkedom', 'rehype-raw', 'rehype-sanitize', 'rehype-stringify', 'astro', 'satori', '@resvg/resvg-js', '@citation-js/core'];

let cache: string | undefined;
afterAll(() => (cache ? rm(cache, { recursive: true, force: true }) : undefined));

/** The packages a bundle imports statically, i.e. loads before its first line runs. */
function staticImports(code: string): string[] {
  return [...new Set([...code.matchAll(/^import\s[^'"]*?['"]([^'"]+)['"];?$/gm)].map((m) => m[1]!).filter((s) => !s.startsWith('node:')))].sort();
}

describe('the bundle `npm run check` runs', () => {
  it('loads no package that only drawing, rendering or building pages needs', async () => {
    cache = await mkdtemp(path.join(tmpdir(), 'casefile-check-bundle-'));
    const file: string = await bundle(path.join(repoRoot, 'src/cli/check.ts'), cache);
    const loaded = staticImports(await readFile(file, 'utf8'));
    expect(loaded).toContain('zod');
    expect(loaded).toContain('remark-parse');
    expect(loaded.filter((p) => RENDER_ONLY.includes(p))).toEqual([]);
  }, 60_000);
});
