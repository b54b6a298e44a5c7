import { describe, expect, it } from 'vitest';
import { DataFilePathSchema, fileSafeId, PagePathSchema, SiteTargetSchema } from './site-path.ts';

describe('PagePathSchema', () => {
  it.each(['/', '/cases/x/', '/accounts/x/esmirakhahil/', '/old.html', '/cases/%C3%A9t%C3%A9/'])('accepts %s', (p) => {
    expect(PagePathSchema.safeParse(p).success).toBe(true);
  });
  it.each([
    '/../../../X.html',
    '/cases/../../X/',
    '/cases/%2e%2e/x/',
    '/cases/%2E%2e/',
    '/a%2fb/',
    '//evil.example/',
    '/a\\..\\b/',
    'cases/x/',
    '/cases/x/#a',
    '/a\u202eb/',
    '/a\u0000b/',
    `/${'a'.repeat(201)}/`,
  ])('refuses %j', (p) => {
    expect(PagePathSchema.safeParse(p).success).toBe(false);
  });
});

describe('SiteTargetSchema', () => {
  it.each(['/', '/cases/new/', '/cases/new/#montage'])('accepts %s', (p) => {
    expect(SiteTargetSchema.safeParse(p).success).toBe(true);
  });
  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example/', '/../x/', 'javascript:alert(1)', '/a/#b c'])('refuses %j', (p) => {
    expect(SiteTargetSchema.safeParse(p).success).toBe(false);
  });
});

describe('DataFilePathSchema', () => {
  it.each(['posts.ndjson', 'raw/posts.json', 'a_b-c.d.csv'])('accepts %s', (p) => {
    expect(DataFilePathSchema.safeParse(p).success).toBe(true);
  });
  it.each(['.', './', '..', '../x', 'a/./b', '/etc/passwd', 'a//b', '', `${'a'.repeat(201)}.csv`])('refuses %j', (p) => {
    expect(DataFilePathSchema.safeParse(p).success).toBe(false);
  });
});

describe('fileSafeId(id)', () => {
  it('keeps lower-case ASCII ids as they are and writes every other character apart', () => {
    expect(fileSafeId('1001-abc')).toBe('1001-abc');
    expect(['u.x', 'u-x', 'u_x', 'U-x', 'u/x'].map(fileSafeId)).toEqual(['u_2e_x', 'u-x', 'u_5f_x', '_55_-x', 'u_2f_x']);
  });
  it('cuts a long id to a name that fits, still apart from its neighbours', () => {
    const a = fileSafeId('я'.repeat(300));
    const b = fileSafeId(`${'я'.repeat(300)}!`);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(120);
  });
});
