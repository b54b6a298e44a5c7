/**
 * Import an export into `data/<case>/<dataset>/`: read, validate, dedupe, sort, then swap the
 * finished folder in. Nothing in the data folder changes unless the whole import succeeds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ZodType, ZodTypeDef, z } from 'zod';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { SlugSchema } from '../schema/common.ts';
import { ManifestSchema, type Manifest } from '../schema/manifest.ts';
import { AccountRecordSchema, PostSchema } from '../schema/post.ts';
import { AccountBook } from './accounts.ts';
import { canonicalJson, fastCanonicalPost } from './canonical.ts';
import type { CsvMapping } from './csv-schema.ts';
import { missingColumns, readMapping } from './csv-mapping.ts';
import { detectFormat, expandInputs } from './detect.ts';
import { parseJson } from './json.ts';
import { readers } from './readers.ts';
import { ExternalSorter, FingerprintSet, idOfKey, sortKey, sortKeyAt, type MergedLine, type SortedLine } from './sorter.ts';
import { postTime } from '../ingest/is-post.ts';
import { readLines } from './text.ts';
import type { ImportFormat, Provenance, RowPost } from './types.ts';
import { zodDiagnostic } from './validate.ts';

export const defaultLicence = "unknown — check the data's terms";

export interface ImportOptions {
  /** Detected from each file's content when not given. */
  format?: ImportFormat;
  inputs: string[];
  /** Project root: the dataset goes to `<root>/data/<case>/<dataset>/`. */
  root: string;
  caseId: string;
  /** Defaults to the first input's file name, as a slug. */
  dataset?: string;
  replace?: boolean;
  skipInvalid?: boolean;
  /** Hand-written manifest fields: given, they replace the dataset's; absent, the dataset's are kept. */
  licence?: string;
  title?: string;
  synthetic?: boolean;
  syntheticExplanation?: string;
  limitations?: string[];
  url?: string;
  query?: string;
  /** When the export's counts were observed, for formats that do not record it. */
  observedAt?: string;
  /** CSV mapping file (format `csv`). */
  mapping?: string;
  /** Public username of the Telegram chat, for post links (the export does not include it). */
  telegramUsername?: string;
  /** Clock for the manifest's import time; tests pin it. */
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Posts held in memory before a sorted run is written to disk. */
  runSize?: number;
}

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
  /** Set on the last report, once every row is read. */
  finished?: boolean;
}

export interface ImportReport {
  dir: string;
  format: ImportFormat;
  /** What each input file was read as (detected, or as --format named it). */
  readAs: { file: string; as: string }[];
  /** False when the dataset already held exactly this data (nothing rewritten). */
  written: boolean;
  rowsRead: number;
  imported: number;
  deduplicated: number;
  skipped: Record<string, number>;
  changed: Record<string, number>;
  /** Rows left out under --skip-invalid. */
  invalid: Diagnostic[];
  /** The export against the dataset it was imported into; undefined when there was none. */
  diff?: ImportDiff;
  /** True under --replace: the dataset now holds this export's rows only. */
  replaced: boolean;
  posts: number;
  accounts: number;
}

/**
 * Rows of the export against the dataset's, by id and time: `missing` rows are in the dataset but not
 * in this export (kept when merging, removed under --replace); `changed` ones have the same id and
 * time but other content (the dataset's copy kept unless --replace). A post whose time changed counts
 * as one missing and one added.
 */
export interface ImportDiff {
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
}

const maxDiagnostics = 100;

export async function importDataset(options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const dataset = options.dataset ?? slugFromFile(options.inputs[0] ?? 'dataset');
  for (const [what, value] of [['case', options.caseId], ['dataset', dataset]] as const) {
    if (!SlugSchema.safeParse(value).success) throw usageError(`Unexpected ${what} id \`${value}\`, expected a lowercase slug like rferl-2024.`);
  }
  if (options.inputs.length === 0) throw usageError('Unexpected no input files, expected at least one export to import.');
  const caseDir = join(options.root, 'data', options.caseId);
  const dir = join(caseDir, dataset);
  const display = (path: string): string => relative(options.root, path).split(sep).join('/');

  const files = await expandInputs(options.inputs, display);
  const { format, readAs, delimiters, headers } = await chooseFormat(files, options.format, display);
  const provenance: Provenance = { ...readers[format].provenance };
  let mapping: CsvMapping | undefined;
  if (format === 'csv') {
    const loaded = await readMapping(options.mapping, options.mapping ? display(options.mapping) : display(files[0]!), headers[0]);
    const missing = files.flatMap((file, i) => missingColumns(loaded, headers[i] ?? [], display(file)));
    if (missing.length > 0) throw new DiagnosticError(missing);
    mapping = loaded.mapping;
  }
  if (mapping) {
    provenance.platform = mapping.platform;
    provenance.precision = mapping.precision;
  }
  // The dataset's manifest is read even under --replace: what an editor wrote in it stays.
  const previous = existsSync(join(dir, 'manifest.json')) ? await readExisting(dir, display) : undefined;
  // A scaffolded dataset (`npm run new -- dataset`) has no posts to merge, only the fields its editor filled in.
  const existing = options.replace || !previous?.manifest ? undefined : { ...previous, manifest: previous.manifest };
  const synthetic = options.synthetic ?? previous?.kept.synthetic ?? false;
  const syntheticExplanation = synthetic ? (options.syntheticExplanation ?? previous?.kept.syntheticExplanation) : undefined;
  if (synthetic && !syntheticExplanation) {
    throw usageError('Unexpected --synthetic without an explanation, expected --synthetic-explanation "<how the posts were made>".');
  }
  if (existing && existing.manifest.platform !== provenance.platform) {
    throw usageError(
      `Unexpected platform \`${provenance.platform}\` for ${display(dir)}, expected \`${existing.manifest.platform}\` as its manifest says.`,
    );
  }

  const sizes: number[] = [];
  for (const input of files) sizes.push((await stat(input)).size);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  // Each input's digest, taken from the chunks as the reader reads them (a second pass over an archive of
  // gigabytes would cost a large share of the import).
  const inputs: { name: string; bytes: number; sha256: string }[] = [];

  // A first import into a case that fails leaves no empty data/<case>/ behind (it would read as a case with no data).
  const madeCaseDir = !existsSync(caseDir);
  await mkdir(caseDir, { recursive: true });
  let written = false;
  const work = join(caseDir, `.${dataset}.import-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(work, 'runs'), { recursive: true });
  try {
    const report: ImportReport = {
      dir: display(dir),
      format,
      readAs,
      written: false,
      rowsRead: 0,
      imported: 0,
      deduplicated: 0,
      skipped: {},
      changed: {},
      invalid: [],
      diff: previous ? { added: 0, changed: 0, unchanged: 0, missing: 0 } : undefined,
      replaced: options.replace === true,
      posts: 0,
      accounts: 0,
    };
    const sorter = new ExternalSorter(join(work, 'runs'), options.runSize);
    const book = new AccountBook(provenance.platform);
    // Equal keys leave the sorter in the order they went in, and the first is kept: the dataset's rows go
    // in first when merging, after the export's under --replace.
    const addDatasetPosts = async (): Promise<void> => {
      const postsPath = join(dir, 'posts.ndjson');
      if (!existsSync(postsPath)) return;
      for await (const { text, line } of readLines(postsPath, display(postsPath), () => {})) {
        if (text.trim() === '') continue;
        const full = sorter.add(datasetLine(text, display(postsPath), line));
        if (full) await full;
      }
    };
    if (existing) {
      for (const record of existing.accounts) book.load(record);
      await addDatasetPosts();
    }

    const errors: Diagnostic[] = [];
    let bytesDone = 0;
    for (const [index, input] of files.entries()) {
      const digest = new ReadDigest();
      const rows = readers[format].read(input, {
        displayPath: display(input),
        provenance,
        observedAt: options.observedAt,
        mapping,
        delimiter: mapping?.delimiter ?? delimiters[index],
        telegramUsername: options.telegramUsername,
        onBytes: (bytes, chunk, fromStart) => {
          digest.add(chunk, fromStart);
          bytesDone += bytes;
          options.onProgress?.({ bytes: bytesDone, totalBytes, rows: report.rowsRead });
        },
      });
      for await (const row of rows) {
        report.rowsRead++;
        if (row.type === 'skip') {
          tally(report.skipped, row.reason);
          continue;
        }
        // The fast check reads the post's time; the sort key is made from it, not from a second parse.
        const time = row.type === 'post' ? postTime(row.post) : NaN;
        const checked = row.type === 'post' ? (time === time ? canonicalJson(row.post) : validate(row)) : row.diagnostic;
        if (typeof checked !== 'string') {
          if (options.skipInvalid) {
            report.invalid.push(checked);
            tally(report.skipped, 'invalid row');
          } else if (errors.push(checked) >= maxDiagnostics) {
            throw new DiagnosticError(errors);
          }
          continue;
        }
        const post = row as RowPost;
        // Counted once per row: a row's changes repeat only when it has several.
        const changes = post.changes;
        if (changes.length === 1) tally(report.changed, changes[0]!);
        else if (changes.length > 1) for (const change of new Set(changes)) tally(report.changed, change);
        for (const account of post.accounts) book.observe(account);
        const key = time === time ? sortKeyAt(time, String(post.post.id)) : sortKey(String(post.post.createdAt), String(post.post.id));
        const full = sorter.add({ key, origin: 'n', json: checked });
        if (full) await full;
      }
      inputs.push({ name: basename(input), ...(digest.of(sizes[index]!) ?? (await hashFile(input))) });
    }
    options.onProgress?.({ bytes: bytesDone, totalBytes, rows: report.rowsRead, finished: true });
    if (errors.length > 0) throw new DiagnosticError(errors);
    if (previous && options.replace) await addDatasetPosts();

    const postsFile = join(work, 'posts.ndjson');
    const { span, digest: postsDigest } = await writeSorted(sorter.sorted(), postsFile, join(work, 'posts.dedupe.ndjson'), report);
    if (!span) {
      throw new DiagnosticError([
        diagnostic({
          file: display(files[0]!),
          ruleId: 'import/no-posts',
          message: 'Unexpected an export without posts, expected at least one post to import.',
          hint: `The file was read as ${readAs[0]?.as ?? format}; if that is wrong, name the format with --format.`,
        }),
      ]);
    }
    const accountLines = book.lines();
    report.accounts = accountLines.length;
    await writeLines(join(work, 'accounts.ndjson'), accountLines);
    const accountsDigest = await hashFile(join(work, 'accounts.ndjson'));

    const kept = previous?.kept;
    const handWritten = {
      title: options.title ?? kept?.title ?? provenance.title ?? `${provenance.tool} export: ${inputs.map((i) => i.name).join(', ')}`,
      licence: options.licence ?? kept?.licence ?? defaultLicence,
      synthetic,
      syntheticExplanation,
      limitations: options.limitations ?? kept?.limitations ?? [],
      url: options.url ?? kept?.url,
    };
    const keptFiles = previous?.manifest?.files;
    if (
      kept &&
      keptFiles?.some((f) => f.path === 'posts.ndjson' && f.sha256 === postsDigest.sha256) &&
      keptFiles.some((f) => f.path === 'accounts.ndjson' && f.sha256 === accountsDigest.sha256) &&
      JSON.stringify(handWritten) === JSON.stringify({ title: kept.title, licence: kept.licence, synthetic: kept.synthetic, syntheticExplanation: kept.syntheticExplanation, limitations: kept.limitations, url: kept.url })
    ) {
      return report;
    }

    const knownInputs = existing?.manifest.collection.inputs ?? [];
    const manifest: Manifest = ManifestSchema.parse({
      title: handWritten.title,
      platform: provenance.platform,
      collection: {
        tool: provenance.tool,
        query: options.query ?? provenance.query ?? previous?.manifest?.collection.query ?? 'not recorded in the export',
        from: span.from,
        to: span.to,
        collectedAt: provenance.collectedAt ?? now().toISOString(),
        precision: coarser(provenance.precision, existing?.manifest.collection.precision),
        inputs: [...knownInputs, ...inputs.filter((i) => !knownInputs.some((k) => k.sha256 === i.sha256))],
      },
      licence: handWritten.licence,
      synthetic,
      syntheticExplanation,
      limitations: handWritten.limitations,
      url: handWritten.url,
      files: [
        { path: 'posts.ndjson', format: 'ndjson', role: 'posts', ...postsDigest },
        { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts', ...accountsDigest },
      ],
    });
    await writeLines(join(work, 'manifest.json'), [JSON.stringify(manifest, null, 2)]);
    await rm(join(work, 'runs'), { recursive: true, force: true });
    await swapIn(work, dir);
    report.written = written = true;
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
    // rmdir removes only an empty folder: nothing another import put there meanwhile is lost.
    if (madeCaseDir && !written) await rmdir(caseDir).catch(() => undefined);
  }

  /** A row the fast check refused: zod decides, and explains. */
  function validate(row: RowPost): string | Diagnostic {
    const result = PostSchema.safeParse(row.post);
    return result.success ? JSON.stringify(result.data) : zodDiagnostic(result.error, row.post, row.file, row.line);
  }
}

/**
 * The format of the inputs: as given, or detected from each file, which must then agree. Each file's
 * CSV delimiter is taken from its header either way.
 */
async function chooseFormat(files: string[], given: ImportFormat | undefined, display: (path: string) => string) {
  const readAs: { file: string; as: string }[] = [];
  const delimiters: (string | undefined)[] = [];
  const headers: (string[] | undefined)[] = [];
  let format = given;
  for (const file of files) {
    const detection = await detectFormat(file, display(file)).catch((error: unknown) => {
      if (given && error instanceof DiagnosticError) return undefined;
      throw error;
    });
    delimiters.push(detection?.delimiter);
    headers.push(detection?.columns);
    if (given) {
      readAs.push({ file: display(file), as: detection?.format === given ? detection.as : `\`${given}\`, as --format says` });
      continue;
    }
    const found = detection!;
    if (format && found.format !== format) {
      throw usageError(
        `Unexpected ${display(file)} read as ${found.as} beside ${readAs[0]!.file} read as \`${format}\`, expected files of one format in one import.`,
      );
    }
    format = found.format;
    readAs.push({ file: display(file), as: found.as });
  }
  return { format: format!, readAs, delimiters, headers };
}

/**
 * Write merged lines, one per key (time and id): the first of each group is kept, the rest are
 * duplicates or, beside the dataset's copy, the export's version of the same post. Returns the span written.
 */
async function writeSorted(
  batches: AsyncIterable<MergedLine[]>,
  file: string,
  scratch: string,
  report: ImportReport,
): Promise<{ span: { from: string; to: string } | undefined; digest: { bytes: number; sha256: string } }> {
  const out = await open(file, 'w');
  // The file's digest is taken from the lines as they are written, not by reading it back.
  const hash = createHash('sha256');
  let bytes = 0;
  const hashed = (buffers: Buffer[]): void => {
    for (const b of buffers) {
      hash.update(b);
      bytes += b.length;
    }
  };
  let lines: Buffer[] = [];
  const seen = new FingerprintSet();
  const suspects = new Set<string>();
  let first: string | undefined;
  let lastLine: Buffer | undefined;
  let group: MergedLine[] = [];
  const settle = (): void => {
    const kept = group[0];
    if (!kept) return;
    let fromDataset: MergedLine | undefined;
    let fromExport: MergedLine | undefined;
    let exported = 0;
    for (const l of group) {
      if (l.origin === 'e') fromDataset ??= l;
      else if (exported++ === 0) fromExport = l;
    }
    report.deduplicated += exported - (kept.origin === 'n' ? 1 : 0);
    group = [];
    const diff = report.diff;
    if (diff) {
      if (!fromDataset) diff.added++;
      else if (!fromExport) diff.missing++;
      else if (fromExport.line.equals(fromDataset.line)) diff.unchanged++;
      else diff.changed++;
      if (report.replaced && !fromExport) return;
    }
    // The same id at another time is not adjacent: remember it and settle it in a second pass.
    const id = idOfKey(kept.key);
    if (seen.add(id)) suspects.add(id);
    // Only the span's ends need the time as written, so only they are parsed.
    first ??= createdAtOf(kept.line);
    lastLine = kept.line;
    report.posts++;
    if (kept.origin === 'n') report.imported++;
    lines.push(kept.line);
  };
  try {
    for await (const batch of batches) {
      for (const line of batch) {
        if (group.length > 0 && line.key !== group[0]!.key) settle();
        group.push(line);
      }
      // One write call for the batch: the lines are slices of what the runs read.
      hashed(lines);
      await out.writev(lines);
      lines = [];
    }
    settle();
    hashed(lines);
    await out.writev(lines);
  } finally {
    await out.close();
  }
  const span = first && lastLine ? { from: first, to: createdAtOf(lastLine) } : undefined;
  // Rare: the same id at two times. The file is then written again without the later copies, and hashed as written.
  if (suspects.size > 0) {
    await dropLaterCopies(file, scratch, suspects, report);
    return { span, digest: await hashFile(file) };
  }
  return { span, digest: { bytes, sha256: hash.digest('hex') } };
}

/**
 * The SHA-256 of a file from the chunks a reader read: restarted whenever a read starts from the top
 * of the file, and trusted only when that read covered the whole file (same byte count as its size).
 */
export class ReadDigest {
  private hash = createHash('sha256');
  private bytes = 0;

  add(chunk: Buffer, fromStart: boolean): void {
    if (fromStart) {
      this.hash = createHash('sha256');
      this.bytes = 0;
    }
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The digest when the last read covered exactly `size` bytes, else undefined (read the file again). */
  of(size: number): { bytes: number; sha256: string } | undefined {
    return this.bytes === size ? { bytes: size, sha256: this.hash.digest('hex') } : undefined;
  }
}

const createdAtOf = (line: Buffer): string => (JSON.parse(line.toString()) as { createdAt: string }).createdAt;

async function dropLaterCopies(file: string, scratch: string, suspects: Set<string>, report: ImportReport): Promise<void> {
  const out = createWriteStream(scratch);
  const kept = new Set<string>();
  for await (const { text } of readLines(file, file, () => {})) {
    const { id: rawId, createdAt } = JSON.parse(text) as { id: string; createdAt: string };
    const id = idOfKey(sortKey(createdAt, rawId));
    if (suspects.has(id)) {
      if (kept.has(id)) {
        report.deduplicated++;
        report.posts--;
        report.imported--;
        continue;
      }
      kept.add(id);
    }
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  await rename(scratch, file);
}

async function writeLines(file: string, lines: string[]): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Flush the finished folder to disk, then replace the dataset with two renames. */
async function swapIn(work: string, dir: string): Promise<void> {
  for (const name of ['posts.ndjson', 'accounts.ndjson', 'manifest.json']) await fsync(join(work, name));
  await fsync(work);
  const old = `${work}.old`;
  const hadOld = existsSync(dir);
  if (hadOld) await rename(dir, old);
  try {
    await rename(work, dir);
  } catch (error) {
    if (hadOld) await rename(old, dir);
    throw error;
  }
  await fsync(dirname(dir));
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { bytes: (await stat(file)).size, sha256: hash.digest('hex') };
}

/** The manifest fields an editor writes by hand, which an import keeps. */
const handWrittenFields = ['title', 'licence', 'synthetic', 'syntheticExplanation', 'limitations', 'url'] as const;
type HandWritten = Partial<Pick<Manifest, (typeof handWrittenFields)[number]>>;

async function readExisting(
  dir: string,
  display: (path: string) => string,
): Promise<{ manifest: Manifest | undefined; kept: HandWritten; accounts: z.output<typeof AccountRecordSchema>[] }> {
  const manifestPath = join(dir, 'manifest.json');
  const text = await readFile(manifestPath, 'utf8');
  const postsPath = join(dir, 'posts.ndjson');
  if (!existsSync(postsPath) || (await stat(postsPath)).size === 0) {
    // No posts yet: the manifest is the skeleton `npm run new -- dataset` wrote, with "" where the import
    // fills in the collection. Its hand-written fields are kept where they are already valid.
    const json = parseJson(text, display(manifestPath), 1);
    if (!json.ok) throw new DiagnosticError([json.diagnostic]);
    const full = ManifestSchema.safeParse(json.value);
    if (full.success) return { manifest: full.data, kept: full.data, accounts: [] };
    const raw = (typeof json.value === 'object' && json.value !== null ? json.value : {}) as Record<string, unknown>;
    const shape = ManifestSchema.innerType().shape;
    const kept: Record<string, unknown> = {};
    for (const name of handWrittenFields) {
      const field = shape[name].safeParse(raw[name]);
      if (field.success && field.data !== undefined) kept[name] = field.data;
    }
    return { manifest: undefined, kept: kept as HandWritten, accounts: [] };
  }
  const manifest = parseRecord(ManifestSchema, text, display(manifestPath), 1);
  const accountsPath = join(dir, 'accounts.ndjson');
  const accounts = [];
  if (existsSync(accountsPath)) {
    for await (const { text, line } of readLines(accountsPath, display(accountsPath), () => {})) {
      if (text.trim() === '') continue;
      accounts.push(parseRecord(AccountRecordSchema, text, display(accountsPath), line));
    }
  }
  return { manifest, kept: manifest, accounts };
}

/** A line of the dataset's posts file for the sorter: zod runs only on a post the fast check does not settle. */
function datasetLine(text: string, file: string, line: number): SortedLine {
  const json = parseJson(text, file, line);
  if (json.ok) {
    const value = json.value as Record<string, unknown>;
    const fast = fastCanonicalPost(value);
    if (fast !== undefined) return { key: sortKey(String(value.createdAt), String(value.id)), origin: 'e', json: fast };
  }
  const post = parseRecord(PostSchema, text, file, line);
  return { key: sortKey(post.createdAt, post.id), origin: 'e', json: JSON.stringify(post) };
}

/** Parse and validate one JSON record of an existing dataset file. */
function parseRecord<T>(schema: ZodType<T, ZodTypeDef, unknown>, text: string, file: string, line: number): T {
  const json = parseJson(text, file, line);
  if (!json.ok) throw new DiagnosticError([json.diagnostic]);
  const result = schema.safeParse(json.value);
  if (!result.success) {
    const found = zodDiagnostic(result.error, json.value, file, line);
    throw new DiagnosticError([{ ...found, hint: 'This file of the dataset was changed by hand: fix it, or import with --replace to write the dataset anew.' }]);
  }
  return result.data;
}

const precisionOrder = ['second', 'minute', 'hour', 'day'] as const;
function coarser(a: Provenance['precision'], b: Provenance['precision'] | undefined): Provenance['precision'] {
  return b && precisionOrder.indexOf(b) > precisionOrder.indexOf(a) ? b : a;
}

function tally(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}

function slugFromFile(file: string): string {
  return basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'dataset';
}

function usageError(message: string): DiagnosticError {
  return new DiagnosticError([diagnostic({ file: '', ruleId: 'import/usage', message })]);
}
