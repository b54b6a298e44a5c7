import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateCase } from '../aggregate/aggregate-case.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import type { ReportModel } from '../aggregate/model.ts';
import { postNormaliser, type NormalisedPost } from '../ingest/normalise-post.ts';
import { readPosts } from '../ingest/read-posts.ts';
import { ModelTables } from './contract.ts';
import { duckdbModel } from './duckdb-model.ts';
import { duckdbEngine, loadPosts } from './duckdb.ts';
import { modelTables } from './project-model.ts';
import { runContract } from './run.ts';

const T = 'RecognizeNewCaledonia';
const path = fileURLToPath(new URL('../../test/fixtures/aggregate/posts.ndjson', import.meta.url));
const file = 'test/fixtures/aggregate/posts.ndjson';
const source = { dataset: 'd', file, path, format: 'ndjson' as const };

/** The hand-computed fixture of aggregate-case.test.ts: a period across the end of DST in Paris, an alias, dossiers (one private), every figure measure, coordination. */
const input: AggregateInput = {
  caseId: 'fixture',
  timeZone: 'Europe/Paris',
  period: { from: '2024-10-26', to: '2024-10-27' },
  hashtags: [
    { tag: T, aliases: ['RecognizeNewCalendonia'] },
    { tag: 'Kanaky', aliases: [] },
  ],
  dossiers: [
    { id: 'x/six', platform: 'x', handle: null, platformId: 'a6', status: 'active', private: true },
    { id: 'x/user1', platform: 'x', handle: 'USER1', status: 'suspended' },
  ],
  wantedPostIds: ['p02', 'p19', 'absent'],
  topAccounts: 2,
  figureQueries: [
    { measure: 'count', hashtag: 'RecognizeNewCalendonia' },
    { measure: 'accounts', hashtag: T },
    { measure: 'peak', hashtag: T, bin: 'hour' },
    { measure: 'peak-time', hashtag: T, bin: 'hour' },
    { measure: 'peak-time', hashtag: T, bin: 'day', from: '2024-10-27', to: '2024-10-28' },
    { measure: 'share', hashtag: T, account: 'x/user1' },
    { measure: 'share', hashtag: T, top: 2 },
    { measure: 'share', hashtag: 'Nowhere' },
    { measure: 'first-time', hashtag: T },
    { measure: 'first-time', hashtag: 'Nowhere' },
    { measure: 'count', hashtag: T, kind: 'repost', from: '2024-10-27' },
    { measure: 'count', accounts: ['@user2', 'x/six', 'nobody'] },
    { measure: 'cascade-size', post: 'p02' },
    { measure: 'cascade-size', post: 'p99' },
    { measure: 'status-count', status: 'suspended', hashtag: T },
    { measure: 'status-count', status: 'active' },
  ],
  coordination: { signals: ['repost', 'text', 'link', 'reply', 'hashtags'], window: 3600, minPosts: 1, minWeight: 1, burstCap: 20, nearTextSimilarity: 0.7 },
};

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
    const edges = fileURLToPath(new URL('../../test/fixtures/engines/edges.ndjson', import.meta.url));
    const edgeFile = 'test/fixtures/engines/edges.ndjson';
    const edgeInput: AggregateInput = {
      ...input,
      timeZone: 'Europe/Berlin',
      period: { from: '2024-03-31', to: '2024-04-01' },
      hashtags: [{ tag: 'Kanaky', aliases: [] }, { tag: 'Other', aliases: [] }],
      dossiers: [],
      wantedPostIds: ['e05'],
      topAccounts: 10,
      figureQueries: [{ measure: 'peak-time', hashtag: 'Kanaky', bin: 'hour' }],
    };
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
