/** Resolves each post's `ref` to a post index in the dataset, and reposts to the post at the root of the chain. */
import { REPOST, QUOTE } from './kinds.ts';
import type { PostTable } from './post-table.ts';

export interface ResolvedRefs {
  /** Index of the referenced post, -1 when absent from the dataset or no ref. */
  target: Int32Array;
  /** For reposts and quotes: the original they amplify (a repost of a repost counts for its original); else -1. */
  root: Int32Array;
  /** Posts whose ref points outside the dataset. */
  missing: number;
}

const MAX_CHAIN = 32;

export function resolveRefs(table: PostTable): ResolvedRefs {
  const n = table.size;
  const target = new Int32Array(n).fill(-1);
  const root = new Int32Array(n).fill(-1);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const ref = table.refKey[i]!;
    if (ref < 0) continue;
    const t = table.postOfKey[ref]!;
    if (t < 0) missing++;
    else target[i] = t;
  }
  for (let i = 0; i < n; i++) {
    const k = table.kind[i];
    if (k !== REPOST && k !== QUOTE) continue;
    let r = target[i]!;
    for (let step = 0; r >= 0 && table.kind[r] === REPOST && step < MAX_CHAIN; step++) r = target[r]!;
    if (r >= 0 && r !== i && table.kind[r] !== REPOST) root[i] = r;
  }
  return { target, root, missing };
}
