import { describe, expect, it } from 'vitest';
import type { Account } from '../schema/index.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { createPseudonymiser, decidePrivacy, privateAccounts, type PrivateAccount } from './pseudonymise.ts';

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
    const original = '{"id": "3", "author": {"id": "7"}, "text": "x"}';
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

describe('privateAccounts(dossiers, seen, postIds)', () => {
  const dossier = (id: string, data: Partial<Account>) => ({
    id,
    data: { platform: 'x', handle: null, displayName: 'A member', subject: 'private', pseudonym: 'Member A', ...data } as unknown as Account,
  });

  it('keeps only subject: private dossiers, with what the dossier records and an ASCII stand-in id from the dossier id', () => {
    const accounts = privateAccounts([
      dossier('telegram/новости.2', { platform: 'telegram', handle: 'novosti_2', platformId: '1001' } as Partial<Account>),
      dossier('x/member-b', {}),
      dossier('x/official', { subject: 'official', handle: 'official' } as Partial<Account>),
    ]);
    expect(accounts).toEqual([
      { dossierId: 'telegram/новости.2', platformIds: ['1001'], handles: ['novosti_2'], displayNames: ['A member'], postIds: [], pseudonym: 'Member A', pseudoId: 'pseudonymised-telegram-2' },
      { dossierId: 'x/member-b', platformIds: [], handles: [], displayNames: ['A member'], postIds: [], pseudonym: 'Member A', pseudoId: 'pseudonymised-x-member-b' },
    ]);
  });

  it('adds what the data shows of each person once, whatever its letter case, and nothing of authors matched to no private dossier', () => {
    const accounts = privateAccounts(
      [dossier('x/member-a', { handle: 'jane_doe', platformId: '42' } as Partial<Account>)],
      [
        { dossierId: 'x/member-a', authorId: '42', handle: 'JANE_DOE', name: 'A MEMBER' },
        { dossierId: 'x/member-a', authorId: '43', handle: 'jane_doe2' },
        { dossierId: 'x/official', authorId: '7', handle: 'official', name: 'Official' },
        { authorId: '8', handle: 'someone' },
      ],
    );
    expect(accounts.map((a) => [a.platformIds, a.handles, a.displayNames])).toEqual([[['42', '43'], ['jane_doe', 'jane_doe2'], ['A member']]]);
  });
});

describe('createPseudonymiser(accounts): ids, text and cards', () => {
  it('is active only when someone is private, and passes a blank line through', () => {
    const p = createPseudonymiser([member]);
    expect(p.active).toBe(true);
    expect([p.post(''), p.post('  ')]).toEqual(['', '  ']);
  });

  it('gives a private post a stand-in id: the pseudonymous id and 12 hex digits, one per post, the same whatever order the person\'s ids come in', () => {
    const p = createPseudonymiser([member]);
    expect(p.postId('1', '42')).toMatch(/^pseudonymised-x-party-member-a-post-[0-9a-f]{12}$/);
    expect(p.postId('1', '42')).not.toBe(p.postId('2', '42'));
    expect(p.postId('1', '7')).toBe('1');
    expect(p.postId('1')).toBe('1');
    const both = createPseudonymiser([{ ...member, platformIds: ['42', '43'] }]);
    expect(createPseudonymiser([{ ...member, platformIds: ['43', '42'] }]).postId('1', '42')).toBe(both.postId('1', '43'));
    // Keyed by the person's real ids, never published, so a reader cannot recompute it from a guessed status id.
    expect(createPseudonymiser([{ ...member, platformIds: ['44'] }]).postId('1', '44')).not.toBe(p.postId('1', '42'));
  });

  it('publishes a private person\'s account id as the pseudonymous id and every other id as it is', () => {
    const p = createPseudonymiser([member]);
    expect([p.accountId('42'), p.accountId('7')]).toEqual(['pseudonymised-x-party-member-a', '7']);
  });

  it('replaces a name before a handle it contains, so no part of the name is left', () => {
    const p = createPseudonymiser([{ ...member, handles: ['jane'], displayNames: ['Jane Doe'] }]);
    expect(p.text('Jane Doe says hi to @jane')).toBe('[Party member A] says hi to @[Party member A]');
  });

  it('replaces a name or handle where it stands on its own, never inside other words', () => {
    const p = createPseudonymiser([{ ...member, handles: ['jane'], displayNames: ['B'] }]);
    expect(p.text('Plan B: member b-roll, RT @jane: jane_doe and janes are others; (jane) x.com/JANE/status/9'))
      .toBe(`Plan [Party member A]: member [Party member A]-roll, RT @[Party member A]: jane_doe and janes are others; ([Party member A]) x.com/[Party member A]/status/${p.postId('9', '42')}`);
    expect(p.text('mary_jane at the Club')).toBe('mary_jane at the Club');
    const cyrillic = createPseudonymiser([{ ...member, handles: [], displayNames: ['Иван'] }]);
    expect(cyrillic.text('Иван и Иванов')).toBe('[Party member A] и Иванов');
  });

  it('replaces a name that begins or ends with an emoji even right against other words: the edge is asked for on a letter only', () => {
    const p = createPseudonymiser([{ ...member, handles: [], displayNames: ['🌺Marie', 'Luc ✨'] }]);
    expect(p.text('merci🌺Marie et Luc ✨bonjour')).toBe('merci[Party member A] et [Party member A]bonjour');
  });

  it('replaces a name in a script written without spaces wherever it appears', () => {
    const p = createPseudonymiser([{ ...member, handles: [], displayNames: ['王芳'] }]);
    expect(p.text('我是王芳的朋友')).toBe('我是[Party member A]的朋友');
  });

  it('replaces the post ids in addresses of every private person, and leaves addresses alone when no handle is known', () => {
    const other: PrivateAccount = { ...member, dossierId: 'x/b', platformIds: ['50'], handles: ['bob_b'], displayNames: ['Bob Brown'], postIds: [], pseudonym: 'Member B', pseudoId: 'pseudonymised-x-b' };
    const p = createPseudonymiser([member, other]);
    expect(p.text('t.me/jane_doe/5 and x.com/bob_b/status/6')).toBe(`t.me/[Party member A]/${p.postId('5', '42')} and x.com/[Member B]/status/${p.postId('6', '50')}`);
    const nameless = createPseudonymiser([{ ...member, handles: [], postIds: [] }]);
    expect(nameless.text('see https://x.com/someone/status/5, undefined behaviour')).toBe('see https://x.com/someone/status/5, undefined behaviour');
  });

  it('drops the media addresses and links of a private author\'s post, and keeps other people\'s links that do not lead to the person', () => {
    const p = createPseudonymiser([member]);
    const own = JSON.parse(p.post(line({ id: '1', author: { id: '42' }, text: 'x', urls: ['https://example.org/a'], media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg', sha256: 'a'.repeat(64) }] })));
    expect([own.urls, own.media]).toEqual([[], [{ type: 'photo', sha256: 'a'.repeat(64) }]]);
    const others = JSON.parse(p.post(line({ id: '2', author: { id: '7' }, text: 'x', urls: ['https://example.org/a', 'https://x.com/jane_doe/status/1'], media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/b.jpg' }] })));
    expect([others.urls, others.media]).toEqual([['https://example.org/a'], [{ type: 'photo', url: 'https://pbs.twimg.com/media/b.jpg' }]]);
  });

  it('keeps a reference to someone else as it is, and gives a reference to the person, cited by its id in the text, the stand-in', () => {
    const p = createPseudonymiser([member]);
    const publicRef = JSON.parse(p.post(line({ id: '3', author: { id: '7' }, kind: 'reply', text: 'yes 99', ref: { id: '99', authorId: '8' } })));
    expect([publicRef.ref, publicRef.text]).toEqual([{ id: '99', authorId: '8' }, 'yes 99']);
    const privateRef = JSON.parse(p.post(line({ id: '4', author: { id: '7' }, kind: 'quote', text: 'quoting 1790000000000000009', ref: { id: '1790000000000000009', authorId: '42' } })));
    const standIn = p.postId('1790000000000000009', '42');
    expect([privateRef.ref, privateRef.text]).toEqual([{ id: standIn, authorId: 'pseudonymised-x-party-member-a' }, `quoting ${standIn}`]);
  });
});

describe('createPseudonymiser(accounts).card(post)', () => {
  const post = (extra: Partial<NormalisedPost>): NormalisedPost => ({
    id: '1', platform: 'x', authorId: '7', handle: 'someone', time: 0, precision: 'second', kind: 'post', tags: [], text: 'Hello', mediaHashes: [],
    archives: [{ url: 'https://web.archive.org/web/2024/x' }], url: 'https://x.com/someone/status/1', dataset: 'posts', line: 1, ...extra,
  });

  it('shows a private author\'s post under the pseudonym and a stand-in id, without addresses, the author id kept for the page to look the label up', () => {
    const p = createPseudonymiser([member]);
    const card = p.card(post({ id: '5', authorId: '42', handle: 'jane_doe', name: 'Jane Doe', text: 'I am Jane Doe', url: 'https://x.com/jane_doe/status/5' }));
    expect(card).toEqual({ ...post({}), id: p.postId('5', '42'), authorId: '42', handle: null, name: 'Party member A', text: 'I am [Party member A]', archives: [], url: undefined });
    expect('url' in card).toBe(false);
  });

  it('shows someone else\'s post as it is, unless it answers the person: then the reference and the id cited take the stand-in', () => {
    const p = createPseudonymiser([member]);
    expect(p.card(post({}))).toStrictEqual(post({}));
    expect(p.card(post({ kind: 'reply', refId: '99', refAuthorId: '8', text: 'about 99' }))).toEqual(post({ kind: 'reply', refId: '99', refAuthorId: '8', text: 'about 99' }));
    expect(p.card(post({ kind: 'reply', refId: '99', text: 'about 99' }))).toEqual(post({ kind: 'reply', refId: '99', text: 'about 99' }));
    const standIn = p.postId('6', '42');
    expect(p.card(post({ kind: 'reply', refId: '6', refAuthorId: '42', text: 're 6: @jane_doe' }))).toEqual(post({ kind: 'reply', refId: standIn, refAuthorId: '42', text: `re ${standIn}: @[Party member A]` }));
    // The person replying to their own post: both ids take stand-ins.
    const own = p.card(post({ id: '7', authorId: '42', kind: 'reply', refId: '6', refAuthorId: '42', text: 're 6' }));
    expect([own.id, own.refId, own.text]).toEqual([p.postId('7', '42'), standIn, `re ${standIn}`]);
  });
});

describe('decidePrivacy(dossiers, seen, postIds)', () => {
  it('is the pseudonymiser of the private people it finds, with the people listed', () => {
    const dossier = { id: 'x/member-a', data: { platform: 'x', handle: 'jane_doe', platformId: '42', displayName: 'Jane Doe', subject: 'private', pseudonym: 'Member A' } as unknown as Account };
    const privacy = decidePrivacy([dossier], [], [{ 'x/member-a': ['5'] }]);
    expect(privacy.people.map((p) => [p.dossierId, p.postIds])).toEqual([['x/member-a', ['5']]]);
    expect([privacy.active, privacy.accountId('42'), privacy.text('hi @jane_doe')]).toEqual([true, 'pseudonymised-x-member-a', 'hi @[Member A]']);
  });
});
