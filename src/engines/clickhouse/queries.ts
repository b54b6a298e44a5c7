/**
 * ClickHouse's SQL for the contract's tables, read from `src/engines/sql/clickhouse/`: one file per table, in
 * the dialect ClickHouse has taken since 18.16 (no common table expressions, window functions or
 * recursion; a read-only account cannot create views). What the shared SQL puts in views, these files
 * name as `{{view}}`, a subquery kept once in `views/<view>.sql` and written in where it is named.
 */
import { readFileSync } from 'node:fs';

const SQL_DIR = new URL('../sql/clickhouse/', import.meta.url);
const VIEW = /\{\{([a-z_]+)\}\}/g;

/** The text of `src/engines/sql/clickhouse/<name>.sql` with every `{{view}}` written in, in brackets. */
export function clickhouseQuery(name: string): string {
  return compact(expand(read(name), [name]));
}

/**
 * Runs of white space outside string literals made one space: a query that sends external tables travels
 * in the URL, which ClickHouse 18.16 cuts at 16 KiB.
 */
export function compact(sql: string): string {
  return sql.replace(/('(?:[^'\\]|\\.)*')|\s+/g, (_, literal: string | undefined) => literal ?? ' ').trim();
}

function expand(sql: string, path: readonly string[]): string {
  return sql.replace(VIEW, (_, view: string) => {
    if (path.includes(view)) throw new Error(`Unexpected view {{${view}}} inside itself (${[...path, view].join(' > ')})`);
    return `(\n${expand(read(`views/${view}`), [...path, view])}\n)`;
  });
}

function read(name: string): string {
  // Comments go: a `;` or `{{` in one would otherwise count, and the query is sent in a URL.
  return readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n')
    .trim()
    .replace(/;$/, '');
}
