/**
 * The sensitivity table from one walk per signal: every window (1 s to 1 h) and every minimum weight
 * at once, instead of one full pairing per window.
 *
 * A pair of posts p, q on one key, of different accounts, `gap` apart, counts under window W exactly
 * when gap ≤ W and neither post is in a burst at W. Bursts only grow with the window (a longer window
 * holds at least the accounts of a shorter one), so each post has a first window at which it bursts,
 * and the windows a pair counts under are a run of the sorted windows: from the first that covers its
 * gap to the last before either post bursts. Each pair of accounts gets, per key, a bit mask of the
 * windows under which it shares the key, packed with its code as code · 64 + mask into a Float64Array
 * and sorted: a pair's entries are then adjacent, and its weight under window w is the number of its
 * entries with bit w set. Pairs are counted by sorting packed codes, as in pairs.ts, never in a Map.
 */
import { grown } from '../id-keys.ts';
import type { WindowWalk } from './pairs.ts';

/** Bits of the window mask: at most six windows, so a code times 64 stays an exact integer below 2⁵³. */
const MASK_BITS = 6;
const MASK = 1 << MASK_BITS;

/**
 * One signal's pairs under every window: the distinct pair codes that share a key under at least one
 * window, with their weight under each. Windows are in seconds, ascending, at most six.
 */
export function pairsByWindow(walk: Omit<WindowWalk, 'window'>, windows: readonly number[]): WindowedPairs {
  if (windows.length > MASK_BITS || windows.some((w, k) => k > 0 && w <= windows[k - 1]!)) throw new Error('windows: at most six, ascending');
  if (walk.accounts * walk.accounts * MASK > Number.MAX_SAFE_INTEGER) throw new Error('too many accounts to pack a pair with its windows');
  const ms = windows.map((w) => w * 1000);
  const last = windows.length;
  const { actions, account, time, burstCap, accounts } = walk;
  const { start, post } = actions;
  const inWindow = new Int32Array(accounts);
  // Per position of the key being walked: the first window index at which the post bursts (`last`: never).
  let burstsAt = new Uint8Array(64);
  let codes = new Float64Array(1024);
  let n = 0;
  let local: number[] = [];

  for (let k = 0; k + 1 < start.length; k++) {
    const s = start[k]!;
    const e = start[k + 1]!;
    if (e - s < 2) continue;
    if (burstsAt.length < e - s) burstsAt = new Uint8Array(2 * (e - s));
    burstsAt.fill(last, 0, e - s);
    // The same two pointers as walkWindows, once per window, only for keys with more posts than the cap.
    if (e - s > burstCap) {
      for (let w = 0; w < last; w++) {
        let hi = s;
        let distinct = 0;
        for (let p = s; p < e; p++) {
          while (hi < e && time[post[hi]!]! - time[post[p]!]! <= ms[w]!) if (inWindow[account[post[hi++]!]!]!++ === 0) distinct++;
          if (distinct > burstCap) for (let x = p - s; x < hi - s; x++) if (burstsAt[x]! > w) burstsAt[x] = w;
          if (--inWindow[account[post[p]!]!]! === 0) distinct--;
        }
      }
    }
    for (let p = s; p < e; p++) {
      const until = burstsAt[p - s]!;
      if (until === 0) continue;
      const tp = time[post[p]!]!;
      const ap = account[post[p]!]!;
      // Beyond the last window at which p is still outside a burst, no pair with p counts.
      const reach = ms[until - 1]!;
      for (let q = p + 1; q < e; q++) {
        const gap = time[post[q]!]! - tp;
        if (gap > reach) break;
        const aq = account[post[q]!]!;
        if (aq === ap) continue;
        const to = Math.min(until, burstsAt[q - s]!);
        let from = 0;
        while (from < to && ms[from]! < gap) from++;
        if (from >= to) continue;
        const code = ap < aq ? ap * accounts + aq : aq * accounts + ap;
        local.push(code * MASK + (((1 << to) - 1) & ~((1 << from) - 1)));
      }
    }
    if (local.length === 0) continue;
    // One entry per pair and key: the masks of the key's post pairs joined.
    local.sort((x, y) => x - y);
    let x = 0;
    while (x < local.length) {
      const code = Math.floor(local[x]! / MASK);
      let mask = 0;
      for (; x < local.length && Math.floor(local[x]! / MASK) === code; x++) mask |= local[x]! - code * MASK;
      if (n === codes.length) codes = grown(codes, n * 2);
      codes[n++] = code * MASK + mask;
    }
    local = [];
  }

  const sorted = codes.subarray(0, n).sort();
  let distinct = 0;
  for (let x = 0; x < n; x++) if (x === 0 || Math.floor(sorted[x]! / MASK) !== Math.floor(sorted[x - 1]! / MASK)) distinct++;
  const pairs = new Float64Array(distinct);
  const weights = new Int32Array(distinct * last);
  let d = -1;
  for (let x = 0; x < n; x++) {
    const code = Math.floor(sorted[x]! / MASK);
    if (d < 0 || pairs[d] !== code) pairs[++d] = code;
    const mask = sorted[x]! - code * MASK;
    for (let w = 0; w < last; w++) if ((mask >> w) & 1) weights[d * last + w]!++;
  }
  return { pairs, weights, windows: last };
}

/** One signal's pairs of accounts under every window of the table (`pairsByWindow`). */
export interface WindowedPairs {
  /** Distinct pair codes (a · accounts + b, a < b) sharing a key under at least one window, ascending. */
  pairs: Float64Array;
  /** `weights[x · windows + w]`: keys pair x shares under window w (0 when none). */
  weights: Int32Array;
  windows: number;
}

/** Pair codes with a weight each: one window of `WindowedPairs`, or `weighPairs` of one window. */
export interface PairWeights {
  pairs: Float64Array;
  weight(x: number): number;
}

/** The pairs under window index `w`, read in place. */
export function atWindow(windowed: WindowedPairs, w: number): PairWeights {
  return { pairs: windowed.pairs, weight: (x) => windowed.weights[x * windowed.windows + w]! };
}
