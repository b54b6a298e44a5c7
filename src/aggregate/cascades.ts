/** Cascades: the reposts and quotes of one original, in time order. */
import { groupIndex } from './group-index.ts';
import { REPOST } from './kinds.ts';
import type { Cascade } from './model.ts';
import type { PostTable } from './post-table.ts';

export function cascades(table: PostTable, root: Int32Array): Cascade[] {
  const { start, order } = groupIndex(root, table.size, table.size);
  const out: Cascade[] = [];
  for (let r = 0; r < table.size; r++) {
    const from = start[r]!;
    const to = start[r + 1]!;
    if (to === from) continue;
    const members = Array.from(order.subarray(from, to)).sort(
      (a, b) => table.time[a]! - table.time[b]! || compare(table.id(a), table.id(b)),
    );
    const rootTime = table.time[r]!;
    let reposts = 0;
    const amplifiers: Cascade['amplifiers'] = members.map((i) => {
      const kind = table.kind[i] === REPOST ? 'repost' : 'quote';
      if (kind === 'repost') reposts++;
      return { authorId: table.authors[table.author[i]!]!.id, postId: table.id(i), time: table.time[i]!, kind };
    });
    const size = members.length;
    out.push({
      rootId: table.id(r),
      rootAuthorId: table.authors[table.author[r]!]!.id,
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

