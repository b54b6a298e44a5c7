/**
 * `npm run import -- [<format>] <input...> --case <case> [--dataset <id>] [--replace] [--skip-invalid]`
 * Converts an export into `data/<case>/<dataset>/` and prints what it read, kept and changed.
 */
import { existsSync } from 'node:fs';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/reporter.ts';
import { initMapping } from '../import/init-mapping.ts';
import { importDataset } from '../import/run.ts';
import { formatReport, progressPrinter } from '../import/report-text.ts';
import { importFormats, type ImportFormat } from '../import/types.ts';
import { printArgsMessage, readArgs } from './args.ts';

const usage = `Usage: npm run import -- [<format>] <input...> --case <case> [options]

Formats: ${importFormats.join(', ')}. Without one, each input's format is detected from its content
and printed. An input may be a folder: its files are read in name order.

Options:
  --case <id>             case the dataset belongs to (required)
  --format <format>       read the inputs as this format instead of detecting it
  --dataset <id>          dataset folder name (default: the first input's name)
  --replace               replace an existing dataset instead of merging into it
  --skip-invalid          leave malformed rows out and report them, instead of failing
  --licence <text>        licence of the data (default: "unknown — check the data's terms")
  --title <text>          manifest title
  --synthetic             mark the posts as invented (the report shows a banner); needs an explanation
  --synthetic-explanation <text>  how the synthetic posts were made
  --not-synthetic         mark the posts as real again
  --limitation <text>     what the dataset cannot show (repeat for several; replaces the list)
  --url <url>             where the data can be found
  --query <text>          the collection query, when the export does not record it
  --observed-at <time>    when the export's counts were observed (io-archive, snscrape)
  --mapping <file>        the CSV's column mapping (see "Importing a CSV" in docs/editing.md)
  --init-mapping <file.csv>  write a mapping for this CSV, columns guessed from its header,
                          to --mapping <file> or <file>.mapping.jsonc beside it
  --telegram-username <u> public username of the Telegram chat, for post links

Without --replace, rows are merged into the dataset and rows that changed are reported, not
rewritten. Hand-written manifest fields (title, licence, synthetic, limitations, url) are kept
unless a flag above sets them.
`;

async function main(argv: string[]): Promise<number> {
  const args = readArgs({
    args: argv,
    allowPositionals: true,
    options: {
      case: { type: 'string' },
      dataset: { type: 'string' },
      format: { type: 'string' },
      replace: { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      licence: { type: 'string' },
      synthetic: { type: 'boolean' },
      'synthetic-explanation': { type: 'string' },
      'not-synthetic': { type: 'boolean' },
      limitation: { type: 'string', multiple: true },
      url: { type: 'string' },
      'init-mapping': { type: 'string' },
      title: { type: 'string' },
      query: { type: 'string' },
      'observed-at': { type: 'string' },
      mapping: { type: 'string' },
      'telegram-username': { type: 'string' },
    },
  }, usage);
  if (!args.ok) return printArgsMessage(args);
  const { values, positionals } = args.parsed;
  // A first word that names a format and no file is the format; any other is an input.
  const named = positionals[0] !== undefined && importFormats.includes(positionals[0] as ImportFormat) && !existsSync(positionals[0]);
  const format = values.format ?? (named ? positionals[0] : undefined);
  const inputs = named ? positionals.slice(1) : positionals;
  if (values['init-mapping']) {
    const csv = values['init-mapping'];
    const out = values.mapping ?? `${csv.replace(/\.[^./]*$/, '')}.mapping.jsonc`;
    try {
      await initMapping(csv, out, (path) => path);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      process.stderr.write(formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR }));
      return 1;
    }
    process.stderr.write(`Wrote ${out}: check each guessed column and fill in what is left empty, then run\n  npm run import -- ${csv} --case <case> --mapping ${out}\n`);
    return 0;
  }
  if (inputs.length === 0 || !values.case) {
    process.stderr.write(usage);
    return 2;
  }
  if (format !== undefined && !importFormats.includes(format as ImportFormat)) {
    process.stderr.write(`Unexpected format \`${format}\`, expected one of ${importFormats.join(', ')}.\n`);
    return 2;
  }
  const progress = progressPrinter(process.stderr);
  try {
    const report = await importDataset({
      format: format as ImportFormat | undefined,
      inputs,
      root: process.cwd(),
      caseId: values.case,
      dataset: values.dataset,
      replace: values.replace,
      skipInvalid: values['skip-invalid'],
      licence: values.licence,
      synthetic: values.synthetic || values['synthetic-explanation'] !== undefined ? true : values['not-synthetic'] ? false : undefined,
      syntheticExplanation: values['synthetic-explanation'],
      limitations: values.limitation,
      url: values.url,
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
      process.stderr.write(`${formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR })}Import failed: nothing was written.\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
