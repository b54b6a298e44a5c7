import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema } from '../schema/post.ts';
import { post, wellFormed } from '../../test/support/post-arbitraries.ts';
import { fastCanonicalPost } from './canonical.ts';

/** The same fields in a shuffled order: readers build posts in their own order. */
const shuffled = (value: Record<string, unknown>, seed: number): Record<string, unknown> => {
  const entries = Object.entries(value);
  entries.sort(([a], [b]) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
  return Object.fromEntries(entries);
};

describe('fastCanonicalPost(post)', () => {
  it('gives exactly the JSON of PostSchema.parse for every post it accepts, whatever the order of its fields', () => {
    fc.assert(
      fc.property(fc.oneof(post, wellFormed), fc.nat(6), (value, seed) => {
        const input = shuffled(value as Record<string, unknown>, seed);
        const fast = fastCanonicalPost(input);
        if (fast === undefined) return;
        expect(fast).toBe(JSON.stringify(PostSchema.parse(input)));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('gives the same JSON for posts already in the schema\'s order, with or without their defaults (kept as they are, not copied)', () => {
    fc.assert(
      fc.property(fc.oneof(post, wellFormed), fc.constantFrom(undefined, 'hashtags', 'media', 'archives'), fc.boolean(), (value, dropped, undefinedLang) => {
        const parsed = PostSchema.safeParse(value);
        if (!parsed.success) return;
        const input: Record<string, unknown> = { ...parsed.data };
        if (dropped) delete input[dropped];
        if (undefinedLang) input['lang'] = undefined;
        const fast = fastCanonicalPost(input);
        if (fast === undefined) return;
        expect(fast).toBe(JSON.stringify(PostSchema.parse(input)));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('accepts a good share of well-formed posts, so the property above is not vacuous', () => {
    let accepted = 0;
    fc.assert(
      fc.property(wellFormed, (value) => {
        if (fastCanonicalPost(value as Record<string, unknown>) !== undefined) accepted++;
      }),
      { seed: 18, numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
