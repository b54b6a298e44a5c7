import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostSchema } from '../schema/index.ts';
import { parseInstant } from './instant.ts';
import { isPost, postTime } from './is-post.ts';

// Each field either valid or one of the near misses a fast check is most likely to get wrong.
const instant = fc.oneof(
  fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2024-05-16T09:30:00+04:00', '2024-05-16T09:30Z', '2024-05-16T09:30:00.123456789-03:30', '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z', '2024-04-31T10:00:00Z', '2024-05-16T24:00:00Z', '2024-05-16T09:60:00Z', '2024-05-16T09:30:60Z',
    '2024-05-16T09:30:00', '2024-05-16 09:30:00Z', '2024-05-16T09:30:00.Z', '2024-05-16T09:30:00.1234567890Z',
    '2024-05-16T09:30:00+24:00', '2024-05-16T09:30:00+04:60', '2024-05-16T09:30:00+0400', '0999-12-31T23:59:59Z',
    '+002024-05-16T09:30:00Z', '2024-5-16T09:30:00Z', '２０２４-05-16T09:30:00Z', '',
  ),
  fc.string(),
);
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://x.com/a/status/1', 'http://example.org:8080/p', 'https://example.org:65536/', 'javascript:alert(1)', 'ftp://example.org/',
    'http://1.2.3.4/', 'http://example.123/', 'https://', 'https://exa mple.org/', 'https://example.org/a b', 'https://ex_ample.org/', '//example.org/',
    'https://example.org/\u0000', 'HTTPS://EXAMPLE.ORG/', 'https://xn--nxasmq6b.com/', 'https://example.org#frag',
  ),
  fc.string(),
);
const sha = fc.oneof(fc.stringMatching(/^[a-f0-9]{64}$/), fc.constantFrom('A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)), fc.string());
const text = fc.oneof(fc.string(), fc.constant(''));
const count = fc.oneof(fc.nat(), fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 60), fc.string());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.anything() });

const post = fc.record(
  {
    id: maybe(fc.oneof(fc.string({ minLength: 1 }), fc.constant(''))),
    platform: maybe(fc.constantFrom('x', 'telegram', 'facebook', 'instagram', 'tiktok', 'youtube', 'vk', 'other', 'twitter', 'X')),
    url: maybe(url),
    author: maybe(
      fc.record(
        { id: maybe(fc.oneof(fc.string({ minLength: 1 }), fc.constant(''))), handle: maybe(fc.oneof(fc.string(), fc.constant(null))), name: maybe(text), extra: fc.anything() },
        { requiredKeys: ['id'] },
      ),
    ),
    createdAt: maybe(instant),
    precision: maybe(fc.constantFrom('second', 'minute', 'hour', 'day', 'week')),
    text: maybe(text),
    lang: maybe(fc.string()),
    kind: maybe(fc.constantFrom('post', 'repost', 'quote', 'reply', 'retweet')),
    ref: maybe(fc.record({ id: maybe(fc.oneof(fc.string({ minLength: 1 }), fc.constant(''))), authorId: maybe(fc.oneof(fc.string(), fc.constant(''))), extra: fc.anything() }, { requiredKeys: ['id'] })),
    hashtags: maybe(fc.array(fc.string())),
    mentions: maybe(fc.array(maybe(fc.string()))),
    urls: maybe(fc.array(fc.string())),
    media: maybe(fc.array(fc.record({ type: maybe(fc.constantFrom('photo', 'video', 'gif', 'audio', 'document', 'sticker')), sha256: maybe(sha), url: maybe(url), extra: fc.anything() }, { requiredKeys: ['type'] }))),
    metrics: maybe(fc.record({ reposts: count, quotes: count, replies: count, likes: count, views: count, observedAt: maybe(instant), extra: fc.anything() }, { requiredKeys: [] })),
    availability: maybe(fc.record({ status: maybe(fc.constantFrom('available', 'deleted', 'suspended', 'withheld', 'unknown', 'gone')), observedAt: maybe(instant), extra: fc.anything() }, { requiredKeys: [] })),
    archives: maybe(fc.array(fc.record({ url: maybe(url), archivedAt: maybe(instant), sha256: maybe(sha), extra: fc.anything() }, { requiredKeys: [] }))),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
// Mostly well-formed posts, so both answers are exercised: the invariant is about the valid ones.
const wellFormed = fc.record({
  id: fc.string({ minLength: 1 }),
  platform: fc.constantFrom('x', 'telegram', 'vk'),
  author: fc.record({ id: fc.string({ minLength: 1 }), handle: fc.oneof(fc.string({ minLength: 1 }), fc.constant(null)) }),
  createdAt: instant,
  text,
  kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('post', 'repost') }, { weight: 1, arbitrary: fc.constantFrom('quote', 'retweet') }),
  url: url,
  hashtags: fc.array(fc.string()),
}).chain((p) => (p.kind === 'post' ? fc.constant(p) : fc.record({ id: fc.string({ minLength: 1 }) }).map((ref) => ({ ...p, ref }))));

describe('isPost(value)', () => {
  it('isPost(value) never accepts what PostSchema rejects, on random and near-miss posts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: post }, { weight: 2, arbitrary: wellFormed }), (value) => {
        // Through JSON, as the reader sees it: no undefined, no functions.
        const json: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
        // The reader calls postTime; isPost is its boolean face, so both are checked.
        const time = postTime(json);
        expect(isPost(json)).toBe(!Number.isNaN(time));
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

  it('isPost(value) accepts the canonical post the importer writes', () => {
    const canonical = {
      id: 'p1', platform: 'x', url: 'https://x.com/user1/status/1', author: { id: 'u1', handle: 'user1', name: 'User 1' },
      createdAt: '2024-05-13T00:00:01Z', text: 'the vote', lang: 'en', kind: 'repost', hashtags: ['Tag0'], mentions: [], ref: { id: 'p0' },
      media: [{ type: 'photo', sha256: 'a'.repeat(64) }],
    };
    expect(isPost(canonical)).toBe(true);
    const { ref: _ref, ...original } = canonical;
    expect(isPost({ ...original, kind: 'post' })).toBe(true);
    expect(isPost({ ...canonical, kind: 'post' })).toBe(false);
    expect(isPost({ ...canonical, createdAt: '2024-02-30T00:00:00Z' })).toBe(false);
  });
});
