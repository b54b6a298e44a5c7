/**
 * The one peak rule: the highest count, held by every bin that reaches it, in bin order (a tie is shown as
 * a tie, never settled by accident); a figure that states one time takes the earliest of them. No peak
 * when every count is zero.
 */
import { max } from 'd3-array';

export function peakOf(counts: Iterable<number>): { value: number; indices: number[] } {
  const value = max(counts) ?? 0;
  if (value <= 0) return { value: 0, indices: [] };
  const indices: number[] = [];
  let i = 0;
  for (const c of counts) {
    if (c === value) indices.push(i);
    i++;
  }
  return { value, indices };
}
