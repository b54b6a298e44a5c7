/**
 * Engines benchmark (`npm run bench -- --only engines [--scale 100k|10m]`): the ingest generator's 1M-post
 * dataset (and 10M with --scale 10m; 100k alone with --scale 100k) aggregated in process and by DuckDB, embedded, each in a fresh child
 * process: wall and CPU time, peak RSS, and whether the two models are byte for byte the same. DuckDB is
 * measured reading the NDJSON (after Node validated every post, as a build does) and reading the
 * dataset's Parquet copy (`npm run data -- parquet`), which a build reads without parsing any JSON.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { duckdbEngine, loadPosts } from '../src/engines/duckdb.ts';
import { writeDataset } from './ingest-data.ts';
import type { Results } from './run.ts';

interface Measure {
  ms: number;
  cpuMs: number;
  posts: number;
  maxRssMb: number;
  modelSha256: string;
}

const child = fileURLToPath(new URL('./engines-child.ts', import.meta.url));

function measure(mode: string, path: string): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

/** The Parquet copy `npm run data -- parquet` would write, made the same way (DuckDB's COPY of the posts table). */
async function parquetOf(ndjson: string): Promise<string> {
  const out = ndjson.replace(/\.ndjson$/, '.parquet');
  if (existsSync(out)) return out;
  const engine = await duckdbEngine();
  try {
    await loadPosts(engine.connection, [{ dataset: 'bench', file: 'posts.ndjson', path: ndjson, format: 'ndjson' }]);
    await engine.execute(`COPY (SELECT * FROM posts ORDER BY line) TO '${out.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await engine.close();
  }
  return out;
}

export async function run(): Promise<Results> {
  // --scale 10m adds the 10M dataset to the 1M one; --scale 100k measures 100k alone (a quick run).
  const at = process.argv.indexOf('--scale');
  const scale = at >= 0 ? process.argv[at + 1] : undefined;
  const sizes: [string, number][] = scale === '100k' ? [['100k', 100_000]] : [['1m', 1_000_000]];
  if (scale === '10m') sizes.push(['10m', 10_000_000]);
  const results: Results = {};
  for (const [name, posts] of sizes) {
    const path = fileURLToPath(new URL(`./out/posts-${name}.ndjson`, import.meta.url));
    if (!existsSync(path)) {
      console.log(`writing ${path} (${posts.toLocaleString('en')} posts)…`);
      await writeDataset(path, posts);
    }
    const parquet = await parquetOf(path);
    const load = loadavg()[0]!;
    const inprocess = measure('inprocess', path);
    const duckdb = measure('duckdb', path);
    const fromParquet = measure('duckdb-parquet', parquet);
    const same = inprocess.modelSha256 === duckdb.modelSha256 && duckdb.modelSha256 === fromParquet.modelSha256;
    for (const [label, m] of [['in process', inprocess], ['DuckDB from NDJSON', duckdb], ['DuckDB from Parquet', fromParquet]] as const) {
      console.log(`${name} ${label}: ${m.posts.toLocaleString('en')} posts, wall ${(m.ms / 1000).toFixed(1)} s, CPU ${(m.cpuMs / 1000).toFixed(1)} s, peak RSS ${Math.round(m.maxRssMb)} MB`);
    }
    console.log(`${name}: models ${same ? 'identical' : 'DIFFER'}; load average ${load.toFixed(1)} at the start`);
    results[`engines_${name}`] = {
      posts: inprocess.posts,
      ndjson_bytes: statSync(path).size,
      parquet_bytes: statSync(parquet).size,
      inprocess_s: Number((inprocess.ms / 1000).toFixed(1)),
      inprocess_cpu_s: Number((inprocess.cpuMs / 1000).toFixed(1)),
      inprocess_peak_rss_mb: Math.round(inprocess.maxRssMb),
      duckdb_s: Number((duckdb.ms / 1000).toFixed(1)),
      duckdb_cpu_s: Number((duckdb.cpuMs / 1000).toFixed(1)),
      duckdb_peak_rss_mb: Math.round(duckdb.maxRssMb),
      duckdb_parquet_s: Number((fromParquet.ms / 1000).toFixed(1)),
      duckdb_parquet_cpu_s: Number((fromParquet.cpuMs / 1000).toFixed(1)),
      duckdb_parquet_peak_rss_mb: Math.round(fromParquet.maxRssMb),
      models_identical: same ? 'yes' : 'no',
      load_average: Number(load.toFixed(1)),
    };
  }
  return results;
}
