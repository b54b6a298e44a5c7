import { describe, expect, it } from 'vitest';
import { accountIdentity, accountPageIds, caseAccounts, dossierPageLabel, profileLabel, type AccountRef } from './account-names.ts';
import type { AccountSummary } from './model.ts';
import type { ContentEntry } from '../content/project.ts';
import { createUrls } from '../content/urls.ts';
import { chartId } from '../markdown/chart-parse.ts';
import { AccountSchema, type Account } from '../schema/index.ts';

const tg = (authorId: string, handle: string | null): AccountRef => ({ platform: 'telegram', authorId, handle });
const x = (authorId: string, handle: string | null, dossierId?: string): AccountRef => ({
  platform: 'x',
  authorId,
  handle,
  ...(dossierId ? { dossierId } : {}),
});

function pages(accounts: AccountRef[], dossiers: string[] = []): string[] {
  const pageId = accountPageIds(accounts, dossiers);
  return accounts.map(pageId);
}

describe('accountPageIds(accounts, dossierIds)', () => {
  it('gives two Cyrillic Telegram handles two pages, named by their platform ids', () => {
    expect(pages([tg('-1001', 'новости'), tg('-1002', 'мир')])).toEqual(['telegram/id--1001', 'telegram/id--1002']);
  });

  it('keeps a plain ASCII handle readable, in lower case', () => {
    expect(pages([x('100', 'Demo_Official'), x('200', 'a.b')])).toEqual(['x/demo_official', 'x/a.b']);
  });

  it('never lets a look-alike handle take a dossier page: zero-width, fullwidth, emoji and Arabic get their id page', () => {
    const found = pages(
      [x('1', 'esmirakhahil', 'x/esmirakhahil'), x('2', 'esmirakhahil\u200b'), x('3', 'ｅｓｍｉｒａｋｈａｈｉｌ'), x('4', '🌺'), x('5', 'مرحبا')],
      ['x/esmirakhahil'],
    );
    expect(found).toEqual(['x/esmirakhahil', 'x/id-2', 'x/id-3', 'x/id-4', 'x/id-5']);
    expect(new Set(found).size).toBe(found.length);
  });

  it('gives a dataset account whose handle names a dossier it does not match its id page', () => {
    expect(pages([x('999', 'esmirakhahil')], ['x/esmirakhahil'])).toEqual(['x/id-999']);
  });

  it('reads a handle as plain only from its first character: one that begins with a dot gets its id page', () => {
    expect(pages([x('7', '.dot'), x('8', '_under')])).toEqual(['x/id-7', 'x/_under']);
  });

  it('gives an account it was not given its id page, since no one checked its handle for a clash', () => {
    expect(accountPageIds([x('1', 'listed')], [])(x('2', 'unlisted'))).toBe('x/id-2');
  });

  it('gives two accounts holding one handle (in two cases of letters) their id pages, not one merged page', () => {
    expect(pages([x('1', 'Same'), x('2', 'same')])).toEqual(['x/id-1', 'x/id-2']);
  });

  it('writes ids file-safe and apart: `u.x` and `u-x`, upper and lower case, and a 300-character id', () => {
    const long = 'a'.repeat(300);
    const found = pages([x('u.x', null), x('u-x', null), x('U', null), x('u', null), x(long, null), x(`${long}b`, null)]);
    expect(found.slice(0, 4)).toEqual(['x/id-u_2e_x', 'x/id-u-x', 'x/id-_55_', 'x/id-u']);
    expect(new Set(found).size).toBe(6);
    for (const page of found) expect(Buffer.byteLength(page.split('/')[1]!)).toBeLessThanOrEqual(200);
  });
});

describe('chartId(heatmap spec)', () => {
  it('differs for accounts `u.x` and `u-x`', () => {
    expect(chartId({ kind: 'heatmap', account: 'u.x' })).not.toBe(chartId({ kind: 'heatmap', account: 'u-x' }));
  });

  it('fits a file name for a 300-character account id', () => {
    expect(Buffer.byteLength(chartId({ kind: 'heatmap', account: 'é'.repeat(300) }))).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(chartId({ kind: 'timeline', hashtag: 'é'.repeat(300), bin: 'day' }))).toBeLessThanOrEqual(200);
  });
});

describe('profileLabel(dataset account)', () => {
  it('names bidi controls, zero-width characters and NUL in handles and names', () => {
    expect(profileLabel({ handle: 'admin\u202Egnp.exe', name: undefined, authorId: '1' }).label).toBe('@admin⟨U+202E⟩gnp.exe');
    expect(profileLabel({ handle: 'esmirakhahil\u200B', name: undefined, authorId: '2' }).label).toBe('@esmirakhahil⟨U+200B⟩');
    expect(profileLabel({ handle: null, name: 'A\u0000B\u2066', authorId: '3' }).label).toBe('A⟨U+0000⟩B⟨U+2066⟩');
  });
  it('leaves ordinary text in any script alone', () => {
    expect(profileLabel({ handle: 'новости', name: undefined, authorId: '4' }).label).toBe('@новости');
  });
});

describe('caseAccounts(accounts, dossiers, topAccounts, urls): what the report calls each account and which get a page', () => {
  const dossier = (id: string, data: Partial<Account>): ContentEntry<Account> => ({
    id,
    file: `content/accounts/${id}.md`,
    data: AccountSchema.parse({ platform: 'x', handle: null, displayName: id, subject: 'official', ...data }),
    body: '',
    bodyLineOffset: 0,
    locate: () => undefined,
  });
  const dossiers = new Map([
    dossier('x/officiel', { handle: 'Officiel', displayName: 'Haut-commissariat' }),
    dossier('x/person-a', { handle: 'secret_handle', displayName: 'Secret Name', subject: 'private', pseudonym: 'Person A' }),
    dossier('x/silent', { displayName: 'Silent Office' }),
  ].map((d) => [d.id, d]));
  const summary = (authorId: string, handle: string | null, more: Partial<AccountSummary> = {}): AccountSummary => ({
    authorId, platform: 'x', handle, total: 1, byKind: { post: 1, repost: 0, quote: 0, reply: 0 }, first: 0, last: 0, activeDays: 1, ...more,
  });
  // Most active first, as in the model.
  const accounts = [
    summary('11', 'Officiel', { dossierId: 'x/officiel' }),
    summary('22', 'Busy'),
    summary('33', 'secret_handle', { dossierId: 'x/person-a' }),
    summary('44', null, { name: 'Nameless Page' }),
    summary('5555555555555555', null),
  ];
  const urls = createUrls('/base/');

  it('labels a dossier account by its dossier, a private one by its pseudonym, both under the author id and the dossier id, with their pages', () => {
    const { labels } = caseAccounts(accounts, dossiers, 2, urls);
    // A dossier's words are the project's language (English), which a page in another marks.
    const officiel = { label: 'Haut-commissariat (@Officiel)', handle: 'Officiel', pseudonymised: false, lang: 'en', href: '/base/accounts/x/officiel/' };
    const personA = { label: 'Person A', handle: null, pseudonymised: true, lang: 'en', href: '/base/accounts/x/person-a/' };
    expect(labels.get('11')).toStrictEqual(officiel);
    expect(labels.get('x/officiel')).toStrictEqual(officiel);
    expect(labels.get('33')).toStrictEqual(personA);
    expect(labels.get('x/person-a')).toStrictEqual(personA);
  });

  it('gives a page to every dossier account and to the topAccounts most active, and only a label to the others', () => {
    const { labels, pageIds, pageId } = caseAccounts(accounts, dossiers, 2, urls);
    expect(pageIds).toEqual(['x/officiel', 'x/busy', 'x/person-a']);
    expect(labels.get('22')).toStrictEqual({ label: '@Busy', handle: 'Busy', pseudonymised: false, href: '/base/accounts/x/busy/' });
    expect(labels.get('44')).toStrictEqual({ label: 'Nameless Page', handle: null, pseudonymised: false });
    // A handle and a name from the data have no language of the project's; the stand-in for a nameless account has.
    expect(labels.get('5555555555555555')).toStrictEqual({ label: 'account 555555555555', handle: null, pseudonymised: true, lang: 'en' });
    expect(pageId(accounts[3]!)).toBe('x/id-44');
    expect(caseAccounts(accounts, dossiers, 0, urls).pageIds).toEqual(['x/officiel', 'x/person-a']);
    expect(caseAccounts(accounts, dossiers, 1, urls).pageIds).toEqual(['x/officiel', 'x/person-a']);
    expect(caseAccounts(accounts, dossiers, 3, urls).pageIds).toEqual(['x/officiel', 'x/busy', 'x/person-a']);
    expect(caseAccounts(accounts, dossiers, 5, urls).pageIds).toEqual(['x/officiel', 'x/busy', 'x/person-a', 'x/id-44', 'x/id-5555555555555555']);
  });

  it('labels a dossier with no posts in the case too, linking to its page, for :account[…] in the prose', () => {
    const { labels } = caseAccounts(accounts, dossiers, 2, urls);
    expect(labels.get('x/silent')).toStrictEqual({ label: 'Silent Office', handle: null, pseudonymised: false, lang: 'en', href: '/base/accounts/x/silent/' });
    expect(dossierPageLabel(dossiers.get('x/person-a')!, urls)).toStrictEqual({ label: 'Person A', handle: null, pseudonymised: true, lang: 'en', href: '/base/accounts/x/person-a/' });
    expect([...labels.keys()].sort()).toEqual(['11', '22', '33', '44', '5555555555555555', 'x/officiel', 'x/person-a', 'x/silent']);
  });

  it('names an account by its platform and platform id, never by its handle', () => {
    expect(accountIdentity({ platform: 'telegram', authorId: '-1001' })).toBe('telegram/-1001');
  });
});
