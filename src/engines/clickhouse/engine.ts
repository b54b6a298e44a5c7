/**
 * ClickHouse as an SQL engine of the contract: the posts table is one the researcher already has (any
 * engine, a `Distributed` table over shards included), read-only access is enough. The case's parameter
 * tables travel with each query as external data, the `case_settings` row as query parameters, and the
 * queries are ClickHouse's own (`src/engines/sql/clickhouse/`).
 */
import { clickhouseClient, redact, type ClickHouseClient, type ExternalTable, type QueryResult } from './client.ts';
import { hopEnds } from './hops.ts';
import type { Parameters } from './parameters.ts';
import { clickhouseQuery } from './queries.ts';
import type { ColumnType, Row, SqlEngine } from '../engine.ts';

const TYPES: Record<ColumnType, string> = { BIGINT: 'Int64', INTEGER: 'Int32', VARCHAR: 'String' };

/** case_kept's columns, as kept_cascades.sql answers them. */
const KEPT_COLUMNS: ExternalTable['columns'] = [
  ['root_id', 'String'],
  ['root_author_id', 'String'],
  ['root_time_ms', 'Int64'],
  ['size', 'UInt64'],
  ['reposts', 'UInt64'],
  ['tags', 'Array(String)'],
  ['positions', 'Array(UInt64)'],
];

export interface ClickHouseTarget {
  /** The server's HTTP interface, e.g. `http://warehouse.example.org:8123/`. */
  url: string;
  /** The posts table, `table` or `database.table`. */
  table: string;
  user?: string;
  password?: string;
  /** Milliseconds one query may take (default ten minutes). */
  timeout?: number;
}

/** What the methodology page and the manifest say about where the posts were counted. */
export interface ClickHouseProvenance {
  engine: 'clickhouse';
  /** The server's address, without credentials. */
  url: string;
  table: string;
  version: string;
  rows: number;
  /** Computed by the server over every row of the table (`provenance.sql`), as `cityhash64-sum:<16 hex digits>`. */
  contentHash: string;
  /** The query that computed the hash, as sent (the table name written in). */
  query: string;
}

export interface ClickHouseEngine extends SqlEngine {
  readonly client: ClickHouseClient;
  provenance(): Promise<ClickHouseProvenance>;
  /** Rows the server read to answer every query so far. */
  readonly rowsRead: number;
}

export function clickhouseEngine(target: ClickHouseTarget, options: { fetch?: typeof fetch } = {}): ClickHouseEngine {
  const client = clickhouseClient({ ...target, ...options });
  const tables = new Map<string, ExternalTable>();
  let settings: Parameters = {};
  let rowsRead = 0;

  const run = async (sql: string): Promise<QueryResult> => {
    // Only the parameter tables a query names travel with it: each one lengthens the URL.
    const used = Object.fromEntries([...tables].filter(([name]) => new RegExp(`\\b${name}\\b`).test(sql)));
    const result = await client.query(sql, { parameters: { ...settings, posts: target.table }, tables: used });
    rowsRead += result.rowsRead;
    return result;
  };

  return {
    dialect: 'clickhouse',
    client,
    get rowsRead() {
      return rowsRead;
    },
    async load(table, columns, rows) {
      // A column that holds a NULL (a figure without a tag) is sent as Nullable; the others stay plain, as the queries compare them.
      const typed = columns.map(([name, type]) => [name, rows.some((r) => r[name] === null) ? `Nullable(${TYPES[type]})` : TYPES[type]] as const);
      tables.set(table, { columns: typed, rows });
      if (table === 'case_settings') settings = { ...(rows[0] as Parameters | undefined) };
    },
    async execute(sql) {
      await run(sql);
    },
    async prepare() {
      // ClickHouse 18.16 has no recursive queries: the walk from a repost to its original is done here (hops.ts).
      const links = (await run(clickhouseQuery('hops'))).rows as { id: string; ref_id: string }[];
      tables.set('case_hops', { columns: [['id', 'String'], ['end_id', 'String']], rows: hopEnds(links) });
      // The kept cascades, counted once: the three cascade tables read them back instead of joining every
      // repost with its root again (kept_cascades.sql). At most 50 roots per tracked tag and overall, and the wanted ones.
      tables.set('case_kept', { columns: KEPT_COLUMNS, rows: (await run(clickhouseQuery('kept_cascades'))).rows });
    },
    answered(table, rows) {
      if (table !== 'content_items') return;
      tables.set('case_content_items', { columns: [['key', 'String'], ['first_ms', 'Int64']], rows: rows.map((r) => ({ key: r['key'], first_ms: r['first_ms'] })) });
    },
    async query(sql) {
      return (await run(sql)).rows as Row[];
    },
    async close() {},
    async provenance() {
      const { version } = await client.server();
      const query = clickhouseQuery('provenance');
      const [row] = await this.query(query);
      return {
        engine: 'clickhouse',
        url: redact(target.url),
        table: target.table,
        version,
        rows: Number(row!['rows']),
        contentHash: `cityhash64-sum:${BigInt(String(row!['content_hash'])).toString(16).padStart(16, '0')}`,
        query: query.replace('{posts:Identifier}', target.table),
      };
    },
  };
}
