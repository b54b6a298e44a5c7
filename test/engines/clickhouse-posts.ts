/**
 * The contract's posts table (docs/model.md) in a ClickHouse cluster: a MergeTree table on each shard and a
 * `Distributed` table over them, filled with posts flattened by DuckDB's reader (the same rows the DuckDB
 * engine counts), spread over the shards by a hash of the id.
 */
import { CLUSTER, type ClickHouseCluster } from './clickhouse-cluster.ts';
import { duckdbEngine, loadPosts, type PostsSource } from '../../src/engines/duckdb.ts';

/** The posts table's columns as a researcher's ClickHouse table holds them (docs/scale.md shows the same). */
export const POSTS_COLUMNS = `
  id String, platform String, author_id String, handle Nullable(String), name Nullable(String), time_ms Int64,
  precision String, kind String, ref_id Nullable(String), ref_author_id Nullable(String), text String, lang Nullable(String),
  hashtags Array(String), media_hashes Array(String), urls Array(String), url Nullable(String),
  availability Nullable(String), archives String, dataset String, file String, line UInt32`;

/** Creates `<name>_local` and `<name>` (Distributed over both) on both shards; returns the row count of each shard. */
export async function createPostsTable(cluster: ClickHouseCluster, name: string, sources: readonly PostsSource[]): Promise<number[]> {
  for (const shard of [0, 1]) {
    await cluster.query(`CREATE TABLE ${name}_local (${POSTS_COLUMNS}) ENGINE = MergeTree() ORDER BY id`, shard);
  }
  for (const shard of [0, 1]) {
    await cluster.query(`CREATE TABLE ${name} AS ${name}_local ENGINE = Distributed(${CLUSTER}, default, ${name}_local, cityHash64(id))`, shard);
  }
  const rows = await postRows(sources);
  // Written through the Distributed table, synchronously, so both shards hold their part when this returns.
  const url = new URL(cluster.shards[0].url);
  url.searchParams.set('insert_distributed_sync', '1');
  url.searchParams.set('query', `INSERT INTO ${name} FORMAT JSONEachRow`);
  const response = await fetch(url, { method: 'POST', body: rows.map((r) => JSON.stringify(r)).join('\n') });
  if (!response.ok) throw new Error(`Unexpected ClickHouse answer to the insert: ${await response.text()}`);
  return Promise.all([0, 1].map(async (shard) => Number((await cluster.query(`SELECT count() FROM ${name}_local`, shard)).trim())));
}

async function postRows(sources: readonly PostsSource[]): Promise<Record<string, unknown>[]> {
  const engine = await duckdbEngine({ threads: 1 });
  try {
    await loadPosts(engine.connection, sources);
    return await engine.query('SELECT * FROM posts ORDER BY file, line');
  } finally {
    await engine.close();
  }
}
