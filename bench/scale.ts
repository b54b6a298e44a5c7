/**
 * Scale benchmark (`npm run bench -- --only scale`; not part of a plain `npm run bench`, as it writes
 * 4–5 GB and takes many minutes): the ingest generator's 10M-post dataset against its 1M one, ingested
 * in the same run, each in a fresh child process. The ratio of CPU times shows whether ingest stays
 * linear (10 would be exactly linear); peak RSS shows whether per-post data is held compactly.
 * Then the report of a case reading the 10M posts is built end to end (check, render, post-build
 * stages) and held to the pages benchmark's targets. `--skip-report` measures the ingest alone,
 * `--skip-ingest` the report alone (its figures then merge with the ingest figures of an earlier run).
 */
import { existsSync, statSync } from 'node:fs';
import { link, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256File } from '../src/check/hashes.ts';
import { measure } from './ingest.ts';
import { benchInput, writeDataset } from './ingest-data.ts';
import { build, htmlFiles, pageWeight, PAGE_TARGETS } from './pages.ts';
import { writeCaseRoot } from './pages-project.ts';
import type { Results } from './run.ts';

const out = (p: string) => fileURLToPath(new URL(`./out/${p}`, import.meta.url));
/** As many account pages as the pages benchmark builds, so the two builds' pages compare. */
export const ACCOUNT_PAGES = 10_000;
export const CASE_ID = 'bench-10m';

export async function run(): Promise<Results> {
  const results: Results = process.argv.includes('--skip-ingest') ? {} : await ingest();
  if (!process.argv.includes('--skip-report')) results.scale_10m = await buildReport(out('posts-10m.ndjson'));
  // The two figures the targets are about, last, whatever scrolled past above.
  const ingested = results.ingest_10m;
  const report = results.scale_10m;
  if (ingested) console.log(`ingest 10M / 1M CPU time: ${ingested.ratio_to_1m} (target ≤ 11); peak RSS ${ingested.peak_rss_mb} MB (target ≤ 3072)`);
  if (report) {
    const ms = Number(report.ms_per_page_after_check);
    console.log(`10M report: ${ms} ms a page after the check, ${(ms / PAGE_TARGETS.msPerPage).toFixed(2)}x the ${PAGE_TARGETS.msPerPage} ms target; build peak RSS ${report.peak_rss_mb} MB (target ≤ 3072)`);
  }
  return results;
}

/** The generator's 1M and 10M files (written when missing), each ingested in a fresh child. */
async function ingest(): Promise<Results> {
  const sizes = [['1m', 1_000_000], ['10m', 10_000_000]] as const;
  const measures: Record<string, ReturnType<typeof measure> & { bytes: number }> = {};
  for (const [name, posts] of sizes) {
    const file = out(`posts-${name}.ndjson`);
    if (!existsSync(file)) {
      console.log(`writing ${file} (${posts.toLocaleString('en')} posts)…`);
      await writeDataset(file, posts);
    }
    measures[name] = { ...measure('ingest', file), bytes: statSync(file).size };
    const m = measures[name]!;
    console.log(`${name}: ${m.posts.toLocaleString('en')} posts, ${(m.bytes / 1e9).toFixed(2)} GB, CPU ${(m.cpuMs / 1000).toFixed(1)} s, wall ${(m.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(m.maxRssMb)} MB`);
  }
  const small = measures['1m']!;
  const large = measures['10m']!;
  const ratio = large.cpuMs / small.cpuMs;
  console.log(`10M / 1M CPU time: ${ratio.toFixed(2)} (target ≤ 11); peak RSS at 10M: ${Math.round(large.maxRssMb)} MB (target ≤ 3072)`);
  return {
    ingest_10m: {
      posts: large.posts,
      bytes: large.bytes,
      ingest_cpu_ms: Math.round(large.cpuMs),
      ingest_wall_ms: Math.round(large.ms),
      ingest_1m_cpu_ms: Math.round(small.cpuMs),
      ratio_to_1m: Number(ratio.toFixed(2)),
      peak_rss_mb: Math.round(large.maxRssMb),
      problems: large.problems,
    },
  };
}

/** The content root of a case over the generator's posts in `posts` (linked, not copied), pinned by its manifest. */
export async function writeScaleRoot(root: string, posts: string): Promise<void> {
  await writeCaseRoot(
    root,
    {
      caseId: CASE_ID,
      title: 'A benchmark case over ten million posts',
      summary: 'Ten million synthetic posts from 20,000 accounts under 400 hashtags, to measure the build at scale.',
      timeZone: benchInput.timeZone,
      hashtags: benchInput.hashtags.map((h) => h.tag),
      topAccounts: ACCOUNT_PAGES,
    },
    {
      tool: 'bench/ingest-data.ts',
      write: async (file) => {
        await link(posts, file);
        return { sha256: await sha256File(file), bytes: statSync(file).size };
      },
    },
  );
}

/** Builds the report of the case over `posts` end to end and measures its pages. */
export async function buildReport(posts: string): Promise<Record<string, number>> {
  const root = out('scale-root');
  const dist = out('scale-dist');
  await writeScaleRoot(root, posts);
  await rm(dist, { recursive: true, force: true });
  const site = build(root, dist, 'stages');
  const pages = await htmlFiles(dist);
  const weight = await pageWeight(dist, path.join('cases', CASE_ID, 'index.html'));
  const check = site.steps.check ?? 0;
  const render = site.steps.render ?? 0;
  const afterCheck = site.ms - check;
  const figures = {
    pages,
    build_s: Number((site.ms / 1000).toFixed(1)),
    cpu_s: Number((site.cpuMs / 1000).toFixed(1)),
    peak_rss_mb: Math.round(site.maxRssMb),
    check_s: Number((check / 1000).toFixed(1)),
    render_s: Number((render / 1000).toFixed(1)),
    release_s: Number(((site.steps.release ?? 0) / 1000).toFixed(1)),
    anchors_s: Number(((site.steps.anchors ?? 0) / 1000).toFixed(1)),
    search_s: Number(((site.steps.search ?? 0) / 1000).toFixed(1)),
    // The check reads and aggregates the 10M posts once; the pages are made after it, from the model.
    pages_per_s_after_check: Number((pages / (afterCheck / 1000)).toFixed(1)),
    ms_per_page_after_check: Number((afterCheck / pages).toFixed(2)),
    pages_per_s_end_to_end: Number((pages / (site.ms / 1000)).toFixed(1)),
    report_html_kb: Number((weight.htmlBytes / 1000).toFixed(1)),
    report_gzip_kb: Number((weight.gzipBytes / 1000).toFixed(1)),
    report_js_kb: Number((weight.jsBytes / 1000).toFixed(1)),
  };
  const rows = [
    ['10M-post case', 'value', 'target'],
    ['pages built', String(pages), ''],
    ['wall s (check + render + stages)', String(figures.build_s), ''],
    ['  check / render / release / anchors / search s', [figures.check_s, figures.render_s, figures.release_s, figures.anchors_s, figures.search_s].join(' / '), ''],
    ['peak RSS MB (build child)', String(figures.peak_rss_mb), ''],
    ['pages/s after the check', String(figures.pages_per_s_after_check), `≥ ${PAGE_TARGETS.pagesPerS}`],
    ['ms per page after the check', String(figures.ms_per_page_after_check), `≤ ${PAGE_TARGETS.msPerPage}`],
    ['pages/s end to end (with the 10M check)', String(figures.pages_per_s_end_to_end), ''],
    ['report page kB gzip (HTML + CSS)', String(figures.report_gzip_kb), `≤ ${PAGE_TARGETS.reportGzipKb}`],
    ['report page JS kB', String(figures.report_js_kb), String(PAGE_TARGETS.jsKb)],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));
  return figures;
}
