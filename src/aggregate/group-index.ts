/**
 * Counting sort of item indices by an integer key: items of group g are
 * order[start[g] .. start[g + 1]), in item order. Negative keys are left out.
 */
export interface GroupIndex {
  start: Int32Array;
  order: Int32Array;
}

export function groupIndex(keys: Int32Array, items: number, groups: number): GroupIndex {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < items; i++) if (keys[i]! >= 0) start[keys[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const order = new Int32Array(start[groups]!);
  for (let i = 0; i < items; i++) {
    const k = keys[i]!;
    if (k >= 0) order[fill[k]!++] = i;
  }
  return { start, order };
}
