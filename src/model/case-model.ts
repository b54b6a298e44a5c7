/**
 * The ReportModel of a case, read from its datasets, aggregated once and cached on disk by a hash of
 * every input, so a rebuild with unchanged data reads one JSON file instead of every post.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, resolve } from 'node:path';
import type { FigureQuery } from '../aggregate/figure-query.ts';
import type { AggregateInput, DossierRef } from '../aggregate/input.ts';
import type { ReportModel } from '../aggregate/model.ts';
import { withIdRecords } from '../aggregate/id-record.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { PostsSource } from '../engines/duckdb.ts';
import { codeHash } from './code-hash.ts';
import type { Account, Aggregation, Case, Manifest } from '../schema/index.ts';

// What computes a model (the aggregator, the post reader, the engines and their packages: DuckDB, graphology)
// is imported when a model is not in the cache, so a check or build with unchanged data never loads it
// (scripts/cli.mjs makes each such import a chunk of its own). The code hash follows these imports too.

/**
 * The code that makes a model: this module and everything it imports (ingest, aggregate, schema,
 * diagnostics), or the bundle chunks that hold them in a built site. Part of the cache key, so a code
 * change is never served a model cached by the code before it.
 */
const MODEL_CODE = import.meta.url;

export interface CaseModelArgs {
  /** Project root; file paths in diagnostics are relative to it. */
  root: string;
  caseId: string;
  caseData: Case;
  /** Account dossiers as content collection entries (`id` is `<platform>/<handle>`). */
  dossiers: { id: string; data: Pick<Account, 'platform' | 'handle' | 'platformId' | 'status' | 'subject'> }[];
  datasets: { id: string; dir: string; manifest: Manifest }[];
  wantedPostIds: string[];
  figureQueries: FigureQuery[];
  /** Defaults to `<root>/.casefile/cache`. */
  cacheDir?: string;
  /** The account a `clickhouse` case reads with: the command takes it from CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD. */
  clickhouse?: { user?: string; password?: string };
}

export interface CaseModelResult {
  /** Null when a posts file has errors: a bad input never publishes. */
  model: ReportModel | null;
  diagnostics: Diagnostic[];
  /** Where a warehouse counted the posts (the server, table, rows and content hash), for the methodology page. */
  engine?: ClickHouseProvenance;
}

const memo = new Map<string, Promise<CaseModelResult>>();

/** Loads the model of one case; repeated calls with the same inputs in one process share one load. */
export function loadCaseModel(args: CaseModelArgs): Promise<CaseModelResult> {
  const input = aggregateInput(args);
  const key = cacheKey(args, input);
  // The same inputs under another root (a test project, a staging copy) are another load.
  const memoKey = JSON.stringify([key, args.root, args.cacheDir, args.datasets.map((d) => d.dir)]);
  let result = memo.get(memoKey);
  if (result === undefined) {
    result = load(args, input, key);
    memo.set(memoKey, result);
  }
  return result;
}

export function aggregateInput(args: CaseModelArgs): AggregateInput {
  const { caseData } = args;
  const dossiers = args.dossiers.map((d): DossierRef => {
    const ref: DossierRef = { id: d.id, platform: d.data.platform, handle: d.data.handle };
    if (d.data.platformId !== undefined) ref.platformId = d.data.platformId;
    const latest = d.data.status[d.data.status.length - 1];
    if (latest !== undefined) ref.status = latest.status;
    if (d.data.subject === 'private') ref.private = true;
    return ref;
  });
  return {
    caseId: args.caseId,
    timeZone: caseData.timeZone,
    period: { from: caseData.period.from, to: caseData.period.to },
    hashtags: caseData.hashtags.map((h) => ({ tag: h.tag, aliases: h.aliases })),
    dossiers: dossiers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    wantedPostIds: [...new Set(args.wantedPostIds)].sort(),
    topAccounts: caseData.topAccounts,
    figureQueries: args.figureQueries,
    ...(caseData.coordination ? { coordination: caseData.coordination } : {}),
  };
}

/** sha256 of everything the model depends on: the code, file hashes, case settings, dossiers, questions. */
export function cacheKey(args: CaseModelArgs, input: AggregateInput, code = codeHash(MODEL_CODE)): string {
  const files = args.datasets.map((d) => ({
    id: d.id,
    files: d.manifest.files.filter((f) => f.role === 'posts' || f.role === 'columnar').map((f) => [f.path, f.format, f.sha256]),
  }));
  return createHash('sha256')
    .update(JSON.stringify({ code, files, input, aggregation: args.caseData.aggregation ?? { engine: 'inprocess' } }))
    .digest('hex')
    .slice(0, 20);
}

async function load(args: CaseModelArgs, input: AggregateInput, key: string): Promise<CaseModelResult> {
  const cacheDir = args.cacheDir ?? join(args.root, '.casefile', 'cache');
  const cacheFile = join(cacheDir, `${args.caseId}-${key}.json`);
  // The warnings reading gave (text shown altered) are kept beside the model: a cached run reports them too.
  const warningsFile = join(cacheDir, `${args.caseId}-${key}.warnings.json`);
  try {
    const model = withIdRecords(JSON.parse(await readFile(cacheFile, 'utf8')) as ReportModel);
    const warnings = JSON.parse(await readFile(warningsFile, 'utf8').catch(() => '[]')) as Diagnostic[];
    return { model, diagnostics: warnings };
  } catch {
    // No cached model for these inputs: aggregate.
  }
  const aggregation = args.caseData.aggregation;
  // A warehouse table may change between runs without a file of the project changing: never cached.
  if (aggregation?.engine === 'clickhouse') return withClickhouse(args, input, aggregation);
  const result = aggregation?.engine === 'duckdb' ? await withDuckdb(args, input, aggregation.memoryLimit) : await inProcess(args, input);
  if (result.model === null) return result;
  const { model, diagnostics } = result;
  await mkdir(cacheDir, { recursive: true });

  // Older models of this case are stale by construction: only the current key may stay.
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith(`${args.caseId}-`) && name.endsWith('.json') && /^[0-9a-f]{20}(\.warnings)?\.json$/.test(name.slice(args.caseId.length + 1))) {
      await rm(join(cacheDir, name), { force: true });
    }
  }
  if (diagnostics.length > 0) await writeFile(warningsFile, JSON.stringify(diagnostics));
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(model));
  await rename(temporary, cacheFile);
  return { model, diagnostics };
}

/** The posts files of a case, as the case reads them: datasets in its order, files in their manifest's. */
function postsFiles(args: CaseModelArgs): { dataset: string; path: string; file: string; format: 'ndjson' | 'json' | 'csv'; columnar?: string }[] {
  const at = (dir: string, p: string) => {
    const path = resolve(dir, p);
    return { path, file: relative(args.root, path).split('\\').join(posix.sep) };
  };
  return args.datasets.flatMap((dataset) =>
    dataset.manifest.files.flatMap((f) => {
      if (f.role !== 'posts' || f.format === 'parquet') return [];
      // A Parquet copy stands in for the file only when it was made from these very bytes.
      const copy = dataset.manifest.files.find((c) => c.role === 'columnar' && c.source?.path === f.path && c.source.sha256 === f.sha256);
      return [{ dataset: dataset.id, ...at(dataset.dir, f.path), format: f.format, ...(copy ? { columnar: at(dataset.dir, copy.path).path } : {}) }];
    }),
  );
}

/** Every post read and validated by Casefile, aggregated as it is read. */
async function inProcess(args: CaseModelArgs, input: AggregateInput): Promise<CaseModelResult> {
  const [{ createAggregator }, { readPosts }] = await Promise.all([import('../aggregate/aggregate-case.ts'), import('../ingest/read-posts.ts')]);
  const aggregator = createAggregator(input);
  const diagnostics: Diagnostic[] = [];
  for (const { dataset, path, file, format } of postsFiles(args)) {
    const result = await readPosts({ path, file, dataset, format, onRawPost: aggregator.rawSink(dataset, file), onEstimate: aggregator.expect });
    diagnostics.push(...result.diagnostics);
  }
  for (const d of aggregator.duplicates) {
    const first = d.first.file ?? d.first.dataset;
    diagnostics.push(
      diagnostic({
        file: d.post.file ?? d.post.dataset,
        start: { line: d.post.line, column: 1 },
        ruleId: 'post/duplicate-id',
        message: `Unexpected duplicate post id \`${d.post.id}\`, expected each id once (first at ${first}:${d.first.line}).`,
        actual: d.post.id,
        hint: 'Remove the repeated post, or fix the importer that wrote it twice.',
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { model: null, diagnostics };
  return { model: aggregator.finish(), diagnostics };
}

/**
 * The model computed by DuckDB. Casefile still validates every post first, streaming, holding none
 * (the same diagnostics as in process); DuckDB then reads the files itself and counts out of core.
 */
async function withDuckdb(args: CaseModelArgs, input: AggregateInput, memoryLimit: string | undefined): Promise<CaseModelResult> {
  const [{ duckdbModel }, { readPosts }] = await Promise.all([import('../engines/duckdb-model.ts'), import('../ingest/read-posts.ts')]);
  const sources: PostsSource[] = [];
  const checked: ReturnType<typeof postsFiles> = [];
  for (const posts of postsFiles(args)) {
    const { dataset, path, file, format, columnar } = posts;
    // A Parquet copy was made from posts Casefile validated, and both files are pinned by hash: read it as it is.
    if (columnar !== undefined) sources.push({ dataset, file, path: columnar, format: 'parquet' });
    else {
      checked.push(posts);
      if (format === 'ndjson') sources.push({ dataset, file, path, format });
    }
  }
  // Every other posts file checked as in process (streaming, holding none) while DuckDB reads the NDJSON
  // ones; a file in another format is reported after its own diagnostics, and stops the run.
  const validation = (async () => {
    const found: Diagnostic[] = [];
    for (const { dataset, path, file, format } of checked) {
      found.push(...(await readPosts({ path, file, dataset, format, onRawPost: () => {} })).diagnostics);
      if (format !== 'ndjson')
        found.push(
          diagnostic({
            file,
            ruleId: 'engine/format',
            message: `Unexpected format \`${format}\` for a posts file read by DuckDB, expected \`ndjson\`.`,
            actual: format,
            expected: 'ndjson',
            hint: 'Convert the dataset with `npm run import`, or leave `aggregation:` out to aggregate in process.',
          }),
        );
    }
    return found;
  })();
  const origin = posix.join('content', 'cases', args.caseId, 'index.md');
  return duckdbModel(input, sources, origin, { validation, ...(memoryLimit === undefined ? {} : { memoryLimit }) });
}

/**
 * The model computed by a ClickHouse server from a posts table it holds: Casefile reads no post, validates
 * every table the server returns (the contract) and assembles the model as for any engine.
 */
async function withClickhouse(args: CaseModelArgs, input: AggregateInput, aggregation: Extract<Aggregation, { engine: 'clickhouse' }>): Promise<CaseModelResult> {
  const origin = posix.join('content', 'cases', args.caseId, 'index.md');
  const target = { url: aggregation.url, table: aggregation.table, timeout: aggregation.timeout * 1000, ...args.clickhouse };
  const [{ ClickHouseError, redact }, { clickhouseModel }] = await Promise.all([import('../engines/clickhouse/client.ts'), import('../engines/clickhouse/model.ts')]);
  try {
    const result = await clickhouseModel(input, target, args.datasets.map((d) => d.id), origin);
    return { model: result.model, diagnostics: result.diagnostics, engine: result.provenance };
  } catch (error) {
    if (!(error instanceof ClickHouseError)) throw error;
    // 192, 193 and (since 20.x) 516 are ClickHouse's unknown user or wrong password, 60 an unknown table, 16 and 47 a missing column.
    const hint =
      error.code === 192 || error.code === 193 || error.code === 516 ? 'Set CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD to an account of the server that may read the table.'
      : error.code === 60 ? 'Check `aggregation.table`: the posts table, `table` or `database.table`, as the server names it.'
      : error.code === 16 || error.code === 47 ? 'The posts table needs the columns docs/model.md lists (docs/scale.md shows a view that renames a table\'s own).'
      : 'Check that the server answers at `aggregation.url` (its HTTP interface, port 8123 or 8443 by default).';
    const d = diagnostic({
      file: origin,
      ruleId: 'engine/clickhouse',
      message: `Unexpected answer from ClickHouse at ${redact(target.url)} (${error.message.split('\n')[0]!.slice(0, 300)}), expected the contract's tables.`,
      expected: 'the contract\'s tables (docs/model.md)',
      hint,
    });
    return { model: null, diagnostics: [d] };
  }
}
