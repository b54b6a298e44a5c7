/**
 * The SQL of the contract, read from `src/engines/sql/`: the dialect's functions, the shared views
 * (`prelude.sql`) and one file per table. Files are read where they lie, so an engineer can open and
 * run the same text by hand.
 */
import { readFileSync } from 'node:fs';
import { clickhouseQuery } from './clickhouse/queries.ts';
import type { TABLE_NAMES } from './contract.ts';

export type Dialect = 'duckdb' | 'clickhouse';
export type TableName = (typeof TABLE_NAMES)[number];

const SQL_DIR = new URL('./sql/', import.meta.url);

/** The text of `src/engines/sql/<name>.sql`. */
export function sqlFile(name: string): string {
  return readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');
}

/**
 * The statements that set up every table's query: the dialect's functions, then the shared views. None for
 * ClickHouse: a read-only account creates nothing, and its queries write their views in (clickhouse/queries.ts).
 */
export function setupStatements(dialect: Dialect): string[] {
  if (dialect === 'clickhouse') return [];
  return [...statements(sqlFile(`dialect/${dialect}`)), ...statements(sqlFile('prelude'))];
}

/** The query of one table (or of the posts' time range, or of repeated ids), in the engine's dialect. */
export function tableQuery(name: TableName | 'duplicates' | 'range', dialect: Dialect = 'duckdb'): string {
  // ClickHouse before 21.x has no common table expressions, window functions or recursion: its own files.
  if (dialect === 'clickhouse') return clickhouseQuery(name);
  const [query, ...rest] = statements(sqlFile(name));
  if (query === undefined || rest.length > 0) throw new Error(`src/engines/sql/${name}.sql must hold exactly one statement`);
  return query;
}

/** Statements of a file: split where a line ends in `;` (no statement here holds one inside a string). */
export function statements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.replace(/^(?:\s*--[^\n]*\n|\s+)*/, '').trim())
    .filter((s) => s !== '');
}

/** The statements that set up the figure queries: the `figure_match` view, none for ClickHouse (it writes it in). */
export function figureSetup(dialect: Dialect): string[] {
  return dialect === 'clickhouse' ? [] : statements(sqlFile('figures/prelude'));
}

/** One figure query (`figures/<name>.sql`) in the engine's dialect. */
export function figureQuery(name: 'totals' | 'bins' | 'authors' | 'post', dialect: Dialect): string {
  return dialect === 'clickhouse' ? clickhouseQuery(`figures/${name}`) : statements(sqlFile(`figures/${name}`))[0]!;
}
