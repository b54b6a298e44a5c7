/**
 * `npm run data -- update <case>/<dataset> [--note "<correction>"]`: after changing a dataset's files
 * on purpose, re-hash them into its manifest and record the change as a correction of the case.
 * `npm run data -- parquet <case>/<dataset>`: write a Parquet copy of each posts file for the DuckDB engine.
 */
import { createInterface } from 'node:readline/promises';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/reporter.ts';
import { updateDataset } from '../import/update-dataset.ts';
import { convertToParquet } from '../engines/parquet.ts';
import { printArgsMessage, readArgs } from './args.ts';

const usage = `Usage: npm run data -- update <case>/<dataset> [--note "<correction>"]
       npm run data -- parquet <case>/<dataset>

update: re-hashes the dataset's files into its manifest after you changed them on purpose. With --note
(or the answer to the question asked on a terminal), adds a dated correction to the case's frontmatter
and sets its \`updated\` date: a published report must say that its data changed.

parquet: writes each NDJSON posts file of the dataset as Parquet beside it (posts.ndjson → posts.parquet),
after checking every post, and records it in the manifest; a case with \`aggregation: { engine: duckdb }\`
then reads the Parquet file instead (docs/scale.md).
`;

async function main(argv: string[]): Promise<number> {
  const read = readArgs({ args: argv, allowPositionals: true, options: { note: { type: 'string' } } }, usage);
  if (!read.ok) return printArgsMessage(read);
  const { values, positionals } = read.parsed;
  const [command, target] = positionals;
  if ((command !== 'update' && command !== 'parquet') || !target) {
    process.stderr.write(usage);
    return 2;
  }
  if (command === 'parquet') return parquet(target);
  const today = new Date().toISOString().slice(0, 10);
  let note = values.note;
  if (note === undefined && process.stdin.isTTY) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    note = await prompt.question('Correction for the report, saying what changed in the data (empty for none): ');
    prompt.close();
  }
  try {
    const report = await updateDataset({ root: process.cwd(), target, note, today });
    if (report.changed.length === 0) {
      process.stderr.write(`${report.manifest}: every file matches its hash; nothing to update\n`);
      return 0;
    }
    for (const change of report.changed) {
      process.stderr.write(`${change.path}: ${change.before.sha256.slice(0, 12)}… → ${change.after.sha256.slice(0, 12)}… (${change.after.bytes.toLocaleString('en')} bytes)\n`);
    }
    process.stderr.write(`Updated ${report.manifest}\n`);
    process.stderr.write(
      report.correction
        ? `Added a correction dated ${today} to ${report.correction}\n`
        : 'No correction written: if the report is published, add one with --note "<what changed>".\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    process.stderr.write(`${formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR })}Nothing was changed.\n`);
    return 1;
  }
}

async function parquet(target: string): Promise<number> {
  try {
    const report = await convertToParquet({ root: process.cwd(), target });
    for (const w of report.written) process.stderr.write(`${w.source} → ${w.path}: ${w.posts.toLocaleString('en')} posts, ${w.bytes.toLocaleString('en')} bytes\n`);
    process.stderr.write(`Updated ${report.manifest}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    process.stderr.write(`${formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR })}Nothing was changed.\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
