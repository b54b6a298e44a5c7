/**
 * The measured import of the import benchmark, run in its own process (so its peak RSS is its own) from
 * an esbuild bundle, as `npm run import` runs it. Arguments: format, input file, root, dataset.
 * Prints one JSON line: { ms, cpuMs, maxRssKb, rows }.
 */
import { importDataset } from '../src/import/run.ts';
import type { ImportFormat } from '../src/import/types.ts';

const [format, input, root, dataset] = process.argv.slice(2) as [ImportFormat, string, string, string];
const started = performance.now();
const cpuStarted = process.cpuUsage();
const report = await importDataset({ format, inputs: [input], root, caseId: 'bench', dataset, replace: true, observedAt: '2019-08-19T00:00:00Z' });
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, rows: report.rowsRead }));
