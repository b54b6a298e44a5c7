import { describe, expect, it } from 'vitest';
import { createPseudonymiser, type PrivateAccount } from './pseudonymise.ts';

const member: PrivateAccount = {
  platformId: '42',
  handle: 'jane_doe',
  displayName: 'Jane Doe',
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
