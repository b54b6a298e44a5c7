import { describe, expect, it } from 'vitest';
import { accountPageIds, profileLabel, type AccountRef } from './account-names.ts';
import { chartId } from '../markdown/chart-parse.ts';

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
