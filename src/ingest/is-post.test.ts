import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema } from '../schema/index.ts';
import { parseInstant } from './instant.ts';
import { postTime } from './is-post.ts';
import { post, wellFormed } from '../../test/support/post-arbitraries.ts';

describe('postTime(value)', () => {
  it('postTime(value) never accepts what PostSchema rejects, on random and near-miss posts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: post }, { weight: 2, arbitrary: wellFormed }), (value) => {
        // Through JSON, as the reader sees it: no undefined, no functions.
        const json: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
        const time = postTime(json);
        if (!Number.isNaN(time)) {
          accepted++;
          expect(PostSchema.safeParse(json).success).toBe(true);
          expect(time).toBe(parseInstant((json as { createdAt: string }).createdAt));
        }
      }),
      { seed: 11, numRuns: 5000 },
    );
    // The property is only worth something if the fast path takes a good share of the posts.
    expect(accepted).toBeGreaterThan(500);
  });

  it('postTime(value) accepts the canonical post the importer writes', () => {
    const canonical = {
      id: 'p1', platform: 'x', url: 'https://x.com/user1/status/1', author: { id: 'u1', handle: 'user1', name: 'User 1' },
      createdAt: '2024-05-13T00:00:01Z', text: 'the vote', lang: 'en', kind: 'repost', hashtags: ['Tag0'], mentions: [], ref: { id: 'p0' },
      media: [{ type: 'photo', sha256: 'a'.repeat(64) }],
    };
    expect(postTime(canonical)).not.toBeNaN();
    const { ref: _ref, ...original } = canonical;
    expect(postTime({ ...original, kind: 'post' })).not.toBeNaN();
    expect(postTime({ ...canonical, kind: 'post' })).toBeNaN();
    expect(postTime({ ...canonical, createdAt: '2024-02-30T00:00:00Z' })).toBeNaN();
    // A count past what JavaScript holds exactly goes to zod, which names it.
    const metrics = (likes: number) => ({ ...canonical, metrics: { likes, observedAt: '2024-05-20T12:00:00Z' } });
    expect(postTime(metrics(Number.MAX_SAFE_INTEGER))).not.toBeNaN();
    expect(postTime(metrics(1e300))).toBeNaN();
  });
});
