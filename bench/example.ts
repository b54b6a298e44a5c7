/**
 * The editor's loop on the example: `npm run check` and `npm run build` of this repository's own example,
 * and, in the same run, a bare Astro 5 project with the same pages and the same markup (each built page's
 * HTML as a static string), so the ratio of the two builds holds however loaded the machine is. Each step
 * runs in a fresh process, as an editor runs it; the load average is written beside the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/build/build-site.ts';
import type { Results } from './run.ts';

const astroBin = path.join(packageRoot, 'node_modules', 'astro', 'astro.js');
/** What `npm run check` and `npm run build` run. */
const cli = path.join(packageRoot, 'scripts', 'cli.mjs');

/** Wall time of a child process, in seconds. */
function timed(args: string[], cwd: string): number {
  const started = performance.now();
  execFileSync(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', NO_COLOR: '1' },
  });
  return (performance.now() - started) / 1000;
}

async function htmlPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** An Astro project whose pages print the example's built pages as they are: Astro's own cost for the same output. */
async function writeBareProject(dir: string, builtDir: string, pages: readonly string[]): Promise<void> {
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }));
  await writeFile(path.join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  symlinkSync(path.join(packageRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const page of pages) {
    const html = await readFile(path.join(builtDir, page), 'utf8');
    const file = path.join(dir, 'src', 'pages', page.replace(/\.html$/, '.astro'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `---\nconst page = ${JSON.stringify(html)};\n---\n<Fragment set:html={page} />\n`);
  }
}

export async function run(): Promise<Results> {
  const work = mkdtempSync(path.join(tmpdir(), 'casefile-bench-example-'));
  try {
    const load = loadavg()[0]!;
    const checkS = timed([cli, 'check'], packageRoot);
    const exampleOut = path.join(work, 'example-dist');
    const buildS = timed([cli, 'build', '--out', exampleOut], packageRoot);
    const pages = await htmlPages(exampleOut);
    const bare = path.join(work, 'bare');
    await mkdir(bare);
    await writeBareProject(bare, exampleOut, pages);
    const bareS = timed([astroBin, 'build', '--silent'], bare);
    const bareBuilt = await htmlPages(path.join(bare, 'dist'));
    if (bareBuilt.length !== pages.length) throw new Error(`The bare Astro project built ${bareBuilt.length} pages, expected ${pages.length}.`);
    const figures = {
      pages: pages.length,
      check_s: round(checkS),
      build_s: round(buildS),
      bare_astro_build_s: round(bareS),
      ratio_to_bare_astro: round(buildS / bareS),
      load_avg_1m: round(load),
      load_avg_1m_after: round(loadavg()[0]!),
    };
    console.log(`example: ${JSON.stringify(figures)}`);
    return { example: figures };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
