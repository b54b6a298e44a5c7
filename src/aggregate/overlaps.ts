/** Posts carrying two tracked hashtags at once, per local day and hour bin of the period, for each pair. */
import type { TagOverlap } from './model.ts';
import type { PeriodGrid } from './period-grid.ts';
import type { PostTable } from './post-table.ts';

/** Pairs with at least one shared post, in the order of `tracked`; `slot` is each post's period slot (-1 outside). */
export function tagOverlaps(table: PostTable, grid: PeriodGrid, slot: Int32Array, tracked: readonly string[]): TagOverlap[] {
  const count = tracked.length;
  const pairs = new Map<number, { day: number[]; hour: number[] }>();
  for (let i = 0; i < table.size; i++) {
    const s = slot[i]!;
    const from = table.tagStart[i]!;
    const to = table.tagStart[i + 1]!;
    if (s < 0 || to - from < 2) continue;
    for (let j = from; j < to; j++) {
      for (let k = j + 1; k < to; k++) {
        const [a, b] = [table.tagList[j]!, table.tagList[k]!].sort((x, y) => x - y) as [number, number];
        // Indices from `count` up are untracked tags.
        if (b >= count || a === b) continue;
        let bins = pairs.get(a * count + b);
        if (bins === undefined) {
          bins = { day: new Array<number>(grid.dayStarts.length).fill(0), hour: new Array<number>(grid.hourStarts.length).fill(0) };
          pairs.set(a * count + b, bins);
        }
        bins.day[grid.dayOfSlot[s]!]!++;
        bins.hour[grid.hourOfSlot[s]!]!++;
      }
    }
  }
  return [...pairs].sort(([x], [y]) => x - y).map(([key, bins]) => ({ tags: [tracked[Math.floor(key / count)]!, tracked[key % count]!], ...bins }));
}
