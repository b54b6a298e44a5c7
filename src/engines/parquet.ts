/**
 * `npm run data -- parquet <case>/<dataset>`: each NDJSON posts file of a dataset, validated by Casefile
 * as a build validates it, written beside it as Parquet with the posts table's columns (contract.ts
 * PostRow) and recorded in the manifest as its `columnar` copy, pinned by hash with the hash of the file
 * it was made from. The DuckDB engine then reads the Parquet file out of core instead of parsing JSON.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { parseJsonFile } from '../content/json-file.ts';
import { readUtf8 } from '../content/utf8.ts';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';
import { hashFile } from '../import/run.ts';
import { readPosts } from '../ingest/read-posts.ts';
import { SlugSchema } from '../schema/common.ts';
import { ManifestSchema } from '../schema/manifest.ts';
import { duckdbEngine, loadPosts } from './duckdb.ts';

export interface ParquetReport {
  manifest: string;
  written: { path: string; source: string; posts: number; bytes: number }[];
}

export async function convertToParquet(options: { root: string; target: string }): Promise<ParquetReport> {
  const [caseId, dataset, ...rest] = options.target.split('/');
  if (rest.length > 0 || !SlugSchema.safeParse(caseId).success || !SlugSchema.safeParse(dataset).success) {
    throw usage(`Unexpected \`${options.target}\`, expected <case>/<dataset>, like rferl-2024/posts`);
  }
  const display = (path: string): string => relative(options.root, path).split(sep).join(posix.sep);
  const dir = join(options.root, 'data', caseId!, dataset!);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw usage(`Unexpected no ${display(manifestPath)}, expected a dataset made by \`npm run import\` or \`npm run new -- dataset\``);
  const read = await readUtf8(manifestPath, display(manifestPath));
  const json = parseJsonFile(read.text, display(manifestPath));
  if (read.diagnostics.length > 0 || json.diagnostics.length > 0) throw new DiagnosticError([...read.diagnostics, ...json.diagnostics]);
  const raw = json.data as { files: Record<string, unknown>[] };
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw new DiagnosticError(zodIssuesToDiagnostics(parsed.error, { file: display(manifestPath), input: raw, locate: json.locate }));

  const posts = parsed.data.files.filter((f) => f.role === 'posts' && f.format === 'ndjson');
  if (posts.length === 0) throw usage(`Unexpected no NDJSON posts file in ${display(manifestPath)}, expected at least one to convert`);
  // Only posts that pass every check Casefile makes, in files that match their pinned hashes, are converted.
  const problems = [];
  for (const f of posts) {
    const path = join(dir, f.path);
    const { sha256 } = await hashFile(path);
    if (sha256 !== f.sha256) {
      problems.push(
        diagnostic({
          file: display(manifestPath),
          ruleId: 'dataset/hash-mismatch',
          message: `Unexpected SHA-256 \`${sha256}\` for \`${f.path}\`, expected \`${f.sha256}\` as the manifest states.`,
          hint: 'Run `npm run data -- update <case>/<dataset>` first if the file changed on purpose.',
        }),
      );
      continue;
    }
    const result = await readPosts({ path, file: display(path), dataset: dataset!, format: 'ndjson', onRawPost: () => {} });
    problems.push(...result.diagnostics.filter((d) => d.severity === 'error'));
  }
  if (problems.length > 0) throw new DiagnosticError(problems);

  const report: ParquetReport = { manifest: display(manifestPath), written: [] };
  const files = raw.files.filter((f) => f['role'] !== 'columnar');
  for (const f of posts) {
    const path = join(dir, f.path);
    const target = `${f.path.replace(/\.ndjson$/, '')}.parquet`;
    const out = join(dir, target);
    const temporary = `${out}.${process.pid}.tmp`;
    const engine = await duckdbEngine();
    try {
      await loadPosts(engine.connection, [{ dataset: dataset!, file: display(path), path, format: 'ndjson' }]);
      const [count] = await engine.query('SELECT count(*) AS n FROM posts');
      // COPY takes its file name as a literal, not a parameter: the path is ours, quoted as SQL quotes strings.
      await engine.execute(`COPY (SELECT * FROM posts ORDER BY line) TO '${temporary.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
      await rename(temporary, out);
      const { bytes, sha256 } = await hashFile(out);
      files.push({ path: target, format: 'parquet', role: 'columnar', sha256, bytes, source: { path: f.path, sha256: f.sha256 } });
      report.written.push({ path: display(out), source: display(path), posts: Number(count!['n']), bytes });
    } finally {
      await rm(temporary, { force: true });
      await engine.close();
    }
  }
  await writeFile(manifestPath, `${JSON.stringify({ ...raw, files }, null, 2)}\n`);
  return report;
}

function usage(message: string): DiagnosticError {
  return new DiagnosticError([diagnostic({ file: '', ruleId: 'data/usage', message })]);
}
