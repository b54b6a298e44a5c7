/**
 * Coordination analysis of a case's posts (pure: no files, no clock): behavioural traces → pairs of
 * accounts within a window → ties of at least the minimum weight → clusters, with bursts kept apart,
 * a sensitivity table and a null-model row so that no single threshold carries a finding alone.
 */
import type { CoordinationParams, CoordinationSignal } from '../../schema/index.ts';
import type { CoordinationBurst, CoordinationCluster, CoordinationEdge, CoordinationResult, ResolvedParams, SensitivityRow } from './types.ts';
import { compare } from '../cascades.ts';
import { seededRandom } from '../seeded-random.ts';
import { groupActions, keysOf, postColumns, type CoordinationPost, type PostColumns, type SignalActions } from './actions.ts';
import { clusters as clusterAccounts, largestComponent, type Tie } from './clusters.ts';
import { nearTextKeys, NEAR_TEXT_METHOD } from './near-text.ts';
import { TEXT_NORMALISATION, URL_NORMALISATION } from './normalise.ts';
export type * from './types.ts';
import { findPair, pairCode, pairCodes, walkWindows, weighPairs, type BurstSpan, type WindowWalk } from './pairs.ts';
import { atWindow, pairsByWindow, type PairWeights } from './sensitivity.ts';

/** Windows (seconds) and minimum weights of the sensitivity table. */
export const SENSITIVITY_WINDOWS = [1, 10, 60, 300, 1800, 3600] as const;
export const SENSITIVITY_WEIGHTS = [2, 3, 5] as const;
/** The null model shifts each account's posts by one offset drawn uniformly within ± this many seconds. */
export const NULL_SHIFT = 86_400;
export const NULL_SEED = 17;
/** Evidence posts kept per tie and per cluster, earliest first. */
export const EVIDENCE_POSTS = 10;

export function analyseCoordination(posts: readonly CoordinationPost[], params: CoordinationParams): CoordinationResult {
  const columns = postColumns(posts);
  const keep = new Uint8Array(columns.accounts.length);
  let eligibleAccounts = 0;
  columns.postsOf.forEach((n, a) => {
    if (n >= params.minPosts) {
      keep[a] = 1;
      eligibleAccounts++;
    }
  });
  const signals = [...params.signals].sort(compare);
  const near = signals.includes('near-text') ? nearTextKeys(posts, keep, columns.account, params.nearTextSimilarity) : undefined;
  const actions = signals.map((signal) =>
    groupActions(signal, columns, keep, signal === 'near-text' ? (i) => [near![i]!] : (i) => keysOf(posts[i]!, signal)),
  );
  const walkOf = (a: SignalActions, window: number, time = columns.time): WindowWalk => ({
    actions: a,
    account: columns.account,
    time,
    accounts: columns.accounts.length,
    window: window * 1000,
    burstCap: params.burstCap,
  });

  const main = actions.map((a) => {
    const { codes, bursts } = pairCodes(walkOf(a, params.window));
    return { ...weighPairs(codes), bursts };
  });
  const resolved = resolveWeight(params, main.map((m) => m.weights));

  const edges: DetailedEdge[] = [];
  actions.forEach((a, s) => {
    const { pairs, weights } = main[s]!;
    const kept = pairs.filter((_, x) => weights[x]! >= resolved.resolvedMinWeight);
    edges.push(...edgeDetails(walkOf(a, params.window), columns, kept));
  });
  edges.sort((x, y) => x.ai - y.ai || x.bi - y.bi || compare(x.signal, y.signal));
  const clusters = buildClusters(columns, edges);
  const bursts = actions
    .flatMap((a, s) => main[s]!.bursts.map((b) => burstOf(a, b, columns)))
    .sort((x, y) => x.start - y.start || compare(x.signal, y.signal) || compare(x.item, y.item));

  return {
    params: resolved,
    normalisation: { text: TEXT_NORMALISATION, url: URL_NORMALISATION, ...(near ? { nearText: NEAR_TEXT_METHOD } : {}) },
    counts: {
      posts: posts.length,
      accounts: columns.accounts.length,
      eligibleAccounts,
      actions: Object.fromEntries(actions.map((a) => [a.signal, a.post.length])),
      pairs: main.reduce((sum, m) => sum + m.pairs.length, 0),
    },
    edges: edges.map(({ ai: _a, bi: _b, items: _i, acts: _c, postIndices: _p, ...edge }) => edge),
    clusters,
    bursts,
    postLinks: postLinks(posts, clusters, bursts),
    sensitivity: sensitivity(actions.map((a) => pairsByWindow(walkOf(a, 0), SENSITIVITY_WINDOWS)), columns.accounts.length),
    nullModel: nullModel(actions, columns, (a, time) => walkOf(a, params.window, time), params.window, resolved.resolvedMinWeight),
  };
}

/** Addresses of the posts the tables name (`CoordinationResult.postLinks`), in post id order. */
function postLinks(posts: readonly CoordinationPost[], clusters: readonly CoordinationCluster[], bursts: readonly CoordinationBurst[]): Record<string, string> {
  const named = new Set([
    ...clusters.flatMap((c) => c.evidence),
    ...bursts.flatMap((b) => (b.signal === 'repost' || b.signal === 'reply' ? [b.firstPostId, b.item] : [b.firstPostId])),
  ]);
  const links = new Map<string, string>();
  for (const p of posts) if (p.url !== undefined && named.has(p.id)) links.set(p.id, p.url);
  return Object.fromEntries([...links].sort(([x], [y]) => compare(x, y)));
}

/** The minimum weight in force, with the percentile's weight (nearest rank over every pair of every signal). */
export function resolveWeight(params: CoordinationParams, weights: readonly Int32Array[]): ResolvedParams {
  if (params.weightPercentile === undefined) return { ...params, resolvedMinWeight: params.minWeight };
  const all = new Int32Array(weights.reduce((n, w) => n + w.length, 0));
  let n = 0;
  for (const w of weights) {
    all.set(w, n);
    n += w.length;
  }
  all.sort();
  const rank = Math.max(1, Math.ceil((params.weightPercentile / 100) * all.length));
  const percentileWeight = all.length === 0 ? 0 : all[rank - 1]!;
  return { ...params, percentileWeight, resolvedMinWeight: Math.max(params.minWeight, percentileWeight) };
}

/** Per kept pair: closest and median gaps, first and last time, each side's posts, the keys shared. */
function edgeDetails(walk: WindowWalk, columns: PostColumns, kept: Float64Array) {
  const { actions } = walk;
  const { post } = actions;
  const accounts = columns.accounts.length;
  const detail = Array.from(kept, (code) => ({
    code,
    gaps: [] as number[],
    key: -1,
    gap: Infinity,
    postsA: new Set<number>(),
    postsB: new Set<number>(),
    keys: [] as number[],
    // Each post with the key it was paired through, packed as key · posts + post.
    acts: new Set<number>(),
  }));
  const posts = columns.ids.length;
  walkWindows(walk, (key, p, q) => {
    const i = post[p]!;
    const j = post[q]!;
    const ai = columns.account[i]!;
    const aj = columns.account[j]!;
    const e = findPair(kept, pairCode(ai, aj, accounts));
    if (e < 0) return;
    const d = detail[e]!;
    const gap = walk.time[j]! - walk.time[i]!;
    if (d.key !== key) {
      if (d.key >= 0) d.gaps.push(d.gap);
      d.key = key;
      d.gap = gap;
      d.keys.push(key);
    } else d.gap = Math.min(d.gap, gap);
    (ai < aj ? d.postsA : d.postsB).add(i);
    (ai < aj ? d.postsB : d.postsA).add(j);
    d.acts.add(key * posts + i).add(key * posts + j);
  });
  return detail.map((d) => {
    if (d.key >= 0) d.gaps.push(d.gap);
    const a = Math.floor(d.code / accounts);
    const b = d.code - a * accounts;
    const postIndices = [...d.postsA, ...d.postsB].sort((x, y) => columns.time[x]! - columns.time[y]! || compare(columns.ids[x]!, columns.ids[y]!));
    const gaps = d.gaps.sort((x, y) => x - y);
    const mid = gaps.length >> 1;
    return {
      ai: a,
      bi: b,
      a: columns.accounts[a]!,
      b: columns.accounts[b]!,
      signal: actions.signal,
      weight: d.keys.length,
      minDt: gaps[0]! / 1000,
      medianDt: (gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2) / 1000,
      first: columns.time[postIndices[0]!]!,
      last: columns.time[postIndices[postIndices.length - 1]!]!,
      postsA: d.postsA.size,
      postsB: d.postsB.size,
      symmetry: Math.min(d.postsA.size, d.postsB.size) / Math.max(d.postsA.size, d.postsB.size),
      evidence: postIndices.slice(0, EVIDENCE_POSTS).map((x) => columns.ids[x]!),
      items: d.keys.map((k) => `${actions.signal}\u0000${actions.keys[k]!}`),
      acts: Array.from(d.acts, (code) => {
        const k = Math.floor(code / posts);
        return { key: actions.keys[k]!, post: code - k * posts };
      }),
      postIndices,
    };
  });
}

type DetailedEdge = CoordinationEdge & { ai: number; bi: number; items: string[]; acts: { key: string; post: number }[]; postIndices: number[] };

function buildClusters(columns: PostColumns, edges: readonly DetailedEdge[]): CoordinationCluster[] {
  const strength = new Map<number, Tie>();
  const accounts = columns.accounts.length;
  for (const e of edges) {
    const code = pairCode(e.ai, e.bi, accounts);
    const tie = strength.get(code);
    if (tie === undefined) strength.set(code, { a: e.ai, b: e.bi, weight: e.weight });
    else tie.weight += e.weight;
  }
  const groups = clusterAccounts(accounts, [...strength.values()]);
  const clusterOf = new Int32Array(accounts).fill(-1);
  groups.forEach((g, c) => g.forEach((x) => (clusterOf[x] = c)));
  const byTime = (x: number, y: number): number => columns.time[x]! - columns.time[y]! || compare(columns.ids[x]!, columns.ids[y]!);
  return groups.map((members, c) => {
    const inside = edges.filter((e) => clusterOf[e.ai] === c && clusterOf[e.bi] === c);
    const perAccount = new Map<number, { signals: Set<CoordinationSignal>; neighbours: Set<number>; strength: number; posts: Set<number> }>();
    for (const x of members) perAccount.set(x, { signals: new Set(), neighbours: new Set(), strength: 0, posts: new Set() });
    const shared = new Set<string>();
    const posts = new Set<number>();
    for (const e of inside) {
      for (const [x, y] of [[e.ai, e.bi], [e.bi, e.ai]] as const) {
        const s = perAccount.get(x)!;
        s.signals.add(e.signal);
        s.neighbours.add(y);
        s.strength += e.weight;
      }
      for (const i of e.postIndices) {
        perAccount.get(columns.account[i]!)!.posts.add(i);
        posts.add(i);
      }
      for (const item of e.items) shared.add(item);
    }
    const ordered = [...posts].sort(byTime);
    const { items, actions } = clusterItems(columns, inside, byTime);
    return {
      id: c + 1,
      accounts: members.map((x) => {
        const s = perAccount.get(x)!;
        const own = [...s.posts].sort(byTime);
        return {
          accountId: columns.accounts[x]!,
          signals: [...s.signals].sort(compare),
          degree: s.neighbours.size,
          strength: s.strength,
          first: columns.time[own[0]!]!,
          last: columns.time[own[own.length - 1]!]!,
          posts: own.length,
        };
      }),
      signals: [...new Set(inside.map((e) => e.signal))].sort(compare),
      sharedItems: shared.size,
      first: columns.time[ordered[0]!]!,
      last: columns.time[ordered[ordered.length - 1]!]!,
      symmetry: inside.reduce((sum, e) => sum + e.symmetry, 0) / inside.length,
      edges: inside.length,
      evidence: ordered.slice(0, EVIDENCE_POSTS).map((i) => columns.ids[i]!),
      items,
      actions,
    };
  });
}

/** The items a cluster's ties were made of, most accounts first, and each post on them, earliest first. */
function clusterItems(columns: PostColumns, inside: readonly DetailedEdge[], byTime: (x: number, y: number) => number): Pick<CoordinationCluster, 'items' | 'actions'> {
  const byItem = new Map<string, { signal: CoordinationSignal; key: string; posts: Set<number> }>();
  for (const e of inside) {
    for (const { key, post } of e.acts) {
      const name = `${e.signal}\u0000${key}`;
      let item = byItem.get(name);
      if (item === undefined) byItem.set(name, (item = { signal: e.signal, key, posts: new Set() }));
      item.posts.add(post);
    }
  }
  const listed = [...byItem.values()].map((item) => {
    const posts = [...item.posts].sort(byTime);
    const first = posts[0]!;
    const itemAuthorId = item.signal === 'repost' || item.signal === 'reply' ? columns.refAuthorIds[first] : undefined;
    return {
      item: {
        signal: item.signal,
        key: item.key,
        ...(itemAuthorId !== undefined ? { itemAuthorId } : {}),
        accounts: new Set(posts.map((i) => columns.account[i]!)).size,
        posts: posts.length,
        first: columns.time[first]!,
      },
      posts,
    };
  });
  listed.sort((x, y) => y.item.accounts - x.item.accounts || y.item.posts - x.item.posts || x.item.first - y.item.first
    || compare(x.item.signal, y.item.signal) || compare(x.item.key, y.item.key));
  const actions = listed.flatMap(({ posts }, item) => posts.map((i) => ({ accountId: columns.accounts[columns.account[i]!]!, postId: columns.ids[i]!, time: columns.time[i]!, item, i })));
  actions.sort((x, y) => byTime(x.i, y.i) || x.item - y.item);
  return { items: listed.map((l) => l.item), actions: actions.map(({ i: _i, ...action }) => action) };
}

function burstOf(actions: SignalActions, span: BurstSpan, columns: PostColumns): CoordinationBurst {
  const list = Array.from(actions.post.subarray(span.from, span.to + 1));
  const first = list[0]!;
  const itemAuthorId = actions.signal === 'repost' || actions.signal === 'reply' ? columns.refAuthorIds[first] : undefined;
  return {
    signal: actions.signal,
    item: actions.keys[span.key]!,
    ...(itemAuthorId !== undefined ? { itemAuthorId } : {}),
    firstPostId: columns.ids[first]!,
    firstAccountId: columns.accounts[columns.account[first]!]!,
    accounts: new Set(list.map((i) => columns.account[i]!)).size,
    posts: list.length,
    start: columns.time[first]!,
    end: columns.time[list[list.length - 1]!]!,
    postIds: list.map((i) => columns.ids[i]!),
  };
}

/** Every window of the table by every minimum weight, from each signal's pairs under all windows (one walk each). */
function sensitivity(windowed: readonly ReturnType<typeof pairsByWindow>[], accounts: number): SensitivityRow[] {
  return SENSITIVITY_WINDOWS.flatMap((window, w) =>
    SENSITIVITY_WEIGHTS.map((minWeight) => row(window, minWeight, windowed.map((s) => atWindow(s, w)), accounts)));
}

/** Pairs of one window as counted: each distinct code with its weight. */
function weighed({ pairs, weights }: { pairs: Float64Array; weights: Int32Array }): PairWeights {
  return { pairs, weight: (x) => weights[x]! };
}

/** Edges (pair and signal) at or above `minWeight`, the accounts they tie, and the largest component. */
function row(window: number, minWeight: number, runs: readonly PairWeights[], accounts: number): SensitivityRow {
  let edges = 0;
  const ties: { a: number; b: number }[] = [];
  const tied = new Uint8Array(accounts);
  let tiedCount = 0;
  for (const { pairs, weight } of runs) {
    for (let x = 0; x < pairs.length; x++) {
      if (weight(x) < minWeight) continue;
      edges++;
      const a = Math.floor(pairs[x]! / accounts);
      const b = pairs[x]! - a * accounts;
      ties.push({ a, b });
      for (const y of [a, b]) if (tied[y] === 0) {
        tied[y] = 1;
        tiedCount++;
      }
    }
  }
  return { window, minWeight, edges, accounts: tiedCount, largestCluster: largestComponent(accounts, ties) };
}

function nullModel(
  actions: readonly SignalActions[],
  columns: PostColumns,
  walkOf: (a: SignalActions, time: Float64Array) => WindowWalk,
  window: number,
  minWeight: number,
): CoordinationResult['nullModel'] {
  const rnd = seededRandom(NULL_SEED);
  const offset = Array.from(columns.accounts, () => Math.round((rnd() * 2 - 1) * NULL_SHIFT) * 1000);
  const time = columns.time.map((t, i) => t + offset[columns.account[i]!]!);
  const byTime = (x: number, y: number): number => time[x]! - time[y]! || compare(columns.ids[x]!, columns.ids[y]!);
  const runs = actions.map((a) => {
    const post = a.post.slice();
    for (let k = 0; k + 1 < a.start.length; k++) if (a.start[k + 1]! - a.start[k]! > 1) post.subarray(a.start[k]!, a.start[k + 1]!).sort(byTime);
    return weighed(weighPairs(pairCodes(walkOf({ ...a, post }, time)).codes));
  });
  return { ...row(window, minWeight, runs, columns.accounts.length), seed: NULL_SEED, shift: NULL_SHIFT };
}
