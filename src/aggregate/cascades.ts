/** Cascades: the reposts and quotes of one original, in time order. */
import { groupIndex } from './group-index.ts';
import { REPOST } from './kinds.ts';
import type { Cascade } from './model.ts';
import type { PostTable } from './post-table.ts';

export function cascades(table: PostTable, root: Int32Array): Cascade[] {
  const { start, order } = groupIndex(root, table.size, table.size);
  const { time, author, kind, authors } = table;
  const byTime = (a: number, b: number): number => time[a]! - time[b]! || compare(table.id(a), table.id(b));
  const out: Cascade[] = [];
  for (let r = 0; r < table.size; r++) {
    const from = start[r]!;
    const size = start[r + 1]! - from;
    if (size === 0) continue;
    // Most cascades are one repost: sorting them is skipped.
    const members: number[] = new Array<number>(size);
    for (let k = 0; k < size; k++) members[k] = order[from + k]!;
    if (size > 1) members.sort(byTime);
    const rootTime = time[r]!;
    let reposts = 0;
    const amplifiers: Cascade['amplifiers'] = new Array(size);
    for (let k = 0; k < size; k++) {
      const i = members[k]!;
      const repost = kind[i] === REPOST;
      if (repost) reposts++;
      amplifiers[k] = { authorId: authors[author[i]!]!.id, postId: table.id(i), time: time[i]!, kind: repost ? 'repost' : 'quote' };
    }
    out.push({
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
    });
  }
  return out.sort((a, b) => b.size - a.size || a.rootTime - b.rootTime || compare(a.rootId, b.rootId));
}

export function tagsOf(table: PostTable, i: number): string[] {
  const tags: string[] = [];
  for (let k = table.tagStart[i]!; k < table.tagStart[i + 1]!; k++) tags.push(table.tags[table.tagList[k]!]!);
  return tags;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

