/**
 * One measured part of the ingest benchmark, run in its own process so its peak RSS is its own.
 * `parse`: read and JSON.parse every line (the baseline). `ingest`: read, validate, normalise, aggregate.
 * Prints one JSON line: { ms, cpuMs, posts, problems, maxRssMb }.
 */
import { createAggregator } from '../src/aggregate/aggregate-case.ts';
import { readLines } from '../src/ingest/read-lines.ts';
import { readPosts } from '../src/ingest/read-posts.ts';
import { benchInput } from './ingest-data.ts';

const [mode, path] = process.argv.slice(2) as ['parse' | 'ingest', string];
const started = performance.now();
const cpuStarted = process.cpuUsage();
let posts = 0;
let problems = 0;
if (mode === 'parse') {
  await readLines(path, (line) => {
    JSON.parse(line);
    posts++;
  });
} else {
  const aggregator = createAggregator(benchInput);
  const result = await readPosts({
    path,
    file: path,
    dataset: 'bench',
    format: 'ndjson',
    onRawPost: aggregator.rawSink('bench', path),
    onEstimate: aggregator.expect,
  });
  const model = aggregator.finish();
  posts = model.summary.total;
  problems = result.diagnostics.length;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, posts, problems, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
