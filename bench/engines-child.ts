/**
 * One measured run of the engines benchmark, in its own process so its peak RSS (DuckDB's native memory
 * included) is its own. `inprocess`: read, validate and aggregate every post in Node. `duckdb`: DuckDB reads
 * the NDJSON while Node validates every post (as a build does), then runs the contract's SQL.
 * `duckdb-parquet`: DuckDB reads the Parquet copy (validated when it was made). `clickhouse <url> <table>`:
 * a ClickHouse server counts a table it already holds, this process sends the contract's queries and
 * assembles what comes back (the server's own RSS and CPU are read by the parent). Prints one JSON line:
 * { ms, cpuMs, posts, maxRssMb, modelSha256 }: the hash shows both engines made the same model.
 */
import { createHash } from 'node:crypto';
import { createAggregator } from '../src/aggregate/aggregate-case.ts';
import type { ReportModel } from '../src/aggregate/model.ts';
import { clickhouseModel } from '../src/engines/clickhouse/model.ts';
import { duckdbModel } from '../src/engines/duckdb-model.ts';
import { readPosts } from '../src/ingest/read-posts.ts';
import { benchInput } from './ingest-data.ts';

const [mode, path, table] = process.argv.slice(2) as ['inprocess' | 'duckdb' | 'duckdb-parquet' | 'clickhouse', string, string | undefined];
const started = performance.now();
const cpuStarted = process.cpuUsage();
let model: ReportModel | null;
if (mode === 'inprocess') {
  const aggregator = createAggregator(benchInput);
  await readPosts({ path, file: 'posts.ndjson', dataset: 'bench', format: 'ndjson', onRawPost: aggregator.rawSink('bench', 'posts.ndjson') });
  model = aggregator.finish();
} else if (mode === 'duckdb') {
  // As a build does: Node checks every post while DuckDB reads the same file.
  const validation = readPosts({ path, file: 'posts.ndjson', dataset: 'bench', format: 'ndjson', onRawPost: () => {} }).then((r) => r.diagnostics);
  model = (await duckdbModel(benchInput, [{ dataset: 'bench', file: 'posts.ndjson', path, format: 'ndjson' }], 'bench', { validation })).model;
} else if (mode === 'clickhouse') {
  // Half an hour a query, not the default ten minutes: a slow query on a loaded machine is measured, not cut off.
  model = (await clickhouseModel(benchInput, { url: path, table: table!, timeout: 1_800_000 }, ['bench'], 'bench')).model;
} else {
  model = (await duckdbModel(benchInput, [{ dataset: 'bench', file: 'posts.ndjson', path, format: 'parquet' }], 'bench')).model;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const modelSha256 = createHash('sha256').update(JSON.stringify(model)).digest('hex');
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, posts: model?.summary.total ?? 0, maxRssMb: process.resourceUsage().maxRSS / 1024, modelSha256 })}\n`);
