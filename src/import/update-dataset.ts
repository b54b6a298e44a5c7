/**
 * `npm run data -- update <case>/<dataset>`: after an editor changes a dataset's files on purpose,
 * re-hash them into the manifest (nothing else in it changes) and, when given a note, record the
 * change as a dated correction of the case, as a published report must.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';
import { jsonTextLocator } from '../diagnostics/positions.ts';
import { SlugSchema } from '../schema/common.ts';
import { ManifestSchema } from '../schema/manifest.ts';
import { parseJsonFile } from '../content/json-file.ts';
import { readUtf8 } from '../content/utf8.ts';
import { hashFile } from './run.ts';

export interface UpdateOptions {
  root: string;
  /** `<case>/<dataset>`. */
  target: string;
  /** The correction's text; without it no correction is written. */
  note?: string;
  /** Today's date (YYYY-MM-DD) for the correction; tests pin it. */
  today: string;
}

export interface FileChange {
  path: string;
  before: { sha256: string; bytes?: number };
  after: { sha256: string; bytes: number };
}

export interface UpdateReport {
  manifest: string;
  changed: FileChange[];
  /** The case file the correction went into, when one was written. */
  correction?: string;
}

export async function updateDataset(options: UpdateOptions): Promise<UpdateReport> {
  const [caseId, dataset, ...rest] = options.target.split('/');
  if (rest.length > 0 || !SlugSchema.safeParse(caseId).success || !SlugSchema.safeParse(dataset).success) {
    throw usage(`Unexpected \`${options.target}\`, expected <case>/<dataset>, like rferl-2024/posts.`);
  }
  const display = (path: string): string => relative(options.root, path).split(sep).join('/');
  const dir = join(options.root, 'data', caseId!, dataset!);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw usage(`Unexpected no ${display(manifestPath)}, expected a dataset made by \`npm run import\` or \`npm run new -- dataset\`.`);
  const read = await readUtf8(manifestPath, display(manifestPath));
  const text = read.text;
  const json = parseJsonFile(text, display(manifestPath));
  if (read.diagnostics.length > 0 || json.diagnostics.length > 0) throw new DiagnosticError([...read.diagnostics, ...json.diagnostics]);
  const raw = json.data as { files?: { path: string; sha256: string; bytes?: number }[] };
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DiagnosticError(zodIssuesToDiagnostics(parsed.error, { file: display(manifestPath), input: raw, locate: json.locate }));
  }

  const changed: FileChange[] = [];
  const missing = [];
  const edits: { path: (string | number)[]; value: string | number }[] = [];
  for (const [index, file] of (raw.files ?? []).entries()) {
    const path = join(dir, file.path);
    if (!existsSync(path)) {
      missing.push(diagnostic({ file: display(manifestPath), ruleId: 'data/missing-file', message: `Unexpected no file \`${file.path}\` in ${display(dir)}, expected the file the manifest lists.` }));
      continue;
    }
    const after = await hashFile(path);
    if (after.sha256 !== file.sha256 || (file.bytes !== undefined && file.bytes !== after.bytes)) {
      changed.push({ path: file.path, before: { sha256: file.sha256, bytes: file.bytes }, after });
      edits.push({ path: ['files', index, 'sha256'], value: after.sha256 });
      if (file.bytes !== undefined) edits.push({ path: ['files', index, 'bytes'], value: after.bytes });
    }
  }
  if (missing.length > 0) throw new DiagnosticError(missing);
  const report: UpdateReport = { manifest: display(manifestPath), changed };
  if (changed.length === 0) return report;
  await writeFile(manifestPath, replaceValues(text, edits));
  if (options.note !== undefined && options.note.trim() !== '') {
    report.correction = display(await addCorrection(join(options.root, 'content', 'cases', caseId!, 'index.md'), options.today, options.note.trim()));
  }
  return report;
}

/** Append `{date, text}` to the case's `corrections` and set `updated`, keeping the rest of the frontmatter as written. */
async function addCorrection(caseFile: string, today: string, text: string): Promise<string> {
  const source = await readFile(caseFile, 'utf8').catch(() => undefined);
  const match = source === undefined ? null : /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$))/.exec(source);
  if (!source || !match) throw usage(`Unexpected no case file with frontmatter at ${caseFile}, expected the case the dataset belongs to.`);
  const doc = parseDocument(match[2]!);
  if (!isMap(doc.contents)) throw usage(`Unexpected frontmatter that is not a set of fields in ${caseFile}, expected the case's fields.`);
  const corrections = doc.get('corrections', true);
  const entry = doc.createNode({ date: today, text });
  if (isSeq(corrections)) corrections.items.push(entry);
  else doc.set('corrections', doc.createNode([{ date: today, text }]));
  doc.set('updated', today);
  await writeFile(caseFile, `${match[1]}${doc.toString({ lineWidth: 0 })}${match[3]}${source.slice(match[0].length)}`);
  return caseFile;
}

/** The manifest's text with only the given values replaced, so the editor's layout of it stays as it was. */
function replaceValues(text: string, edits: { path: (string | number)[]; value: string | number }[]): string {
  const locate = jsonTextLocator(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; column: number }): number => lineStarts[p.line - 1]! + p.column - 1;
  const spans = edits
    .map(({ path, value }) => {
      const span = locate(path)!;
      return { from: offset(span.start), to: offset(span.end!), value: JSON.stringify(value) };
    })
    .sort((a, b) => b.from - a.from);
  let out = text;
  for (const { from, to, value } of spans) out = out.slice(0, from) + value + out.slice(to);
  return out;
}

function usage(message: string): DiagnosticError {
  return new DiagnosticError([diagnostic({ file: '', ruleId: 'data/usage', message })]);
}
