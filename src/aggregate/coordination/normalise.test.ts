import fc from 'fast-check';
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
    ['a leading "RT @x:" goes when no space follows it too', 'RT @kanaky_news:the vote', 'the vote'],
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

  it('counts characters, not UTF-16 units: 29 emoji (58 units) have no key, 30 have one', () => {
    expect(coTextKey('🌊'.repeat(29))).toBe('');
    expect(coTextKey('🌊'.repeat(30))).toBe('🌊'.repeat(30));
    expect(coTextKey(`${'🌊'.repeat(14)}${'x'.repeat(15)}`)).toBe('');
    expect(coTextKey(`${'🌊'.repeat(15)}${'x'.repeat(15)}`)).toBe(`${'🌊'.repeat(15)}${'x'.repeat(15)}`);
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
    ['not http, even with a host: no key', 'ftp://example.org/a', ''],
    ['only whole tracking names go: "ids" and "mys" are not "s"', 'https://example.org/a?s=1&ids=7&mys=2&xfeature=3', 'example.org/a?ids=7&mys=2&xfeature=3'],
    ['one parameter given twice, sorted by value', 'https://example.org/a?b=2&a=9&a=1', 'example.org/a?a=1&a=9&b=2'],
  ])('%s', (_name, url, key) => {
    expect(coLinkKey(url)).toBe(key);
  });
});

describe('hashtagSetKey', () => {
  it('sorts, folds and deduplicates; fewer than 3 distinct tags make no key', () => {
    expect(hashtagSetKey(['Kanaky', '#vote', 'ＦＲＥＥ'])).toBe('free kanaky vote');
    expect(hashtagSetKey(['vote', 'Vote', 'kanaky'])).toBe('');
    expect(hashtagSetKey([])).toBe('');
    expect(hashtagSetKey(['vo\u200bte', '#kanaky', 'free\u00ad'])).toBe('free kanaky vote');
  });
});

describe('normaliseCoText skips only steps that cannot change a text', () => {
  // casefile-text-1 as defined: every step on every text.
  const reference = (text: string): string => text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/^rt @[\p{L}\p{N}_.]+:?\s*/iu, '')
    .replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ')
    .replace(/(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_]+/gu, ' ')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
  const pieces = ['RT @x: ', 'rt @y ', '@who', 'a@b.org', 'https://t.co/x', 'HTTP://A.B', 'WWW.site.org', 'www', '://', 'word', ' ', '\n', '\u200b', '\ufeff', 'ｆｕｌｌ', 'ﬁ', 'É', 'Ａ@b', 'x'];
  it('gives what every step would give', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      expect(normaliseCoText(text)).toBe(reference(text));
    }), { numRuns: 2000 });
  });
});
