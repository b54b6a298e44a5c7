import { describe, expect, it } from 'vitest';
import type { Account } from '../schema/index.ts';
import { createPseudonymiser, privateAccounts, type PrivateAccount } from './pseudonymise.ts';

const member: PrivateAccount = {
  dossierId: 'x/party-member-a',
  platformIds: ['42'],
  handles: ['jane_doe'],
  displayNames: ['Jane Doe'],
  postIds: ['1790000000000000007'],
  pseudonym: 'Party member A',
  pseudoId: 'pseudonymised-x-party-member-a',
};

const line = (post: object) => JSON.stringify({ platform: 'x', createdAt: '2024-05-16T09:00:00Z', kind: 'post', ...post });

describe('createPseudonymiser(accounts).post(line)', () => {
  it('replaces a private author with the pseudonym and drops addresses that carry the handle', () => {
    const out = JSON.parse(
      createPseudonymiser([member]).post(
        line({ id: '1', author: { id: '42', handle: 'jane_doe', name: 'Jane Doe' }, text: 'Hello', url: 'https://x.com/jane_doe/status/1', archives: [{ url: 'https://web.archive.org/web/2024/https://x.com/jane_doe/status/1' }] }),
      ),
    );
    expect(out.author).toEqual({ id: 'pseudonymised-x-party-member-a', handle: null, name: 'Party member A' });
    expect(out.url).toBeUndefined();
    expect(out.archives).toEqual([]);
    expect(JSON.stringify(out)).not.toMatch(/jane|doe|"42"/i);
  });

  it('rewrites references, mentions and names in other people\'s posts', () => {
    const out = JSON.parse(
      createPseudonymiser([member]).post(
        line({ id: '2', author: { id: '7', handle: 'someone' }, text: 'RT @Jane_Doe: Jane Doe says', kind: 'repost', ref: { id: '1', authorId: '42' }, mentions: ['jane_doe'] }),
      ),
    );
    expect(out.text).toBe('RT @[Party member A]: [Party member A] says');
    expect(out.ref.authorId).toBe('pseudonymised-x-party-member-a');
    expect(out.mentions).toEqual(['[Party member A]']);
    expect(out.author).toEqual({ id: '7', handle: 'someone' });
  });

  it("replaces the status id of the person's post cited by its address in someone else's text, without a ref, by its stand-in", () => {
    const p = createPseudonymiser([member]);
    const text = 'see https://x.com/Jane_Doe/status/1790000000000000001?s=20, twitter.com/jane_doe/status/1790000000000000002. And x.com/other/status/55';
    const out = JSON.parse(p.post(line({ id: '5', author: { id: '7', handle: 'someone' }, text, urls: ['https://x.com/Jane_Doe/status/1790000000000000001'] })));
    expect(out.text).toBe(
      `see https://x.com/[Party member A]/status/${p.postId('1790000000000000001', '42')}?s=20, twitter.com/[Party member A]/status/${p.postId('1790000000000000002', '42')}. And x.com/other/status/55`,
    );
    expect(out.urls).toEqual([]);
    // The person's own post, released, carries the same stand-in.
    expect(JSON.parse(p.post(line({ id: '1790000000000000001', author: { id: '42' }, text: 'x' }))).id).toBe(p.postId('1790000000000000001', '42'));
  });

  it("replaces the id in a link to one of the person's posts that names no handle (x.com/i/status, twitter.com/i/web/status, mobile, ?s=)", () => {
    const p = createPseudonymiser([member]);
    const standIn = p.postId('1790000000000000007', '42');
    const links = [
      'https://x.com/i/status/1790000000000000007',
      'https://twitter.com/i/web/status/1790000000000000007?s=20',
      'https://mobile.twitter.com/i/status/1790000000000000007?s=46&t=abc',
      // X finds a post by its id whatever handle the address names.
      'https://x.com/someone/status/1790000000000000007',
    ];
    const out = JSON.parse(p.post(line({ id: '6', author: { id: '7', handle: 'someone' }, text: `look ${links.join(' and ')}`, urls: links })));
    expect(out.text).toBe(
      `look https://x.com/i/status/${standIn} and https://twitter.com/i/web/status/${standIn}?s=20 and https://mobile.twitter.com/i/status/${standIn}?s=46&t=abc and https://x.com/someone/status/${standIn}`,
    );
    expect(out.urls).toEqual([]);
    // Someone else's post, and a longer id that only starts with the person's, keep their addresses.
    const others = 'https://x.com/i/status/55 https://x.com/i/web/status/17900000000000000071';
    expect(p.text(others)).toBe(others);
    expect(p.text('x.com/i/status/1790000000000000007')).toBe(`x.com/i/status/${standIn}`);
  });

  it('finds a private author by handle in any letter case when the platform id differs', () => {
    const out = JSON.parse(createPseudonymiser([member]).post(line({ id: '4', author: { id: '999', handle: 'JANE_Doe' }, text: 'Hi' })));
    expect(out.author).toEqual({ id: 'pseudonymised-x-party-member-a', handle: null, name: 'Party member A' });
  });

  it('leaves every line byte for byte when no account is private', () => {
    const original = line({ id: '3', author: { id: '7' }, text: 'x' });
    const p = createPseudonymiser([]);
    expect(p.active).toBe(false);
    expect(p.post(original)).toBe(original);
  });
});

describe('privateAccounts(dossiers, seen)', () => {
  it("collects each person's post ids from every case's model, so a link by id alone is recognised", () => {
    const dossier = { id: 'x/member-a', data: { platform: 'x', handle: null, platformId: '42', displayName: 'A member', subject: 'private', pseudonym: 'Member A' } as unknown as Account };
    const accounts = privateAccounts([dossier], [], [{ 'x/member-a': ['11', '12'], 'x/public': ['13'] }, { 'x/member-a': ['14'] }]);
    expect(accounts.map((a) => a.postIds)).toEqual([['11', '12', '14']]);
    const p = createPseudonymiser(accounts);
    expect(p.text('x.com/i/status/14 x.com/i/status/13')).toBe(`x.com/i/status/${p.postId('14', '42')} x.com/i/status/13`);
  });


  it('takes the handle from the data when the dossier records none, and scrubs it from other people\'s reposts', () => {
    const dossier = { id: 'x/member-a', data: { platform: 'x', handle: null, platformId: '42', displayName: 'A member', subject: 'private', pseudonym: 'Member A' } as unknown as Account };
    const accounts = privateAccounts([dossier], [
      { dossierId: 'x/member-a', authorId: '42', handle: 'JaneDoe77', name: 'Jane D.' },
      { authorId: '7', handle: 'someone' },
    ]);
    expect(accounts.map((a) => [a.platformIds, a.handles, a.displayNames])).toEqual([[['42'], ['JaneDoe77'], ['A member', 'Jane D.']]]);
    const out = JSON.parse(createPseudonymiser(accounts).post(line({ id: '9', author: { id: '7', handle: 'someone' }, kind: 'repost', text: 'RT @janedoe77: Jane D. was right', ref: { id: '1', authorId: '42' } })));
    expect(out.text).toBe('RT @[Member A]: [Member A] was right');
  });
});
