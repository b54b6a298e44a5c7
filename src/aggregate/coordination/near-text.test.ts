import { describe, expect, it } from 'vitest';
import { CoordinationSchema } from '../../schema/index.ts';
import type { CoordinationPost } from './actions.ts';
import { analyseCoordination } from './analyse.ts';
import { textSimilarity } from './near-text.ts';

const T0 = Date.UTC(2024, 4, 15);
const post = (id: string, accountId: string, seconds: number, text: string): CoordinationPost => ({
  id, accountId, time: T0 + seconds * 1000, kind: 'post', text, urls: [], hashtags: [],
});

describe('textSimilarity', () => {
  it('is 1 − edit distance ÷ longer length', () => {
    expect(textSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(textSimilarity('same', 'same')).toBe(1);
    // Insertions at the start, an empty side, two empty texts.
    expect(textSimilarity('ab', 'xyab')).toBe(0.5);
    expect(textSimilarity('abcd', 'ab')).toBe(0.5);
    expect(textSimilarity('', 'abcd')).toBe(0);
    expect(textSimilarity('', '')).toBe(1);
  });
});

describe('the near-text signal', () => {
  const messages = [
    'the vote of the twelfth of december was organised without consent',
    'paris decided alone and the people of the islands were not heard',
    'we call on every friend of freedom to stand with the people today',
  ];
  // b rewrites one word of each of a's messages: not the same text, nearly the same.
  const posts = messages.flatMap((m, k) => [post(`a${k}`, 'a', k * 900, m), post(`b${k}`, 'b', k * 900 + 20, m.replace('the people', 'our people'))]);

  it('ties accounts that post near-copies, which the exact text signal misses', () => {
    const near = analyseCoordination(posts, CoordinationSchema.parse({ signals: ['text', 'near-text'], minPosts: 1 }));
    expect(near.edges.map((e) => `${e.a}-${e.b} ${e.signal} ${e.weight}`)).toEqual(['a-b near-text 3']);
    expect(near.normalisation.nearText).toMatch(/^minhash/);
  });

  it('finds near-copies that differ in their first word too', () => {
    const reworded = messages.flatMap((m, k) => [post(`a${k}`, 'a', k * 900, m), post(`b${k}`, 'b', k * 900 + 20, `our ${m.slice(m.indexOf(' ') + 1)}`)]);
    const near = analyseCoordination(reworded, CoordinationSchema.parse({ signals: ['near-text'], minPosts: 1 }));
    expect(near.edges.map((e) => `${e.a}-${e.b} ${e.signal} ${e.weight}`)).toEqual(['a-b near-text 3']);
  });

  it('keeps texts below the similarity apart', () => {
    const strict = analyseCoordination(posts, CoordinationSchema.parse({ signals: ['near-text'], minPosts: 1, nearTextSimilarity: 0.99 }));
    expect(strict.edges).toEqual([]);
  });
});

describe('clusters', () => {
  it('a component larger than 60 accounts is split by Louvain, the same way every time', () => {
    const posts: CoordinationPost[] = [];
    const clique = (name: string, offset: number): void => {
      for (let item = 0; item < 3; item++) {
        for (let m = 0; m < 40; m++) {
          posts.push({ id: `${name}${item}-${m}`, accountId: `${name}${String(m).padStart(2, '0')}`, time: T0 + (offset + item * 600 + m) * 1000, kind: 'repost', refId: `${name}-item${item}`, text: '', urls: [], hashtags: [] });
        }
      }
    };
    clique('x', 0);
    clique('y', 5000);
    for (let item = 0; item < 3; item++) {
      posts.push({ id: `bx${item}`, accountId: 'x00', time: T0 + (20_000 + item * 600) * 1000, kind: 'repost', refId: `bridge${item}`, text: '', urls: [], hashtags: [] });
      posts.push({ id: `by${item}`, accountId: 'y00', time: T0 + (20_000 + item * 600 + 5) * 1000, kind: 'repost', refId: `bridge${item}`, text: '', urls: [], hashtags: [] });
    }
    const params = CoordinationSchema.parse({ signals: ['repost'], minPosts: 1, burstCap: 100 });
    const result = analyseCoordination(posts, params);
    expect(result.clusters.map((c) => c.accounts.length)).toEqual([40, 40]);
    expect(result.clusters[0]!.accounts.every((a) => a.accountId.startsWith('x'))).toBe(true);
    expect(result.sensitivity.find((r) => r.window === 60 && r.minWeight === 3)!.largestCluster).toBe(80);
    expect(JSON.stringify(analyseCoordination([...posts].reverse(), params).clusters)).toBe(JSON.stringify(result.clusters));
  });
});
