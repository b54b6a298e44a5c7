import { describe, expect, it } from 'vitest';
import type { RawPost } from './is-post.ts';
import { fieldsOf, foldTag, postNormaliser, tagNormaliser } from './normalise-post.ts';

const origin = { dataset: 'posts', file: 'data/demo/posts/posts.ndjson', line: 7 };

const raw = (extra: Partial<RawPost> = {}): RawPost => ({
  id: '1',
  platform: 'x',
  author: { id: '100', handle: 'demo_official', name: 'Demo Official' },
  createdAt: '2024-05-16T09:00:00+04:00',
  text: 'First #DemoTag',
  kind: 'post',
  ...extra,
}) as RawPost;

describe('tagNormaliser(hashtags)', () => {
  it('foldTag(tag) strips leading # (not one inside or after the tag), composes to NFC and lower-cases', () => {
    expect(foldTag('##KanakY')).toBe('kanaky');
    expect(foldTag('Cafe\u0301')).toBe('café');
    expect(foldTag('C#')).toBe('c#');
  });

  it('tagNormaliser(hashtags) maps a tag and its aliases, in any case, to the tag as the case spells it', () => {
    const normalise = tagNormaliser([{ tag: 'RecognizeNewCaledonia', aliases: ['RecognizeNewCalendonia'] }]);
    expect(['#recognizenewcaledonia', 'RECOGNIZENEWCALENDONIA', 'Other'].map(normalise)).toEqual(['RecognizeNewCaledonia', 'RecognizeNewCaledonia', 'other']);
  });

  it('tagNormaliser(hashtags) lets a tracked tag win over another tag\'s alias of the same spelling, whatever the order', () => {
    const first = tagNormaliser([{ tag: 'Kanaky', aliases: [] }, { tag: 'KanakyNow', aliases: ['kanaky'] }]);
    const second = tagNormaliser([{ tag: 'KanakyNow', aliases: ['kanaky'] }, { tag: 'Kanaky', aliases: [] }]);
    expect([first('#KANAKY'), second('#KANAKY')]).toEqual(['Kanaky', 'Kanaky']);
  });
});

describe('postNormaliser(hashtags)(post, origin)', () => {
  // Made inside each test, not once for the file, so each test runs the normaliser's own code.
  const normaliser = () => postNormaliser([{ tag: 'DemoTag', aliases: ['DemoTagg'] }]);

  it('postNormaliser(hashtags) gives aggregation the post\'s fields, time in epoch ms and where it was read', () => {
    const normalise = normaliser();
    expect(normalise(raw({ hashtags: ['demotag', 'DemoTagg', 'Other', 'OTHER'], urls: ['https://example.org/a'], url: 'https://x.com/demo_official/status/1' }), origin)).toEqual({
      id: '1',
      platform: 'x',
      authorId: '100',
      handle: 'demo_official',
      name: 'Demo Official',
      time: Date.parse('2024-05-16T05:00:00Z'),
      precision: 'second',
      kind: 'post',
      tags: ['DemoTag', 'other'],
      text: 'First #DemoTag',
      mediaHashes: [],
      urls: ['https://example.org/a'],
      archives: [],
      dataset: 'posts',
      file: 'data/demo/posts/posts.ndjson',
      line: 7,
      url: 'https://x.com/demo_official/status/1',
    });
  });

  it('postNormaliser(hashtags) keeps a reference, availability, precision and media hashes, and a missing handle as null', () => {
    const normalise = normaliser();
    const post = normalise(
      raw({
        author: { id: '200' },
        kind: 'repost',
        ref: { id: '1', authorId: '100' },
        availability: { status: 'deleted', observedAt: '2024-06-01T00:00:00Z' },
        precision: 'minute',
        media: [{ type: 'photo', sha256: 'a'.repeat(64) }, { type: 'photo' }],
      } as Partial<RawPost>),
      origin,
    );
    expect([post.handle, post.refId, post.refAuthorId, post.availability, post.precision, post.mediaHashes, 'name' in post, 'url' in post]).toEqual([
      null, '1', '100', 'deleted', 'minute', ['a'.repeat(64)], false, false,
    ]);
    expect(normalise(raw({ ref: { id: '9' } } as Partial<RawPost>), origin)).not.toHaveProperty('refAuthorId');
  });

  it('postNormaliser(hashtags) drops a bare # (no tag) and gives a post without links or media empty lists', () => {
    const post = normaliser()(raw({ hashtags: ['#', '##', 'DemoTag'] }), origin);
    expect([post.tags, post.urls, post.mediaHashes, post.archives]).toEqual([['DemoTag'], [], [], []]);
  });

  it('postNormaliser(hashtags) keeps the language of the text when the export gives it, and adds none otherwise', () => {
    const normalise = normaliser();
    expect(normalise(raw({ lang: 'fr' } as Partial<RawPost>), origin).lang).toBe('fr');
    expect('lang' in normalise(raw(), origin)).toBe(false);
  });

  it('fieldsOf(post) reads what aggregation needs, with the given time or the post\'s own', () => {
    const fields = fieldsOf(raw({ hashtags: ['DemoTag'], ref: { id: '9', authorId: '8' } } as Partial<RawPost>));
    expect(fields).toEqual({
      id: '1', platform: 'x', authorId: '100', handle: 'demo_official', name: 'Demo Official', time: Date.parse('2024-05-16T05:00:00Z'),
      kind: 'post', refId: '9', refAuthorId: '8', text: 'First #DemoTag', hashtags: ['DemoTag'], mediaHashes: undefined,
    });
    expect(fieldsOf(raw({ author: { id: '3' } } as Partial<RawPost>), 42)).toMatchObject({ time: 42, handle: null });
  });
});
