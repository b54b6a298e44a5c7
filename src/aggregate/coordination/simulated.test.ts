/**
 * Detection against data whose truth is known: a port of CooRTweet's `simulate_data` (planted pairs,
 * exact ground truth) and a seeded synthetic case with planted groups, background noise and an
 * organic viral burst.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinationSchema } from '../../schema/index.ts';
import { seededRandom } from '../seeded-random.ts';
import type { CoordinationPost } from './actions.ts';
import { analyseCoordination } from './analyse.ts';
import { syntheticCase } from './synthetic.test-fixture.ts';

const T0 = Date.UTC(2024, 4, 13);

function poisson(rnd: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rnd(); p > limit; p *= rnd()) k++;
  return k;
}

/**
 * CooRTweet's simulator: every pair of coordinated accounts shares Poisson(λ) + minParticipation
 * objects, B within [0, W] s of A, each event 2W + 1 s after the last so events never meet; pairs of
 * other accounts share Poisson(λ') objects more than W apart. Returns the posts and the true ties
 * under our semantics (distinct objects shared within W, at least minParticipation).
 */
function simulate(seed: number, coord: number, noncoord: number, objects: number, minParticipation: number, window: number) {
  const rnd = seededRandom(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const posts: CoordinationPost[] = [];
  const truth = new Set<string>();
  const account = (k: number): string => `account_${String(k).padStart(3, '0')}`;
  const share = (acc: string, object: number, t: number): void => {
    posts.push({ id: `share_${posts.length}`, accountId: acc, time: T0 + t * 1000, kind: 'repost', refId: `object_${object}`, text: '', urls: [], hashtags: [] });
  };
  let t = 0;
  for (let a = 1; a <= coord; a++) {
    for (let b = a + 1; b <= coord; b++) {
      const events = poisson(rnd, 2) + minParticipation;
      const shared = new Set<number>();
      for (let e = 0; e < events; e++) {
        const object = pick(objects);
        shared.add(object);
        share(account(a), object, t);
        share(account(b), object, t + pick(window + 1));
        t += 2 * window + 1;
      }
      if (shared.size >= minParticipation) truth.add(`${account(a)}-${account(b)}`);
    }
  }
  t += 4 * window;
  for (let a = coord + 1; a <= coord + noncoord; a++) {
    for (let b = a + 1; b <= coord + noncoord; b++) {
      for (let e = poisson(rnd, 0.5); e > 0; e--) {
        const object = pick(objects);
        share(account(a), object, t);
        share(account(b), object, t + window + 1 + pick(window));
        t += 4 * window + 2;
      }
    }
  }
  return { posts, truth };
}

describe("a port of CooRTweet's simulator", () => {
  it.each([
    [1, 5, 4, 5, 3, 10],
    [2, 12, 20, 40, 2, 60],
    [3, 20, 30, 100, 3, 1],
    [4, 8, 8, 6, 4, 120],
  ])('seed %i: %i coordinated and %i other accounts, %i objects, min %i, window %i s: the planted pairs exactly', (seed, coord, noncoord, objects, min, window) => {
    const { posts, truth } = simulate(seed, coord, noncoord, objects, min, window);
    const result = analyseCoordination(posts, CoordinationSchema.parse({ signals: ['repost'], window, minWeight: min, minPosts: 1, burstCap: 1000 }));
    expect(new Set(result.edges.map((e) => `${e.a}-${e.b}`))).toEqual(truth);
    expect(truth.size).toBeGreaterThan(0);
  });
});

describe('planted groups in seeded synthetic data', () => {
  const { posts, planted, viral } = syntheticCase(42);
  // Analysed for each test (a few hundred milliseconds), not once for the file: mutation testing attributes code
  // to the tests that run it, and code run once for the file belongs to none, so every test would run for it.
  let result: ReturnType<typeof analyseCoordination>;
  let found: Set<string>;
  beforeEach(() => {
    result = analyseCoordination(posts, CoordinationSchema.parse({}));
    found = new Set(result.clusters.flatMap((c) => c.accounts.map((a) => a.accountId)));
  });

  it('finds the planted accounts at the defaults: precision ≥ 0.95, recall ≥ 0.90', () => {
    const hits = [...found].filter((a) => planted.has(a)).length;
    expect(hits / found.size).toBeGreaterThanOrEqual(0.95);
    expect(hits / planted.size).toBeGreaterThanOrEqual(0.9);
    expect(result.clusters.slice(0, 3).map((c) => c.accounts.length)).toEqual([8, 8, 8]);
  });

  it('the organic viral burst forms no cluster', () => {
    expect([...found].filter((a) => viral.has(a))).toEqual([]);
  });

  it('the null model (times shifted per account) leaves no tie standing', () => {
    expect(result.nullModel).toMatchObject({ window: 60, minWeight: 3, edges: 0 });
    const atDefaults = result.sensitivity.find((r) => r.window === 60 && r.minWeight === 3)!;
    expect(atDefaults.edges).toBe(result.edges.length);
    expect(atDefaults.largestCluster).toBe(8);
  });

  it('is deterministic: the same result twice, and for the posts read in another order', () => {
    const again = analyseCoordination([...posts].reverse(), CoordinationSchema.parse({}));
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});
