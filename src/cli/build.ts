/**
 * `npm run build [-- --base /sub/path/ --site https://host] [--pdf [--paper letter]] [--lock]`; `npm run pdf` is `--pdf`.
 * Checks, builds into a staging folder, and swaps the result into dist/ only on success.
 * With --lock (`npm run lock`), also records the published pages and finding ids in anchors.lock.json.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite } from '../build/build-site.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../diagnostics/reporter.ts';
import { postBuildStages } from '../build/stages.ts';
import { commandArgs } from './args.ts';
import { clickhouseAccount } from './clickhouse-account.ts';

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
// No request to Astro's servers from an editor's machine or a CI job (telemetry); the project pins its Astro version.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// There when package.json's scripts run the build with `--expose-gc` (see BuildEffects).
const gc = (globalThis as { gc?: () => void }).gc;
try {
  const { repositoryFiles } = await buildSite(
    {
      root,
      today: new Date().toISOString().slice(0, 10),
      ...(values.out ? { outDir: path.resolve(values.out) } : {}),
      ...(values.base ? { base: values.base } : {}),
      ...(values.site ? { site: values.site } : {}),
      ...(values.pdf ? { pdf: true, paper: values.paper.toLowerCase() === 'letter' ? ('Letter' as const) : ('A4' as const) } : {}),
      lock: values.lock,
      // The hosts' preview switch (docs/hosting.md): drafts included, addresses never locked.
      drafts: process.env.CASEFILE_DRAFTS === '1',
      // A host that builds from a tarball names the version; the PDF edition's browser may live elsewhere.
      ...(process.env.CASEFILE_VERSION?.trim() ? { version: process.env.CASEFILE_VERSION.trim() } : {}),
      ...(process.env.CHROMIUM_PATH ? { chromium: process.env.CHROMIUM_PATH } : {}),
      clickhouse: clickhouseAccount(process.env),
    },
    { log: (line) => process.stderr.write(`${line}\n`), ...(gc ? { collectGarbage: gc } : {}) },
    postBuildStages,
  );
  // The build proposes the repository's files (the anchors lock); written here, and only when they changed.
  for (const [file, text] of repositoryFiles) {
    const target = path.join(root, file);
    if (!existsSync(target) || (await readFile(target, 'utf8')) !== text) await writeFile(target, text);
  }
} catch (error) {
  if (error instanceof DiagnosticError) {
    process.stderr.write(formatDiagnostics(error.diagnostics, 'text', { color: process.stderr.isTTY && !process.env.NO_COLOR }));
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.stderr.write(`Build failed: dist/ was left as it was${values.lock ? ', and anchors.lock.json too' : ''}.\n`);
  process.exitCode = 1;
}
