import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupActions, postColumns, type CoordinationPost } from './actions.ts';
import { SENSITIVITY_WINDOWS } from './analyse.ts';
import { pairCodes, weighPairs } from './pairs.ts';
import { atWindow, pairsByWindow } from './sensitivity.ts';
import { syntheticCase } from './synthetic.test-fixture.ts';

const T0 = Date.UTC(2024, 4, 15);

function repost(id: string, accountId: string, seconds: number, refId: string): CoordinationPost {
  return { id, accountId, time: T0 + seconds * 1000, kind: 'repost', refId, text: '', urls: [], hashtags: [] };
}

/** One signal's walk over `posts` (reposts by target), every account kept. */
function walkOf(posts: readonly CoordinationPost[], burstCap: number) {
  const columns = postColumns(posts);
  const actions = groupActions('repost', columns, new Uint8Array(columns.accounts.length).fill(1), (i) => [posts[i]!.refId!]);
  return { actions, account: columns.account, time: columns.time, accounts: columns.accounts.length, burstCap, names: columns.accounts };
}

/** Each window's pairs as the one pass reads them: `a-b:weight`, weight 0 left out. */
function onePass(posts: readonly CoordinationPost[], burstCap: number, windows: readonly number[]): string[][] {
  const walk = walkOf(posts, burstCap);
  const windowed = pairsByWindow(walk, windows);
  return windows.map((_, w) => {
    const { pairs, weight } = atWindow(windowed, w);
    return Array.from(pairs, (code, x) => [code, weight(x)] as const).filter(([, n]) => n > 0).map(([code, n]) => label(code, n, walk));
  });
}

/** The same from one full pairing per window (pairs.ts), the reference. */
function perWindow(posts: readonly CoordinationPost[], burstCap: number, windows: readonly number[]): string[][] {
  const walk = walkOf(posts, burstCap);
  return windows.map((window) => {
    const { pairs, weights } = weighPairs(pairCodes({ ...walk, window: window * 1000 }).codes);
    return Array.from(pairs, (code, x) => label(code, weights[x]!, walk));
  });
}

function label(code: number, weight: number, walk: { accounts: number; names: string[] }): string {
  const a = Math.floor(code / walk.accounts);
  return `${walk.names[a]}-${walk.names[code - a * walk.accounts]}:${weight}`;
}

describe('the sensitivity table in one pass', () => {
  it('refuses windows out of order or more than six, saying so', () => {
    const walk = walkOf([repost('1', 'a', 0, 'x'), repost('2', 'b', 10, 'x')], 20);
    expect(() => pairsByWindow(walk, [10, 1])).toThrow('windows: at most six, ascending');
    expect(() => pairsByWindow(walk, [1, 2, 3, 4, 5, 6, 7])).toThrow('windows: at most six, ascending');
  });

  it('counts a pair under every window that covers its gap, both ends in', () => {
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'b', 10, 'x'), repost('3', 'a', 100, 'y'), repost('4', 'b', 160, 'y')];
    expect(onePass(posts, 20, [1, 10, 60, 300])).toEqual([[], ['a-b:1'], ['a-b:2'], ['a-b:2']]);
  });

  it('leaves out a burst only under the windows at which it bursts', () => {
    // Four accounts within 5 s: a burst at a cap of 3 under 10 s and longer windows, four lone posts under 1 s.
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'b', 2, 'x'), repost('3', 'c', 4, 'x'), repost('4', 'd', 5, 'x')];
    expect(onePass(posts, 3, [1, 10, 60])).toEqual([['c-d:1'], [], []]);
    expect(onePass(posts, 3, [1, 10, 60])).toEqual(perWindow(posts, 3, [1, 10, 60]));
  });

  it('equals one pairing per window on the planted case, viral burst included', () => {
    const { posts } = syntheticCase(42);
    const reposts = posts.filter((p) => p.kind === 'repost');
    for (const cap of [5, 20]) expect(onePass(reposts, cap, SENSITIVITY_WINDOWS)).toEqual(perWindow(reposts, cap, SENSITIVITY_WINDOWS));
  });

  it('equals one pairing per window on any small data', () => {
    const arbitraryPost = fc.record({ account: fc.integer({ min: 0, max: 6 }), seconds: fc.integer({ min: 0, max: 4000 }), key: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(arbitraryPost, { maxLength: 60 }), fc.integer({ min: 2, max: 5 }), (list, cap) => {
        const posts = list.map((p, i) => repost(`p${i}`, `a${p.account}`, p.seconds, `k${p.key}`));
        expect(onePass(posts, cap, SENSITIVITY_WINDOWS)).toEqual(perWindow(posts, cap, SENSITIVITY_WINDOWS));
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
