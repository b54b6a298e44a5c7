/** Top-N selection for the ranked lists of the model: highest count first, ties by name. */
import { compare } from './cascades.ts';

/**
 * Ranks keys (tag or author indices) whose names are fixed: the names are sorted once, so each
 * list compares integers only, and only the keys that can make the cut are sorted by a comparator.
 * A popular account has thousands of amplifiers, most with a count of 1, of which twenty are listed.
 */
export class Ranker {
  /** Position of each key in name order, and the key at each position. */
  private readonly order: Int32Array;
  private readonly byOrder: Int32Array;

  constructor(names: readonly string[]) {
    const sorted = Array.from(names.keys()).sort((a, b) => compare(names[a]!, names[b]!));
    this.byOrder = Int32Array.from(sorted);
    this.order = new Int32Array(names.length);
    sorted.forEach((key, position) => (this.order[key] = position));
  }

  /** The `limit` keys with the highest `counts[key]`, ties by name ascending, highest first. */
  top(keys: readonly number[], counts: Int32Array, limit: number): number[] {
    const byRank = (x: number, y: number): number => counts[y]! - counts[x]! || this.order[x]! - this.order[y]!;
    if (keys.length <= limit) return keys.slice().sort(byRank);
    // The cut is the limit-th highest count: most keys are refused by one comparison.
    const best: number[] = [];
    for (const key of keys) insert(best, -counts[key]!, limit);
    const cut = -best[limit - 1]!;
    const chosen: number[] = [];
    for (const key of keys) if (counts[key]! > cut) chosen.push(key);
    // Of the keys at the cut, the first by name fill the remaining places.
    const tied: number[] = [];
    const room = limit - chosen.length;
    for (const key of keys) if (counts[key] === cut) insert(tied, this.order[key]!, room);
    for (const position of tied) chosen.push(this.byOrder[position]!);
    return chosen.sort(byRank);
  }
}

/** Inserts `value` into `list`, kept ascending and at most `size` long (the largest falls off). */
function insert(list: number[], value: number, size: number): void {
  if (list.length === size && value >= list[size - 1]!) return;
  let p = list.length === size ? size - 1 : list.length;
  while (p > 0 && list[p - 1]! > value) {
    list[p] = list[p - 1]!;
    p--;
  }
  list[p] = value;
}
