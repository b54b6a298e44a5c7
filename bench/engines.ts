/**
 * Engines benchmark (`npm run bench -- --only engines [--scale 100k|10m]`): the ingest generator's 1M-post
 * dataset (and 10M with --scale 10m; 100k alone with --scale 100k) aggregated in process, by DuckDB,
 * embedded, and by ClickHouse, each in a fresh child process: wall and CPU time, peak RSS, and whether the
 * models are byte for byte the same. DuckDB is measured reading the NDJSON (while Node validates every
 * post, as a build does) and reading the dataset's Parquet copy (`npm run data -- parquet`), which a build
 * reads without parsing any JSON. ClickHouse is one local server (Debian's clickhouse-server), not a
 * cluster: the posts are loaded into a MergeTree table first (not timed, as a warehouse holds them
 * already), the server is restarted so its peak RSS is the counting's alone, and the child only sends
 * queries and assembles the answers.
 *
 * `--prepare` makes the copies (the dataset, its Parquet copy, the ClickHouse table) and stops: at 10M they
 * take longer than the runs, and need not wait for the quiet machine the measured runs need.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { duckdbEngine, loadPosts } from '../src/engines/duckdb.ts';
import { POSTS_COLUMNS } from '../test/engines/clickhouse-posts.ts';
import { startClickHouseCluster } from '../test/engines/clickhouse-cluster.ts';
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
/** The benchmark server's data, kept between runs so a table is loaded once (bench/out/ is ignored by git). */
const clickhouseDir = fileURLToPath(new URL('./out/clickhouse/', import.meta.url));
const resultsFile = fileURLToPath(new URL('./out/results.json', import.meta.url));

/**
 * Each size's figures merged into results.json as soon as they are measured (run.ts merges them again at
 * the end): the 10M run takes long enough that a stopped run should still leave the 1M figures.
 */
function record(figures: Results): void {
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...results, ...figures }, null, 2)}\n`);
}

/** Away from the tests' cluster (4431-4436) and from other local servers. */
const CLICKHOUSE_PORT = 4801;

function measure(mode: string, ...args: string[]): Measure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

/** The Parquet copy `npm run data -- parquet` would write, made the same way (DuckDB's COPY of the posts table). */
async function parquetOf(ndjson: string): Promise<string> {
  const out = ndjson.replace(/\.ndjson$/, '.parquet');
  if (existsSync(out)) return out;
  // Written beside, then renamed: a run stopped half-way leaves no partial copy a later run would take as made.
  const partial = `${out}.partial`;
  const engine = await duckdbEngine();
  try {
    await loadPosts(engine.connection, [{ dataset: 'bench', file: 'posts.ndjson', path: ndjson, format: 'ndjson' }]);
    await engine.execute(`COPY (SELECT * FROM posts ORDER BY line) TO '${partial.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await engine.close();
  }
  renameSync(partial, out);
  return out;
}

/** A process's peak resident set (VmHWM) in MB, and its CPU time so far in seconds, from /proc. */
/** A child's wall and CPU seconds and peak RSS, under the keys `<prefix>_s`, `_cpu_s` and `_peak_rss_mb`. */
function runFigures(prefix: string, run: Measure): Record<string, number> {
  return {
    [`${prefix}_s`]: Number((run.ms / 1000).toFixed(1)),
    [`${prefix}_cpu_s`]: Number((run.cpuMs / 1000).toFixed(1)),
    [`${prefix}_peak_rss_mb`]: Math.round(run.maxRssMb),
  };
}

function processUse(pid: number): { peakRssMb: number; cpuS: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]);
  // Fields 14 and 15 of /proc/<pid>/stat (user and system time), in clock ticks; the name (field 2) may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: hwm / 1024, cpuS: ticks / 100 };
}

/**
 * The posts table in the benchmark's ClickHouse server, `bench_<name>`, loaded from the Parquet copy
 * (DuckDB writes the rows as JSON lines, clickhouse-client inserts them) unless it already holds every row of it.
 * Returns the seconds the load took (0 when the table was there).
 */
async function clickhouseTable(name: string, parquet: string): Promise<{ table: string; loadS: number }> {
  const table = `bench_${name}`;
  const engine = await duckdbEngine();
  let posts: number;
  try {
    posts = Number((await engine.query(`SELECT count(*) AS n FROM read_parquet('${parquet.replaceAll("'", "''")}')`))[0]!['n']);
  } finally {
    await engine.close();
  }
  const server = await startClickHouseCluster({ shards: 1, dir: clickhouseDir, basePort: CLICKHOUSE_PORT, maxMemory: 6_000_000_000 });
  try {
    const have = await server.query(`SELECT count() FROM system.tables WHERE database = 'default' AND name = '${table}'`);
    if (have.trim() === '1' && (await server.query(`SELECT count() FROM ${table}`)).trim() === String(posts)) return { table, loadS: 0 };
    const started = performance.now();
    await server.query(`DROP TABLE IF EXISTS ${table}`);
    // Ordered by id as a warehouse's posts table would likely be; the queries do not depend on it.
    await server.query(`CREATE TABLE ${table} (${POSTS_COLUMNS}) ENGINE = MergeTree() ORDER BY id`);
    const lines = parquet.replace(/\.parquet$/, '.clickhouse.ndjson');
    const copier = await duckdbEngine();
    try {
      await copier.execute(`COPY (SELECT * FROM read_parquet('${parquet.replaceAll("'", "''")}')) TO '${lines.replaceAll("'", "''")}' (FORMAT json)`);
    } finally {
      await copier.close();
    }
    const insert = spawnSync('sh', ['-c', `clickhouse-client --host 127.0.0.1 --port ${server.shards[0].tcp} --query "INSERT INTO ${table} FORMAT JSONEachRow" < "$0"`, lines], { encoding: 'utf8' });
    if (insert.status !== 0) throw new Error(`Unexpected failure of the insert into ${table}: ${insert.stderr}`);
    execFileSync('rm', ['-f', lines]);
    const loaded = (await server.query(`SELECT count() FROM ${table}`)).trim();
    if (loaded !== String(posts)) throw new Error(`Unexpected ${loaded} rows in ${table}, expected ${posts}`);
    return { table, loadS: (performance.now() - started) / 1000 };
  } finally {
    await server.stop();
  }
}

/** The ClickHouse run: a freshly started server (its peak RSS is then this run's), the child sending the queries. */
async function measureClickhouse(table: string): Promise<Measure & { serverPeakRssMb: number; serverCpuS: number }> {
  const server = await startClickHouseCluster({ shards: 1, dir: clickhouseDir, basePort: CLICKHOUSE_PORT, maxMemory: 6_000_000_000 });
  try {
    const pid = server.pids[0]!;
    const before = processUse(pid);
    const m = measure('clickhouse', server.shards[0].url, table);
    const after = processUse(pid);
    return { ...m, serverPeakRssMb: after.peakRssMb, serverCpuS: after.cpuS - before.cpuS };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<Results> {
  // --scale 10m adds the 10M dataset to the 1M one; --scale 100k measures 100k alone (a quick run).
  const at = process.argv.indexOf('--scale');
  const scale = at >= 0 ? process.argv[at + 1] : undefined;
  const sizes: [string, number][] = scale === '100k' ? [['100k', 100_000]] : [['1m', 1_000_000]];
  if (scale === '10m') sizes.push(['10m', 10_000_000]);
  const prepareOnly = process.argv.includes('--prepare');
  mkdirSync(clickhouseDir, { recursive: true });
  const results: Results = {};
  for (const [name, posts] of sizes) {
    const path = fileURLToPath(new URL(`./out/posts-${name}.ndjson`, import.meta.url));
    if (!existsSync(path)) {
      console.log(`writing ${path} (${posts.toLocaleString('en')} posts)…`);
      await writeDataset(path, posts);
    }
    const copyStarted = performance.now();
    const parquet = await parquetOf(path);
    const copyS = (performance.now() - copyStarted) / 1000;
    const { table, loadS } = await clickhouseTable(name, parquet);
    if (prepareOnly) {
      console.log(`${name}: Parquet copy ${copyS > 1 ? `written in ${copyS.toFixed(0)} s` : 'already there'}, ClickHouse table ${table} ${loadS > 0 ? `loaded in ${loadS.toFixed(0)} s` : 'already there'}`);
      continue;
    }
    const loads: number[] = [];
    const load = () => (loads.push(loadavg()[0]!), undefined);
    load();
    const inprocess = measure('inprocess', path);
    load();
    const duckdb = measure('duckdb', path);
    load();
    const fromParquet = measure('duckdb-parquet', parquet);
    load();
    const clickhouse = await measureClickhouse(table);
    load();
    const same = [duckdb, fromParquet, clickhouse].every((m) => m.modelSha256 === inprocess.modelSha256);
    for (const [label, m] of [['in process', inprocess], ['DuckDB from NDJSON', duckdb], ['DuckDB from Parquet', fromParquet], ['ClickHouse (client)', clickhouse]] as const) {
      console.log(`${name} ${label}: ${m.posts.toLocaleString('en')} posts, wall ${(m.ms / 1000).toFixed(1)} s, CPU ${(m.cpuMs / 1000).toFixed(1)} s, peak RSS ${Math.round(m.maxRssMb)} MB`);
    }
    console.log(`${name} ClickHouse server: CPU ${clickhouse.serverCpuS.toFixed(1)} s, peak RSS ${Math.round(clickhouse.serverPeakRssMb)} MB${loadS > 0 ? `; table loaded in ${loadS.toFixed(0)} s` : ''}`);
    console.log(`${name}: models ${same ? 'identical' : 'DIFFER'}; load average ${loads.map((l) => l.toFixed(1)).join(', ')} before, between and after the runs`);
    results[`engines_${name}`] = {
      posts: inprocess.posts,
      ndjson_bytes: statSync(path).size,
      parquet_bytes: statSync(parquet).size,
      ...runFigures('inprocess', inprocess),
      ...runFigures('duckdb', duckdb),
      ...runFigures('duckdb_parquet', fromParquet),
      clickhouse_s: Number((clickhouse.ms / 1000).toFixed(1)),
      clickhouse_client_cpu_s: Number((clickhouse.cpuMs / 1000).toFixed(1)),
      clickhouse_client_peak_rss_mb: Math.round(clickhouse.maxRssMb),
      clickhouse_server_cpu_s: Number(clickhouse.serverCpuS.toFixed(1)),
      clickhouse_peak_rss_mb: Math.round(clickhouse.serverPeakRssMb),
      ...(loadS > 0 ? { clickhouse_load_s: Number(loadS.toFixed(1)) } : {}),
      models_identical: same ? 'yes' : 'no',
      load_average: loads.map((l) => l.toFixed(1)).join(' '),
    };
    record({ [`engines_${name}`]: results[`engines_${name}`]! });
  }
  return results;
}
