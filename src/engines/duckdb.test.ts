import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateCase } from '../aggregate/aggregate-case.ts';
import type { ReportModel } from '../aggregate/model.ts';
import { postNormaliser, type NormalisedPost } from '../ingest/normalise-post.ts';
import { readPosts } from '../ingest/read-posts.ts';
import { ModelTables } from './contract.ts';
import { duckdbModel } from './duckdb-model.ts';
import { duckdbEngine, loadPosts } from './duckdb.ts';
import { modelTables } from './project-model.ts';
import { runContract } from './run.ts';
import type { SqlEngine } from './engine.ts';
import { tableQuery } from './sql-files.ts';
import { edgeInput, edgePosts, fixtureInput, fixturePosts, T } from '../../test/fixtures/engines/inputs.ts';

const { path, file } = fixturePosts;
const source = fixturePosts;
const input = fixtureInput;

let inProcess: ReportModel;

beforeAll(async () => {
  const posts: NormalisedPost[] = [];
  await readPosts({ path, file, dataset: 'd', format: 'ndjson', normalise: postNormaliser(input.hashtags), onPost: (p) => posts.push(p) });
  inProcess = aggregateCase(posts, input);
});

describe('DuckDB, embedded, computes the model of the contract', () => {
  it('duckdbModel(input, files) equals the in-process model exactly, key order and all, across the end of DST', async () => {
    const { model, diagnostics } = await duckdbModel(input, [source], 'case.md');
    expect(diagnostics).toEqual([]);
    expect(model).toEqual(inProcess);
    expect(JSON.stringify(model)).toBe(JSON.stringify(inProcess));
    // The fixture reaches what the comparison must cover.
    expect(inProcess.timelines[T]!.hour.filter((b) => b.label === '2024-10-27T02').map((b) => b.total)).toEqual([1, 2]);
    expect(Object.keys(inProcess.privatePostIds)).toEqual(['x/six']);
    expect(inProcess.coordination!.counts).toMatchObject({ posts: 28, actions: { repost: 7, reply: 1 } });
  });

  it('duckdbModel(input, files) equals the in-process model on the edges: handles read out of order, repost chains, media twice in a post, odd whitespace, the start of DST', async () => {
    const { path: edges, file: edgeFile } = edgePosts;
    const posts: NormalisedPost[] = [];
    await readPosts({ path: edges, file: edgeFile, dataset: 'e', format: 'ndjson', normalise: postNormaliser(edgeInput.hashtags), onPost: (p) => posts.push(p) });
    const expected = aggregateCase(posts, edgeInput);
    const { model } = await duckdbModel(edgeInput, [{ dataset: 'e', file: edgeFile, path: edges, format: 'ndjson' }], 'case.md');
    expect(JSON.stringify(model)).toBe(JSON.stringify(expected));
    // What the fixture is for: b1's handle is its latest post's as read, b4's is settled by read order at one instant.
    expect(expected.accounts.find((a) => a.authorId === 'b1')).toMatchObject({ handle: 'first', name: 'First Name' });
    expect(expected.accounts.find((a) => a.authorId === 'b4')!.handle).toBe('FOUR');
    expect(expected.contentItems.map((c) => [c.match, c.posts])).toEqual([['media', 3], ['text', 3]]);
    expect(expected.cascades[0]).toMatchObject({ rootId: 'e01', size: 3 });
  });

  it('every post of the period is sent back for coordination only when the case asks for it', async () => {
    const engine = await duckdbEngine();
    const asked: string[] = [];
    const recording: SqlEngine = { ...engine, query: (sql) => (asked.push(sql), engine.query(sql)) };
    try {
      await loadPosts(engine.connection, [source]);
      const { coordination: _, ...without } = input;
      const { tables } = await runContract(recording, without, [file], 'case.md');
      expect(tables!.coordination_posts).toEqual([]);
      expect(asked.includes(tableQuery('coordination_posts'))).toBe(false);
      const { tables: withCoordination } = await runContract(recording, input, [file], 'case.md');
      expect(withCoordination!.coordination_posts).toHaveLength(28);
      expect(asked.filter((sql) => sql === tableQuery('coordination_posts'))).toHaveLength(1);
    } finally {
      await engine.close();
    }
  });

  it('the contract tables DuckDB returns are the in-process model projected into them', async () => {
    const engine = await duckdbEngine();
    try {
      await loadPosts(engine.connection, [source]);
      const { tables } = await runContract(engine, input, [file], 'case.md');
      const projected = modelTables(inProcess, input);
      expect(ModelTables.safeParse(projected).success).toBe(true);
      const { coordination_posts: _, kept_posts: __, ...expected } = projected;
      const { coordination_posts: ___, kept_posts: ____, ...actual } = tables!;
      expect(actual).toEqual(expected);
    } finally {
      await engine.close();
    }
  });
});
