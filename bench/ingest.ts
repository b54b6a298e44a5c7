/**
 * Ingest benchmark: synthetic datasets of 100k and 1M posts; in the same run, the baseline (read
 * and JSON.parse every line) and the full ingest (read, validate, normalise, every aggregate), each
 * in a fresh child process so its peak RSS is its own. Ratios use CPU time, which another process on
 * the machine disturbs less than the wall clock; both are recorded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeDataset } from './ingest-data.ts';
import type { Results } from './run.ts';

interface Measure {
  ms: number;
  cpuMs: number;
  posts: number;
  problems: number;
  maxRssMb: number;
}

const child = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));

export function measure(mode: 'parse' | 'ingest', path: string): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

/** Best of `runs` for each side, alternating them so both see the same machine load. */
function compare(path: string, runs: number): { parse: Measure; ingest: Measure } {
  let parse: Measure | undefined;
  let ingest: Measure | undefined;
  for (let r = 0; r < runs; r++) {
    const p = measure('parse', path);
    const i = measure('ingest', path);
    if (!parse || p.cpuMs < parse.cpuMs) parse = p;
    if (!ingest || i.cpuMs < ingest.cpuMs) ingest = i;
  }
  return { parse: parse!, ingest: ingest! };
}

export async function run(): Promise<Results> {
  const results: Results = {};
  const rows: string[][] = [['dataset', 'MB', 'parse cpu s', 'ingest cpu s', 'ratio', 'ingest wall s', 'posts/s', 'peak RSS MB']];
  for (const [name, posts, runs] of [['100k', 100_000, 3], ['1m', 1_000_000, 2]] as const) {
    const path = fileURLToPath(new URL(`./out/posts-${name}.ndjson`, import.meta.url));
    if (!existsSync(path)) await writeDataset(path, posts);
    const bytes = statSync(path).size;
    const { parse, ingest } = compare(path, runs);
    const ratio = ingest.cpuMs / parse.cpuMs;
    results[`ingest_${name}`] = {
      posts: ingest.posts,
      bytes,
      parse_cpu_ms: Math.round(parse.cpuMs),
      ingest_cpu_ms: Math.round(ingest.cpuMs),
      ingest_wall_ms: Math.round(ingest.ms),
      ratio_to_parse: Number(ratio.toFixed(2)),
      posts_per_s: Math.round(ingest.posts / (ingest.cpuMs / 1000)),
      peak_rss_mb: Math.round(ingest.maxRssMb),
      parse_peak_rss_mb: Math.round(parse.maxRssMb),
    };
    rows.push([
      name,
      String(Math.round(bytes / 1e6)),
      (parse.cpuMs / 1000).toFixed(2),
      (ingest.cpuMs / 1000).toFixed(2),
      ratio.toFixed(2),
      (ingest.ms / 1000).toFixed(2),
      String(Math.round(ingest.posts / (ingest.cpuMs / 1000))),
      String(Math.round(ingest.maxRssMb)),
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((v, c) => v.padStart(widths[c]!)).join('  '));
  return results;
}
