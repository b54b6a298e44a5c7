/**
 * `npm run import -- <format> <input...> --case <case> [--dataset <id>] [--replace] [--skip-invalid]`
 * Converts an export into `data/<case>/<dataset>/` and prints what it read, kept and changed.
 */
import { parseArgs } from 'node:util';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { importDataset, type ImportProgress, type ImportReport } from '../import/run.ts';
import { importFormats, type ImportFormat } from '../import/types.ts';

const usage = `Usage: npm run import -- <format> <input...> --case <case> [options]

Formats: ${importFormats.join(', ')}

Options:
  --case <id>             case the dataset belongs to (required)
  --dataset <id>          dataset folder name (default: the first input's name)
  --replace               replace an existing dataset instead of merging into it
  --skip-invalid          leave malformed rows out and report them, instead of failing
  --licence <text>        licence of the data (default: "unknown — check the data's terms")
  --title <text>          manifest title
  --query <text>          the collection query, when the export does not record it
  --observed-at <time>    when the export's counts were observed (io-archive, snscrape)
  --mapping <file.json>   column mapping (csv)
  --telegram-username <u> public username of the Telegram chat, for post links
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      dataset: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      licence: { type: 'string' },
      title: { type: 'string' },
      query: { type: 'string' },
      'observed-at': { type: 'string' },
      mapping: { type: 'string' },
      'telegram-username': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [format, ...inputs] = positionals;
  if (values.help || !format || inputs.length === 0 || !values.case) {
    process.stderr.write(usage);
    return values.help ? 0 : 2;
  }
  if (!importFormats.includes(format as ImportFormat)) {
    process.stderr.write(`Unexpected format \`${format}\`, expected one of ${importFormats.join(', ')}\n`);
    return 2;
  }
  if (format === 'csv' && !values.mapping) {
    process.stderr.write('Unexpected csv import without --mapping, expected --mapping <file.json> naming the columns\n');
    return 2;
  }
  const progress = progressPrinter();
  try {
    const report = await importDataset({
      format: format as ImportFormat,
      inputs,
      root: process.cwd(),
      caseId: values.case,
      dataset: values.dataset,
      replace: values.replace,
      skipInvalid: values['skip-invalid'],
      licence: values.licence,
      title: values.title,
      query: values.query,
      observedAt: values['observed-at'],
      mapping: values.mapping,
      telegramUsername: values['telegram-username'],
      onProgress: progress.update,
    });
    progress.done();
    process.stderr.write(formatReport(report));
    return 0;
  } catch (error) {
    progress.done();
    if (error instanceof DiagnosticError) {
      process.stderr.write(`${error.diagnostics.map(formatDiagnostic).join('\n')}\nImport failed: nothing was written.\n`);
      return 1;
    }
    throw error;
  }
}

/** A redrawn bar on a terminal; a plain line every 10% otherwise (CI logs, pipes). */
function progressPrinter(): { update: (p: ImportProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;
  return {
    update({ bytes, totalBytes, rows }) {
      const fraction = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && fraction < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows`);
        drawn = true;
      } else {
        const decile = Math.floor(fraction * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        process.stderr.write(`import: ${decile * 10}% read, ${rows} rows\n`);
      }
    },
    done() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}

function formatReport(r: ImportReport): string {
  const lines = [
    r.written ? `Imported into ${r.dir}` : `${r.dir} already holds this data: nothing rewritten`,
    `  rows read      ${r.rowsRead}`,
    `  imported       ${r.imported}`,
    `  deduplicated   ${r.deduplicated}`,
    `  skipped        ${sum(r.skipped)}`,
    ...reasons(r.skipped),
    `  changed        ${sum(r.changed)}`,
    ...reasons(r.changed),
    `  dataset now holds ${r.posts} posts and ${r.accounts} accounts`,
    ...r.invalid.map((d) => `  skipped: ${formatDiagnostic(d)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function reasons(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `    ${String(n).padStart(8)}  ${reason}`);
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? `\n    ${d.hint}` : '';
  return `${d.file}:${d.start.line}:${d.start.column}  ${d.severity}  ${d.message}  ${d.ruleId}${hint}`;
}

process.exitCode = await main(process.argv.slice(2));
