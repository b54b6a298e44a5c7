import { beforeEach, describe, expect, it } from 'vitest';
import { aggregateCase } from './aggregate-case.ts';
import { CASCADES_KEPT } from './cascades.ts';
import { figureKey, type FigureQuery } from './figure-query.ts';
import type { AggregateInput } from './input.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { TOP_CASCADES } from './timelines.ts';

const start = Date.UTC(2024, 4, 14);
const minute = 60_000;
let line = 0;
const post = (id: string, authorId: string, time: number, tags: string[], ref?: string): NormalisedPost => ({
  id,
  platform: 'x',
  authorId,
  handle: authorId,
  time,
  precision: 'second',
  kind: ref === undefined ? 'post' : 'repost',
  ...(ref === undefined ? {} : { refId: ref }),
  tags,
  text: id,
  mediaHashes: [],
  archives: [],
  dataset: 'd',
  line: ++line,
});

// Roots r0..r54 under the tracked tag Big, r<k> with 60 - k reposts; one small cascade under the
// tracked tag Small, one under an untracked tag, and one wanted by id. r53 is by another author.
const posts: NormalisedPost[] = [];
for (let k = 0; k < 55; k++) {
  const root = `r${k}`;
  const time = start + k * 60 * minute;
  posts.push(post(root, k === 53 ? 'other' : 'ra', time, ['Big']));
  for (let j = 0; j < 60 - k; j++) posts.push(post(`${root}-${j}`, `f${j}`, time + (j + 1) * minute, [], root));
}
posts.push(post('small', 'sb', start, ['Small']), ...[1, 2, 3].map((j) => post(`small-${j}`, `f${j}`, start + j * minute, [], 'small')));
posts.push(post('untracked', 'sb', start, ['Other']), ...[1, 2].map((j) => post(`untracked-${j}`, `f${j}`, start + j * minute, [], 'untracked')));
posts.push(post('wanted', 'sb', start, []), post('wanted-1', 'f1', start + minute, [], 'wanted'));

const sizeOf = (id: string): FigureQuery => ({ measure: 'cascade-size', post: id });
const input: AggregateInput = {
  caseId: 'cascades',
  timeZone: 'UTC',
  period: { from: '2024-05-14', to: '2024-05-20' },
  hashtags: [{ tag: 'Big', aliases: [] }, { tag: 'Small', aliases: [] }],
  dossiers: [],
  wantedPostIds: ['wanted'],
  topAccounts: 1000,
  figureQueries: [sizeOf('r0'), sizeOf('r52'), sizeOf('untracked'), sizeOf('r0-1'), sizeOf('absent')],
};

describe('cascades in the model', () => {
  // Aggregated in each test, so each test runs the code it checks (see aggregate-case.test.ts).
  let model: ReturnType<typeof aggregateCase>;
  beforeEach(() => {
    model = aggregateCase(posts, input);
  });

  it('keeps the CASCADES_KEPT largest overall and per tracked tag, and the wanted roots, largest first', () => {
    const big = Array.from({ length: CASCADES_KEPT }, (_, k) => `r${k}`);
    expect(model.cascades.map((c) => c.rootId)).toEqual([...big, 'small', 'wanted']);
    expect(model.cascades.find((c) => c.rootId === 'small')).toMatchObject({ size: 3, reposts: 3, quotes: 0, firstDelay: minute, halfTime: 2 * minute });
    expect(model.cascades[0]!.amplifiers).toHaveLength(60);
    expect(model.timelines['Big']!.topCascades).toEqual(big.slice(0, TOP_CASCADES));
    expect(model.timelines['Small']!.topCascades).toEqual(['small']);
  });

  it('keeps the same cascades, and the same top posts of an account, when the smallest roots are read first', () => {
    const reversed = aggregateCase([...posts].reverse(), input);
    expect(reversed.cascades.map((c) => c.rootId)).toEqual(model.cascades.map((c) => c.rootId));
    expect(reversed.timelines['Big']!.topCascades).toEqual(model.timelines['Big']!.topCascades);
    expect(reversed.profiles.find((p) => p.authorId === 'ra')!.topPosts.map((p) => p.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('answers cascade-size for any post, kept or not', () => {
    const value = (q: FigureQuery) => model.figures[figureKey(q)]!.value;
    expect(input.figureQueries.map(value)).toEqual([60, 8, 2, 0, 0]);
  });

  it('lists an account’s top posts from every cascade, not only the kept ones', () => {
    expect(model.profiles.find((p) => p.authorId === 'other')!.topPosts).toEqual([{ id: 'r53', reposts: 7, quotes: 0 }]);
    expect(model.profiles.find((p) => p.authorId === 'ra')!.topPosts.map((p) => p.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(model.profiles.find((p) => p.authorId === 'sb')!.topPosts.map((p) => p.id)).toEqual(['small', 'untracked', 'wanted']);
  });
});
