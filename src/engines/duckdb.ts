/**
 * DuckDB, embedded: the posts table read straight from a case's NDJSON files (or the Parquet files a
 * dataset carries beside them) and the contract's SQL run over it, out of core: DuckDB spills what does
 * not fit in memory to a temporary directory, so the posts are never held in this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIGINT, DuckDBInstance, INTEGER, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { ColumnType, Row, SqlEngine } from './engine.ts';

/** One posts file of a dataset, as the case reads it. */
export interface PostsSource {
  dataset: string;
  /** Repo-relative path: the `file` column, and what diagnostics name. */
  file: string;
  /** Absolute path DuckDB reads. */
  path: string;
  format: 'ndjson' | 'parquet';
}

const TYPES: Record<ColumnType, DuckDBType> = { BIGINT, INTEGER, VARCHAR };

export async function duckdbEngine(options: { memoryLimit?: string; threads?: number } = {}): Promise<SqlEngine & { connection: DuckDBConnection }> {
  const spill = mkdtempSync(join(tmpdir(), 'casefile-duckdb-'));
  const config: Record<string, string> = { temp_directory: spill };
  if (options.memoryLimit !== undefined) config['memory_limit'] = options.memoryLimit;
  if (options.threads !== undefined) config['threads'] = String(options.threads);
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return {
    dialect: 'duckdb',
    connection,
    async load(table, columns, rows) {
      // Column lists bound as whole lists and unnested side by side: one statement, any number of rows.
      const values: Record<string, DuckDBValue> = {};
      const types: Record<string, DuckDBType> = {};
      const select = columns.map(([name, type], k) => {
        values[`c${k}`] = listValue(rows.map((r) => toDuckdb(r[name], type)));
        types[`c${k}`] = LIST(TYPES[type]);
        return `CAST(unnest($c${k}) AS ${type}) AS ${name}`;
      });
      await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${select.join(', ')}`, values, types);
      if (rows.length === 0) await connection.run(`DELETE FROM ${table}`);
    },
    async execute(sql) {
      await connection.run(materialised(sql));
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => fromDuckdb(row) as Row);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/**
 * The shared views of prelude.sql are read by many queries, and DuckDB evaluates a view again at each:
 * it keeps them as tables instead, computed once (the figures' view, whose parameters change, stays a view).
 */
const MATERIALISED = /^CREATE OR REPLACE TEMP VIEW (post_local|post_tags|post_roots|amplifications|cascade_sizes|kept_cascades|content_keys) AS/;

function materialised(sql: string): string {
  return sql.replace(MATERIALISED, 'CREATE OR REPLACE TEMP TABLE $1 AS');
}

/** Creates the `posts` table (contract.ts PostRow) from the case's files, each path and name bound. */
export async function loadPosts(connection: DuckDBConnection, sources: readonly PostsSource[]): Promise<void> {
  const values: Record<string, DuckDBValue> = {};
  const parts = sources.map((s, k) => {
    values[`path${k}`] = s.path;
    if (s.format === 'parquet') return parquetSelect(k);
    values[`dataset${k}`] = s.dataset;
    values[`file${k}`] = s.file;
    return ndjsonSelect(k);
  });
  const body = parts.length > 0 ? parts.join('\nUNION ALL\n') : `SELECT * FROM (${ndjsonColumns('NULL', 'NULL', 'NULL', '0')}) WHERE false`;
  await connection.run(`CREATE OR REPLACE TEMP TABLE posts AS ${body}`, values);
}

/** A Parquet file written by `npm run data -- parquet` holds the posts table's columns as they are, the NDJSON file it came from included. */
function parquetSelect(k: number): string {
  return `SELECT id, platform, author_id, handle, name, time_ms, precision, kind, ref_id, ref_author_id, text, lang, hashtags, media_hashes, urls, url, availability, archives, dataset, file, line FROM read_parquet($path${k})`;
}

/** An NDJSON posts file (docs/posts.md), flattened; the line is the record's place in the file. */
function ndjsonSelect(k: number): string {
  const read = `read_json($path${k}, format = 'newline_delimited', columns = {
    id: 'VARCHAR', platform: 'VARCHAR', author: 'STRUCT(id VARCHAR, handle VARCHAR, name VARCHAR)', createdAt: 'VARCHAR',
    precision: 'VARCHAR', kind: 'VARCHAR', ref: 'STRUCT(id VARCHAR, authorId VARCHAR)', text: 'VARCHAR', lang: 'VARCHAR', hashtags: 'VARCHAR[]',
    media: 'STRUCT(sha256 VARCHAR)[]', urls: 'VARCHAR[]', url: 'VARCHAR', availability: 'STRUCT(status VARCHAR)', archives: 'JSON'
  }) WITH ORDINALITY`;
  return `SELECT * FROM (${ndjsonColumns(`$dataset${k}`, `$file${k}`, 'ordinality', read)})`;
}

function ndjsonColumns(dataset: string, file: string, line: string, from: string): string {
  return `SELECT
    id, platform, author.id AS author_id, author.handle AS handle, author.name AS name,
    epoch_ms(CAST("createdAt" AS TIMESTAMPTZ)) AS time_ms, coalesce(precision, 'second') AS precision, kind,
    ref.id AS ref_id, ref."authorId" AS ref_author_id, text, lang,
    coalesce(hashtags, []::VARCHAR[]) AS hashtags,
    coalesce(list_filter(list_transform(media, m -> m.sha256), h -> h IS NOT NULL), []::VARCHAR[]) AS media_hashes,
    coalesce(urls, []::VARCHAR[]) AS urls, url, availability.status AS availability,
    coalesce(CAST(archives AS VARCHAR), '[]') AS archives,
    ${dataset} AS dataset, ${file} AS file, CAST(${line} AS INTEGER) AS line
  FROM ${from}`;
}

function toDuckdb(value: unknown, type: ColumnType): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (type === 'BIGINT') return BigInt(value as number);
  if (type === 'INTEGER') return value as number;
  return String(value);
}

/** BIGINT and HUGEINT come back as bigint: every count and time in the contract fits a double exactly. */
function fromDuckdb(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromDuckdb);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromDuckdb(v)]));
  return value;
}
