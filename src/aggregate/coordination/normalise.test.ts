import { describe, expect, it } from 'vitest';
import { coLinkKey, coTextKey, hashtagSetKey, normaliseCoText } from './normalise.ts';

const LONG = 'the vote was stolen from the people of the islands';

describe('normaliseCoText (casefile-text-1)', () => {
  it.each([
    ['zero-width characters vanish', `the\u200b vote\u200d was\u2060 stolen\ufeff`, 'the vote was stolen'],
    ['a soft hyphen and bidi marks vanish', 'inde\u00adpendence \u200enow\u202c', 'independence now'],
    ['NFKC folds full-width letters', 'ＶＯＴＥ ｎｏｗ', 'vote now'],
    ['NFKC folds ligatures and superscripts', 'ﬁnal count²', 'final count2'],
    ['a leading "RT @x:" goes', 'RT @kanaky_news: the vote', 'the vote'],
    ['"ART" is text, not a retweet prefix', 'ART @gallery: the vote', 'art : the vote'],
    ['"RT @x:" later in the text is not a prefix', 'so RT @x: the vote', 'so rt : the vote'],
    ['a mention goes', 'thanks @someone for the vote', 'thanks for the vote'],
    ['an e-mail address stays', 'write to press@example.org now', 'write to press@example.org now'],
    ['links go', 'see https://bit.ly/abc and www.example.org/x here', 'see and here'],
    ['case and whitespace fold', '  The\n\tVOTE   now ', 'the vote now'],
  ])('%s', (_name, text, normal) => {
    expect(normaliseCoText(text)).toBe(normal);
  });

  it('the same text with different short links has one key', () => {
    expect(coTextKey(`${LONG} https://bit.ly/aaa`)).toBe(coTextKey(`${LONG} https://t.co/bbb`));
    expect(coTextKey(`${LONG} https://bit.ly/aaa`)).toBe(LONG);
  });

  it('a text under 30 characters after normalisation has no key', () => {
    expect(coTextKey('short text of twenty-nine ch.')).toBe('');
    expect(coTextKey('short text of exactly thirty c')).toBe('short text of exactly thirty c');
    expect(coTextKey('@a @b @c @d @e @f @g https://example.org/a/long/link')).toBe('');
  });
});

describe('coLinkKey (casefile-url-1)', () => {
  it.each([
    ['tracking parameters go, others are sorted', 'https://www.Example.org/a?utm_source=x&b=2&a=1&fbclid=z', 'example.org/a?a=1&b=2'],
    ['http and https alike, fragment dropped', 'http://example.org/a#top', 'example.org/a'],
    ['a lone trailing slash dropped', 'https://example.org/', 'example.org'],
    ['different short links stay different', 'https://bit.ly/aaa', 'bit.ly/aaa'],
    ['not a URL: no key', 'not a url', ''],
    ['empty: no key', '', ''],
    ['not http: no key', 'mailto:a@example.org', ''],
  ])('%s', (_name, url, key) => {
    expect(coLinkKey(url)).toBe(key);
  });
});

describe('hashtagSetKey', () => {
  it('sorts, folds and deduplicates; fewer than 3 distinct tags make no key', () => {
    expect(hashtagSetKey(['Kanaky', '#vote', 'ＦＲＥＥ'])).toBe('free kanaky vote');
    expect(hashtagSetKey(['vote', 'Vote', 'kanaky'])).toBe('');
    expect(hashtagSetKey([])).toBe('');
  });
});
