/**
 * `npm run build [-- --base /sub/path/ --site https://host] [--pdf [--paper letter]] [--lock]`; `npm run pdf` is `--pdf`.
 * Checks, builds into a staging folder, and swaps the result into dist/ only on success.
 * With --lock (`npm run lock`), also records the published pages and finding ids in anchors.lock.json.
 */
import path from 'node:path';
import { buildSite } from '../build/build-site.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/reporter.ts';
import { postBuildStages } from '../build/stages.ts';
import { commandArgs } from './args.ts';

const usage = `Usage: npm run build -- [--base /sub/path/] [--site https://host] [--out DIR] [--root DIR]
       npm run pdf   (the build, plus a PDF edition of each report; -- --paper letter for US Letter)
       npm run lock  (the build, then records the published pages and finding ids in anchors.lock.json)

Checks the project, builds it into a staging folder and swaps the result into dist/ (or --out) only on success.
  --site https://host   the scheme and host the site will be served from
  --base /sub/path/     the path the site lives under (/ at the root of a domain)
`;

const { values } = commandArgs({
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string' },
    base: { type: 'string' },
    site: { type: 'string' },
    pdf: { type: 'boolean', default: false },
    paper: { type: 'string', default: 'a4' },
    lock: { type: 'boolean', default: false },
  },
}, usage);

const root = path.resolve(values.root);
try {
  await buildSite(
    {
      root,
      today: new Date().toISOString().slice(0, 10),
      ...(values.out ? { outDir: path.resolve(values.out) } : {}),
      ...(values.base ? { base: values.base } : {}),
      ...(values.site ? { site: values.site } : {}),
      ...(values.pdf ? { pdf: true, paper: values.paper.toLowerCase() === 'letter' ? ('Letter' as const) : ('A4' as const) } : {}),
      lock: values.lock,
    },
    { log: (line) => process.stderr.write(`${line}\n`) },
    postBuildStages,
  );
} catch (error) {
  if (error instanceof DiagnosticError) {
    process.stderr.write(formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR }));
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.stderr.write(`Build failed: dist/ was left as it was${values.lock ? ', and anchors.lock.json too' : ''}.\n`);
  process.exitCode = 1;
}
