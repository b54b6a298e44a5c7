/**
 * Posts for property tests of the reader's checks: fields either valid or one of the near misses a
 * fast check is most likely to get wrong.
 */
import fc from 'fast-check';

export const instant = fc.oneof(
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
export const url = fc.oneof(
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

export const post = fc.record(
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
    // Plain tags (the fast path), tags only the schema accepts, and strings that are no tag at all.
    lang: maybe(fc.oneof(fc.constantFrom('en', 'fr', 'ast', 'zh-Hant-TW', 'es-419', 'az-Latn', 'EN', 'zh-cn', 'en-GB-oxendict', 'en_US', 'und'), fc.string())),
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
export const wellFormed = fc.record({
  id: fc.string({ minLength: 1 }),
  platform: fc.constantFrom('x', 'telegram', 'vk'),
  author: fc.record({ id: fc.string({ minLength: 1 }), handle: fc.oneof(fc.string({ minLength: 1 }), fc.constant(null)) }),
  createdAt: instant,
  text,
  kind: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('post', 'repost') }, { weight: 1, arbitrary: fc.constantFrom('quote', 'retweet') }),
  url: url,
  hashtags: fc.array(fc.string()),
}).chain((p) => (p.kind === 'post' ? fc.constant(p) : fc.record({ id: fc.string({ minLength: 1 }) }).map((ref) => ({ ...p, ref }))));

