import type { PostKind } from '../schema/index.ts';
import type { KindCounts } from './model.ts';

/** Kinds in code order: a post's kind is stored as its index here. */
export const KINDS: readonly PostKind[] = ['post', 'repost', 'quote', 'reply'];
export const KIND_CODE: Record<PostKind, number> = { post: 0, repost: 1, quote: 2, reply: 3 };
export const REPOST = 1;
export const QUOTE = 2;

export function kindCounts(counts: ArrayLike<number>, offset = 0): KindCounts {
  return { post: counts[offset]!, repost: counts[offset + 1]!, quote: counts[offset + 2]!, reply: counts[offset + 3]! };
}
