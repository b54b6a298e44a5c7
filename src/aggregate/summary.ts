/** Totals of the whole dataset, inside and outside the case period. */
import { kindCounts } from './kinds.ts';
import type { DatasetSummary } from './model.ts';
import type { PostTable } from './post-table.ts';

export function summary(
  table: PostTable,
  outsidePeriod: number,
  missingRefs: number,
  datasets: Map<string, number>,
): DatasetSummary {
  const byKind = new Int32Array(4);
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < table.size; i++) {
    byKind[table.kind[i]!]!++;
    const t = table.time[i]!;
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return {
    total: table.size,
    byKind: kindCounts(byKind),
    from: table.size === 0 ? null : from,
    to: table.size === 0 ? null : to,
    accounts: table.authors.filter((a) => a.posts > 0).length,
    outsidePeriod,
    missingRefs,
    datasets: [...datasets].map(([id, posts]) => ({ id, posts })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
