/** What Casefile asks of an SQL engine: parameter tables loaded by binding, the shared SQL run, rows read back. */
import type { Dialect } from './sql-files.ts';

export type ColumnType = 'BIGINT' | 'INTEGER' | 'VARCHAR';
export type Row = Record<string, unknown>;

export interface SqlEngine {
  readonly dialect: Dialect;
  /** Creates (or replaces) a session table and fills it with `rows`, every value bound, never spliced into SQL text. */
  load(table: string, columns: readonly (readonly [name: string, type: ColumnType])[], rows: readonly Row[]): Promise<void>;
  /** Runs a statement that returns nothing (the dialect's functions, the shared views). */
  execute(sql: string): Promise<void>;
  /** Work an engine does once the parameter tables are loaded and before the tables are read (ClickHouse walks repost chains, hops.ts). */
  prepare?(): Promise<void>;
  /** Runs a query; integers come back as JavaScript numbers, lists as arrays. */
  query(sql: string): Promise<Row[]>;
  /** A table's rows once read, which a later table's query may read instead of counting them again (ClickHouse's content_posters reads content_items). */
  answered?(table: string, rows: readonly Row[]): void;
  close(): Promise<void>;
}

/** Columns of each parameter table, in contract.ts order. */
export const PARAMETER_COLUMNS: Record<string, readonly (readonly [string, ColumnType])[]> = {
  case_settings: [
    ['period_start', 'BIGINT'],
    ['period_end', 'BIGINT'],
    ['top_accounts', 'INTEGER'],
    ['profile_list', 'INTEGER'],
    ['profile_top_posts', 'INTEGER'],
    ['sparse_posts', 'INTEGER'],
    ['cascades_kept', 'INTEGER'],
  ],
  case_zone: [
    ['from_ms', 'BIGINT'],
    ['to_ms', 'BIGINT'],
    ['offset_ms', 'BIGINT'],
  ],
  case_bins: [
    ['bin', 'VARCHAR'],
    ['start_ms', 'BIGINT'],
    ['end_ms', 'BIGINT'],
  ],
  case_tags: [
    ['tag', 'VARCHAR'],
    ['position', 'INTEGER'],
  ],
  case_aliases: [
    ['folded', 'VARCHAR'],
    ['tag', 'VARCHAR'],
  ],
  case_files: [
    ['file', 'VARCHAR'],
    ['position', 'INTEGER'],
  ],
  case_wanted: [['id', 'VARCHAR']],
  case_paged: [['author_id', 'VARCHAR']],
  case_private: [
    ['author_id', 'VARCHAR'],
    ['dossier_id', 'VARCHAR'],
  ],
  figure_query: [
    ['tag', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['from_ms', 'BIGINT'],
    ['to_ms', 'BIGINT'],
    ['filter_authors', 'INTEGER'],
    ['post', 'VARCHAR'],
  ],
  figure_authors: [['author_id', 'VARCHAR']],
  figure_bins: [
    ['start_ms', 'BIGINT'],
    ['end_ms', 'BIGINT'],
  ],
};
