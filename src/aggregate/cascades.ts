/**
 * Cascades: the reposts and quotes of one original, in time order. Every root is counted in typed
 * arrays; a full `Cascade` (with its amplifiers) is built only for the few a page can show.
 */
import { REPOST } from './kinds.ts';
import type { Cascade } from './model.ts';
import type { PostTable } from './post-table.ts';

/**
 * Cascades kept overall and per tracked tag. A hashtag page lists the first TOP_CASCADES of its
 * tag (timelines.ts); the rest leave room for what a report may cite.
 */
export const CASCADES_KEPT = 50;

export interface CascadeCounts {
  /** Per post: reposts plus quotes whose original it is, and reposts alone. */
  size: Int32Array;
  reposts: Int32Array;
  /** Posts with size > 0, in post order. */
  roots: Int32Array;
  /** Cascade order of two roots: larger first, then earlier root, then root id. */
  order: (x: number, y: number) => number;
}

export function cascadeCounts(table: PostTable, root: Int32Array): CascadeCounts {
  const n = table.size;
  const size = new Int32Array(n);
  const reposts = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = root[i]!;
    if (r < 0) continue;
    if (size[r]!++ === 0) count++;
    if (table.kind[i] === REPOST) reposts[r]!++;
  }
  const roots = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (size[i]! > 0) roots[k++] = i;
  const { time } = table;
  // Ids are decoded only on a tie of size and time, which the bounded selections rarely reach.
  const order = (x: number, y: number): number => size[y]! - size[x]! || time[x]! - time[y]! || compare(table.id(x), table.id(y));
  return { size, reposts, roots, order };
}

/** The first `limit` of the roots offered, in cascade order: most are refused by one comparison. */
export class TopRoots {
  readonly list: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly order: (x: number, y: number) => number,
  ) {}

  offer(r: number): void {
    const { list, limit, order } = this;
    if (list.length === limit && order(r, list[limit - 1]!) >= 0) return;
    let p = list.length === limit ? limit - 1 : list.length;
    while (p > 0 && order(r, list[p - 1]!) < 0) {
      list[p] = list[p - 1]!;
      p--;
    }
    list[p] = r;
  }
}

/**
 * The cascades a page can show, in cascade order: the CASCADES_KEPT first overall and under each
 * of the `tracked` first tags, and every root whose id key is below `wantedKeys` (asked for by id).
 */
export function cascades(table: PostTable, root: Int32Array, counts: CascadeCounts, tracked: number, wantedKeys: number): Cascade[] {
  const overall = new TopRoots(CASCADES_KEPT, counts.order);
  const perTag = Array.from({ length: tracked }, () => new TopRoots(CASCADES_KEPT, counts.order));
  const chosen = new Set<number>();
  for (const r of counts.roots) {
    overall.offer(r);
    for (let k = table.tagStart[r]!; k < table.tagStart[r + 1]!; k++) {
      const t = table.tagList[k]!;
      if (t < tracked) perTag[t]!.offer(r);
    }
    if (table.idKey[r]! < wantedKeys) chosen.add(r);
  }
  for (const top of [overall, ...perTag]) for (const r of top.list) chosen.add(r);
  const kept = [...chosen].sort(counts.order);

  // Members of the kept cascades in one pass, in post order.
  const slot = new Int32Array(table.size).fill(-1);
  kept.forEach((r, s) => (slot[r] = s));
  const members: number[][] = kept.map(() => []);
  for (let i = 0; i < table.size; i++) {
    const r = root[i]!;
    if (r >= 0 && slot[r]! >= 0) members[slot[r]!]!.push(i);
  }

  const { time, author, kind, authors } = table;
  const byTime = (a: number, b: number): number => time[a]! - time[b]! || compare(table.id(a), table.id(b));
  return kept.map((r, s): Cascade => {
    const list = members[s]!.sort(byTime);
    const size = list.length;
    const rootTime = time[r]!;
    const amplifiers = list.map((i): Cascade['amplifiers'][number] => ({
      authorId: authors[author[i]!]!.id,
      postId: table.id(i),
      time: time[i]!,
      kind: kind[i] === REPOST ? 'repost' : 'quote',
    }));
    const reposts = counts.reposts[r]!;
    return {
      rootId: table.id(r),
      rootAuthorId: authors[author[r]!]!.id,
      rootTime,
      size,
      reposts,
      quotes: size - reposts,
      firstDelay: amplifiers[0]!.time - rootTime,
      halfTime: amplifiers[Math.ceil(size / 2) - 1]!.time - rootTime,
      amplifiers,
      tags: tagsOf(table, r),
    };
  });
}

export function tagsOf(table: PostTable, i: number): string[] {
  const tags: string[] = [];
  for (let k = table.tagStart[i]!; k < table.tagStart[i + 1]!; k++) tags.push(table.tags[table.tagList[k]!]!);
  return tags;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
