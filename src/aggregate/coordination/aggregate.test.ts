/** Coordination inside aggregation: computed from the posts as read, only for a case that asks for it. */
import { describe, expect, it } from 'vitest';
import { createAggregator } from '../aggregate-case.ts';
import type { AggregateInput } from '../input.ts';
import { CoordinationSchema } from '../../schema/index.ts';

const input: AggregateInput = {
  caseId: 'demo',
  timeZone: 'UTC',
  period: { from: '2024-05-15', to: '2024-05-16' },
  hashtags: [{ tag: 'Demo', aliases: [] }],
  dossiers: [],
  wantedPostIds: [],
  topAccounts: 10,
  figureQueries: [],
};

const threePagesAt = [0, 1, 2].map((k) => Date.UTC(2024, 4, 15, 10, k * 20));

/**
 * Accounts a and b link the same pages seconds apart, page k at times[k], read as a dataset file is (the raw
 * path). By default three pages on the period's first morning.
 */
function model(coordination: boolean, times: readonly number[] = threePagesAt) {
  const aggregator = createAggregator({ ...input, ...(coordination ? { coordination: CoordinationSchema.parse({ signals: ['link'] }) } : {}) });
  const sink = aggregator.rawSink('posts', 'data/demo/posts/posts.ndjson');
  let line = 0;
  for (const [k, time] of times.entries()) {
    for (const [n, author] of ['a', 'b'].entries()) {
      const createdAt = new Date(time + n * 7000).toISOString();
      const url = `https://x.com/${author}/status/${k}`;
      const raw = { id: `${author}${k}`, platform: 'x' as const, author: { id: author }, createdAt, kind: 'post' as const, text: 'read this', url, urls: [`https://news.example/${k}?utm_source=${author}`] };
      sink({ ...raw, url, handle: null, name: undefined, authorId: author, time: Date.parse(createdAt), refId: undefined, refAuthorId: undefined, hashtags: undefined, mediaHashes: undefined }, ++line, () => raw);
    }
  }
  return aggregator.finish();
}

describe('createAggregator(input) with coordination', () => {
  it('ties accounts through the links of the posts as read', () => {
    expect(model(true).coordination?.edges.map((e) => [e.a, e.b, e.signal, e.weight, e.minDt])).toEqual([['a', 'b', 'link', 3, 7]]);
  });
  it('keeps the address of each evidence post, for the report to link', () => {
    expect(model(true).coordination?.postLinks).toEqual(Object.fromEntries(['a0', 'a1', 'a2', 'b0', 'b1', 'b2'].map((id) => [id, `https://x.com/${id[0]}/status/${id[1]}`])));
  });
  it("reads only the period's posts: from its first instant, up to but not including the instant after its last day", () => {
    const first = Date.UTC(2024, 4, 15);
    const after = Date.UTC(2024, 4, 17);
    // b links each page 7 s after a. Pages linked at the first instant and on the last evening count; one
    // that b links a second before the period, or at the first instant after it, does not.
    const edges = model(true, [first, first + 3_600_000, after - 10_000, first - 8000, after - 7000]).coordination?.edges;
    expect(edges?.map((e) => [e.a, e.b, e.weight])).toEqual([['a', 'b', 3]]);
  });
  it('ties accounts that repost, or reply to, the same posts, and names whose posts they were', () => {
    const aggregator = createAggregator({ ...input, coordination: CoordinationSchema.parse({ signals: ['repost', 'reply'] }) });
    for (const [k, time] of threePagesAt.entries()) {
      for (const [n, author] of ['a', 'b'].entries()) {
        for (const kind of ['repost', 'reply'] as const) {
          aggregator.add({
            id: `${author}-${kind}-${k}`, platform: 'x', authorId: author, handle: null, time: time + n * 5000 + (kind === 'reply' ? 600_000 : 0),
            precision: 'second', kind, refId: `${kind === 'repost' ? 'o' : 'q'}${k}`, refAuthorId: 'origin', tags: [], text: 'same words', mediaHashes: [], archives: [], dataset: 'posts', line: 1,
          });
        }
      }
    }
    const result = aggregator.finish().coordination!;
    expect(result.edges.map((e) => [e.a, e.b, e.signal, e.weight, e.minDt])).toEqual([['a', 'b', 'reply', 3, 5], ['a', 'b', 'repost', 3, 5]]);
    expect(result.clusters[0]!.items.map((i) => [i.signal, i.key, i.itemAuthorId])).toEqual([
      ['repost', 'o0', 'origin'], ['reply', 'q0', 'origin'], ['repost', 'o1', 'origin'], ['reply', 'q1', 'origin'], ['repost', 'o2', 'origin'], ['reply', 'q2', 'origin'],
    ]);
  });
  it('computes nothing for a case without a coordination: block', () => {
    expect(model(false).coordination).toBeUndefined();
  });
});
