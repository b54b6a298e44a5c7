/**
 * Clusters of accounts tied by repeated co-action: the connected components of the tie graph, and
 * each component larger than LOUVAIN_ABOVE split into Louvain communities. Louvain runs on a graph
 * built in account order with no random walk, so the same ties always give the same clusters.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../seeded-random.ts';

/** Components up to this many accounts stay whole: small enough to read as one group in a table. */
export const LOUVAIN_ABOVE = 60;

/** An undirected tie between account indices a < b, weighted by distinct shared items. */
export interface Tie {
  a: number;
  b: number;
  weight: number;
}

/** Union–find over account indices; each set's root is its smallest member. */
export function components(accounts: number, ties: Iterable<{ a: number; b: number }>): Int32Array {
  const parent = new Int32Array(accounts);
  for (let x = 0; x < accounts; x++) parent[x] = x;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const { a, b } of ties) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  for (let x = 0; x < accounts; x++) parent[x] = find(x);
  return parent;
}

/** Size of the largest component among accounts that have a tie (0 without ties). */
export function largestComponent(accounts: number, ties: readonly { a: number; b: number }[]): number {
  const root = components(accounts, ties);
  const size = new Int32Array(accounts);
  const counted = new Uint8Array(accounts);
  let largest = 0;
  for (const { a, b } of ties) {
    for (const x of [a, b]) {
      if (counted[x] === 1) continue;
      counted[x] = 1;
      largest = Math.max(largest, ++size[root[x]!]!);
    }
  }
  return largest;
}

/**
 * Clusters as sorted lists of account indices, largest first (then by first account). Ties are
 * summed over signals by the caller; `weight` is what Louvain maximises modularity over.
 */
export function clusters(accounts: number, ties: readonly Tie[]): number[][] {
  const root = components(accounts, ties);
  const members = new Map<number, number[]>();
  const seen = new Uint8Array(accounts);
  for (const { a, b } of ties) {
    for (const x of [a, b]) {
      if (seen[x] === 1) continue;
      seen[x] = 1;
      const r = root[x]!;
      const list = members.get(r);
      if (list === undefined) members.set(r, [x]);
      else list.push(x);
    }
  }
  const groups: number[][] = [];
  for (const list of members.values()) {
    list.sort((x, y) => x - y);
    if (list.length <= LOUVAIN_ABOVE) groups.push(list);
    else groups.push(...communities(list, ties.filter((t) => root[t.a] === root[list[0]!])));
  }
  return groups.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}

/** Louvain communities of one component, deterministic: nodes and edges added in index order, no random walk. */
function communities(members: readonly number[], ties: readonly Tie[]): number[][] {
  const graph = new Graph({ type: 'undirected', multi: false });
  for (const x of members) graph.addNode(String(x));
  const sorted = [...ties].sort((s, t) => s.a - t.a || s.b - t.b);
  for (const t of sorted) graph.addUndirectedEdge(String(t.a), String(t.b), { weight: t.weight });
  // The rng is never drawn from without a random walk; a seeded one keeps that true if the library changes.
  const community = louvain(graph, { randomWalk: false, rng: seededRandom(1), getEdgeWeight: 'weight' });
  const byCommunity = new Map<number, number[]>();
  for (const x of members) {
    const c = community[String(x)]!;
    const list = byCommunity.get(c);
    if (list === undefined) byCommunity.set(c, [x]);
    else list.push(x);
  }
  return [...byCommunity.values()];
}
