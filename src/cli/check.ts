/**
 * `npm run check [-- --format text|json|github] [--strict] [--root DIR]`
 * Reports every problem in the project's content and data at once; exits 1 on any error
 * (and on warnings with --strict). On GitHub Actions the default format is `github`, so the
 * problems appear on the pull request's changed lines whichever script ran the check.
 */
import path from 'node:path';
import { checkProject } from '../check/check-project.ts';
import { formatDiagnostics, type ReportFormat } from '../diagnostics/reporter.ts';
import { commandArgs } from './args.ts';
import { clickhouseAccount } from './clickhouse-account.ts';

const usage = `Usage: npm run check -- [--format text|json|github] [--strict] [--root DIR]

Reports every problem in the project's content and data at once; exits 1 on any error.
  --strict   warnings fail too, every figure needs expect= and every ## heading its {#id}
  --format   text (the default), json, or github (annotations on a pull request)
`;

const { values } = commandArgs({
  options: {
    format: { type: 'string', default: process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text' },
    strict: { type: 'boolean', default: false },
    root: { type: 'string', default: '.' },
  },
}, usage);

const format = values.format as ReportFormat;
if (!['text', 'json', 'github'].includes(format)) {
  process.stderr.write(`Unexpected format \`${format}\`, expected text, json or github.\n`);
  process.exit(2);
}

const root = path.resolve(values.root);
const { diagnostics } = await checkProject(root, { today: new Date().toISOString().slice(0, 10), strict: values.strict, clickhouse: clickhouseAccount(process.env) });
process.stdout.write(formatDiagnostics(diagnostics, format, { color: process.stdout.isTTY && !process.env.NO_COLOR }));
const failing = diagnostics.filter((d) => d.severity === 'error' || values.strict);
process.exitCode = failing.length > 0 ? 1 : 0;
