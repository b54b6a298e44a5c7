/**
 * The sliding window over one signal's keys. Two posts of different accounts on the same key are
 * paired when |t1 − t2| ≤ window (both ends in: Δt = window pairs, window + 1 s does not). Where one
 * window holds more than `burstCap` accounts, its posts form a burst and are not paired.
 *
 * Pairs of accounts a < b are packed as a · accounts + b into a Float64Array, each at most once per
 * key, then sorted: a pair's weight (distinct keys shared) is the length of its run. A Map would
 * stop at 16.7M pairs and cost far more memory.
 */
import { grown } from '../id-keys.ts';
import type { SignalActions } from './actions.ts';

/** One key's posts that burst: more than `burstCap` accounts within one window. */
export interface BurstSpan {
  key: number;
  /** Positions in `actions.post`, `from` to `to` inclusive, in time order. */
  from: number;
  to: number;
}

/** Packed pair codes, sorted ascending, each pair once per shared key. */
export interface PairCodes {
  codes: Float64Array;
  bursts: BurstSpan[];
}

export interface WindowWalk {
  actions: SignalActions;
  account: Int32Array;
  time: Float64Array;
  accounts: number;
  /** Milliseconds. */
  window: number;
  burstCap: number;
}

/**
 * Calls `visit(key, p, q)` for every pair of positions p < q of one key within the window, of
 * different accounts, neither in a burst; returns the bursts.
 */
export function walkWindows(walk: WindowWalk, visit: (key: number, p: number, q: number) => void): BurstSpan[] {
  const { actions, account, time, window, burstCap } = walk;
  const { start, post } = actions;
  const inWindow = new Int32Array(walk.accounts);
  let marked = new Uint8Array(64);
  const bursts: BurstSpan[] = [];
  for (let k = 0; k + 1 < start.length; k++) {
    const s = start[k]!;
    const e = start[k + 1]!;
    if (e - s < 2) continue;
    if (marked.length < e - s) marked = new Uint8Array(2 * (e - s));
    marked.fill(0, 0, e - s);
    let burst = false;
    // Two pointers: [p, hi) is the window starting at post p; `distinct` its accounts.
    if (e - s > burstCap) {
      let hi = s;
      let distinct = 0;
      for (let p = s; p < e; p++) {
        while (hi < e && time[post[hi]!]! - time[post[p]!]! <= window) if (inWindow[account[post[hi++]!]!]!++ === 0) distinct++;
        if (distinct > burstCap) {
          marked.fill(1, p - s, hi - s);
          burst = true;
        }
        if (--inWindow[account[post[p]!]!]! === 0) distinct--;
      }
    }
    if (burst) {
      for (let p = s; p < e; p++) {
        if (marked[p - s] === 0) continue;
        const from = p;
        while (p + 1 < e && marked[p + 1 - s] === 1) p++;
        bursts.push({ key: k, from, to: p });
      }
    }
    for (let p = s; p < e; p++) {
      if (marked[p - s] === 1) continue;
      const tp = time[post[p]!]!;
      const ap = account[post[p]!]!;
      for (let q = p + 1; q < e && time[post[q]!]! - tp <= window; q++) {
        if (marked[q - s] === 0 && account[post[q]!]! !== ap) visit(k, p, q);
      }
    }
  }
  return bursts;
}

/** Pair code of two account indices, the smaller first. */
export function pairCode(a: number, b: number, accounts: number): number {
  return a < b ? a * accounts + b : b * accounts + a;
}

/** Every pair of accounts within the window, once per key, sorted. */
export function pairCodes(walk: WindowWalk): PairCodes {
  const { account, accounts } = walk;
  const { post } = walk.actions;
  let codes = new Float64Array(1024);
  let n = 0;
  // Codes of the key being walked, deduplicated before they join the rest.
  let local: number[] = [];
  let current = -1;
  const flush = (): void => {
    if (local.length === 0) return;
    local.sort((x, y) => x - y);
    for (let x = 0; x < local.length; x++) {
      if (x > 0 && local[x] === local[x - 1]) continue;
      if (n === codes.length) codes = grown(codes, n * 2);
      codes[n++] = local[x]!;
    }
    local = [];
  };
  const bursts = walkWindows(walk, (key, p, q) => {
    if (key !== current) {
      flush();
      current = key;
    }
    local.push(pairCode(account[post[p]!]!, account[post[q]!]!, accounts));
  });
  flush();
  return { codes: codes.subarray(0, n).sort(), bursts };
}

/** Runs of equal codes: each distinct code once, with its count (the pair's weight). */
export function weighPairs(codes: Float64Array): { pairs: Float64Array; weights: Int32Array } {
  let distinct = 0;
  for (let x = 0; x < codes.length; x++) if (x === 0 || codes[x] !== codes[x - 1]) distinct++;
  const pairs = new Float64Array(distinct);
  const weights = new Int32Array(distinct);
  let d = -1;
  for (let x = 0; x < codes.length; x++) {
    if (x === 0 || codes[x] !== codes[x - 1]) pairs[++d] = codes[x]!;
    weights[d]!++;
  }
  return { pairs, weights };
}

/** Index of `code` in the sorted `pairs`, or -1. */
export function findPair(pairs: Float64Array, code: number): number {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = pairs[mid]!;
    if (v === code) return mid;
    if (v < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
