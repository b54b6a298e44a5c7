/**
 * The SQL of the contract, read from `src/engines/sql/`: the dialect's functions, the shared views
 * (`prelude.sql`) and one file per table. Files are read where they lie, so an engineer can open and
 * run the same text by hand.
 */
import { readFileSync } from 'node:fs';
import type { TABLE_NAMES } from './contract.ts';

export type Dialect = 'duckdb' | 'clickhouse';
export type TableName = (typeof TABLE_NAMES)[number];

const SQL_DIR = new URL('./sql/', import.meta.url);

/** The text of `src/engines/sql/<name>.sql`. */
export function sqlFile(name: string): string {
  return readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');
}

/** The statements that set up every table's query: the dialect's functions, then the shared views. */
export function setupStatements(dialect: Dialect): string[] {
  return [...statements(sqlFile(`dialect/${dialect}`)), ...statements(sqlFile('prelude'))];
}

/** The query of one table. */
export function tableQuery(name: TableName | 'duplicates'): string {
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
