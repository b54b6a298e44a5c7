/**
 * Pages benchmark: the account heatmap alone (bench/pages-heatmap.ts); the end-to-end build (check,
 * Astro render, the CLI's post-build stages) of a synthetic case with an account page, one heatmap each,
 * for 10,000 accounts; and the weight of the example report page as a reader downloads it (HTML with inline charts and CSS, gzipped; JS shipped).
 * Each build runs in a fresh child process so its peak RSS is its own. `--profile` also writes a CPU
 * profile of the 10k build and prints where its time goes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkProject } from '../src/check/check-project.ts';
import { packageRoot } from '../src/build/build-site.ts';
import { formatDiagnostics } from '../src/diagnostics/reporter.ts';
import { measureHeatmaps } from './pages-heatmap.ts';
import { writePagesProject } from './pages-project.ts';
import { summariseProfile, type CpuProfile } from './pages-profile.ts';
import type { Results } from './run.ts';

const ACCOUNTS = 10_000;
/** The page targets a build is held to, here and for the 10M-post case of the scale benchmark. */
export const PAGE_TARGETS = { pagesPerS: 250, msPerPage: 4, reportGzipKb: 60, jsKb: 0 } as const;
const EXAMPLE_PAGE = 'cases/new-caledonia-2024/index.html';

export interface Measure {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  steps: Record<string, number>;
}

const out = (p: string) => fileURLToPath(new URL(`./out/${p}`, import.meta.url));
const child = fileURLToPath(new URL('./pages-child.ts', import.meta.url));

/**
 * The Node flags `npm run build` starts the build with (package.json's script: the young generation's size),
 * so a benchmark's build runs as an editor's does.
 */
export function buildNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const flags = /^node ((?:--\S+ )*)scripts\/cli\.mjs build$/.exec(scripts.build ?? '');
  if (!flags) throw new Error(`package.json's build script is not \`node [flags] scripts/cli.mjs build\`: ${scripts.build}`);
  return flags[1]!.split(' ').filter(Boolean);
}

export function build(root: string, outDir: string, mode: 'stages' | 'render', nodeFlags: string[] = []): Measure {
  const stdout = execFileSync(process.execPath, [...buildNodeFlags(), ...nodeFlags, '--import', 'tsx', child, root, outDir, mode], {
    cwd: packageRoot,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measure;
}

export async function htmlFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** The page and every stylesheet it links, gzipped together as a browser would fetch them; JS bytes it would run. */
export async function pageWeight(outDir: string, page: string): Promise<{ htmlBytes: number; cssFiles: number; gzipBytes: number; jsBytes: number }> {
  const html = await readFile(path.join(outDir, page), 'utf8');
  const local = (href: string) => path.join(outDir, href.replace(/^\//, '').split(/[?#]/)[0]!);
  const css = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])![1]!);
  const cssBodies = await Promise.all(css.map((href) => readFile(local(href))));
  let jsBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1]!;
    const type = /\btype="([^"]+)"/.exec(attrs)?.[1];
    // JSON-LD and other data blocks are not run; only classic and module scripts count.
    if (type !== undefined && type !== 'module' && type !== 'text/javascript') continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    jsBytes += src ? (await stat(local(src))).size : Buffer.byteLength(m[2]!);
  }
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    jsBytes += (await stat(local(/\bhref="([^"]+)"/.exec(m[0])![1]!))).size;
  }
  const all = Buffer.concat([Buffer.from(html), ...cssBodies]);
  return { htmlBytes: Buffer.byteLength(html), cssFiles: css.length, gzipBytes: gzipSync(all).length, jsBytes };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));

export async function run(): Promise<Results> {
  const profile = process.argv.includes('--profile');
  const root = out('pages-root');
  const dist = out('pages-dist');
  // First, while this process is fresh: the heatmap alone, one per account as the build draws them.
  const heatmap = measureHeatmaps(ACCOUNTS);
  const { posts } = await writePagesProject(root, ACCOUNTS);
  // A benchmark of a broken project would measure an error path: stop with what `npm run check` would say.
  const checked = await checkProject(root, { today: new Date().toISOString().slice(0, 10) });
  if (checked.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(checked.diagnostics, 'text', { color: false }));
    if (checked.diagnostics.some((d) => d.severity === 'error')) throw new Error('The synthetic pages project does not pass the check.');
  }
  const accountPages = checked.accountPages.size;
  if (accountPages < ACCOUNTS) throw new Error(`Expected ${ACCOUNTS} account pages, the site has ${accountPages}.`);

  await rm(dist, { recursive: true, force: true });
  const site = build(root, dist, 'stages');
  const pages = await htmlFiles(dist);
  const search = site.steps.search ?? 0;

  const exampleDist = out('example-dist');
  await rm(exampleDist, { recursive: true, force: true });
  // The example is built without post-build stages: the anchors stage would rewrite the repo's anchors.lock.json.
  const example = build(packageRoot, exampleDist, 'render');
  if (!existsSync(path.join(exampleDist, EXAMPLE_PAGE))) throw new Error(`The example build has no ${EXAMPLE_PAGE}.`);
  const weight = await pageWeight(exampleDist, EXAMPLE_PAGE);

  const results: Results = {
    pages_10k: {
      accounts: ACCOUNTS,
      posts,
      pages,
      seconds: Number((site.ms / 1000).toFixed(1)),
      cpu_seconds: Number((site.cpuMs / 1000).toFixed(1)),
      pages_per_s: Number((pages / (site.ms / 1000)).toFixed(1)),
      ms_per_page: Number((site.ms / pages).toFixed(2)),
      pages_per_s_without_search: Number((pages / ((site.ms - search) / 1000)).toFixed(1)),
      peak_rss_mb: Math.round(site.maxRssMb),
      check_s: Number(seconds(site.steps.check)),
      render_s: Number(seconds(site.steps.render)),
      release_s: Number(seconds(site.steps.release)),
      anchors_s: Number(seconds(site.steps.anchors)),
      search_s: Number(seconds(site.steps.search)),
    },
    heatmap_10k: { ...heatmap },
    report_page: {
      html_kb: Number((weight.htmlBytes / 1000).toFixed(1)),
      css_files: weight.cssFiles,
      html_gzip_kb: Number((weight.gzipBytes / 1000).toFixed(1)),
      js_kb: Number((weight.jsBytes / 1000).toFixed(1)),
      example_build_s: Number((example.ms / 1000).toFixed(1)),
    },
  };

  const rows = [
    ['figure', 'value', 'target'],
    ['pages built', String(pages), ''],
    ['wall s (check + render + stages)', seconds(site.ms), ''],
    ['  check / render / release / anchors / search s', [site.steps.check, site.steps.render, site.steps.release, site.steps.anchors, site.steps.search].map(seconds).join(' / '), ''],
    ['CPU s (child, excl. Pagefind binary)', seconds(site.cpuMs), ''],
    ['pages/s end to end', results.pages_10k!.pages_per_s!.toString(), `≥ ${PAGE_TARGETS.pagesPerS}`],
    ['pages/s without search stage', results.pages_10k!.pages_per_s_without_search!.toString(), ''],
    ['ms per page (one chart)', results.pages_10k!.ms_per_page!.toString(), `≤ ${PAGE_TARGETS.msPerPage}`],
    ['ms per heatmap, alone', String(heatmap.ms_per_chart), ''],
    ['peak RSS MB (build child)', String(Math.round(site.maxRssMb)), ''],
    ['report page kB gzip (HTML + CSS)', results.report_page!.html_gzip_kb!.toString(), `≤ ${PAGE_TARGETS.reportGzipKb}`],
    ['report page JS kB', results.report_page!.js_kb!.toString(), String(PAGE_TARGETS.jsKb)],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));

  if (profile) {
    // A separate run: profiling slows the build, so its figures are not the ones recorded.
    const profDir = out('pages-prof');
    await rm(profDir, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
    build(root, dist, 'stages', ['--cpu-prof', '--cpu-prof-dir', profDir]);
    const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`No CPU profile was written to ${profDir}.`);
    console.log(summariseProfile(JSON.parse(await readFile(path.join(profDir, file), 'utf8')) as CpuProfile, packageRoot));
  }
  return results;
}
