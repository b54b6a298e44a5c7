import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  aliasAnchors,
  AnchorsLockSchema,
  collectAnchors,
  compareWithLock,
  RedirectsSchema,
  serializeLock,
  updateLock,
  type AnchorsLock,
} from './anchors-lock.ts';

const dist = fileURLToPath(new URL('../../test/fixtures/cite/site', import.meta.url));

const lock: AnchorsLock = {
  pages: {
    '/accounts/x/esmirakhahil/': [],
    '/cases/new-caledonia/': ['montage', 'peak'],
  },
  aliases: {},
};

describe('collectAnchors(distDir)', () => {
  it('finds marked pages and the ids of marked elements, sorted and once each', async () => {
    expect(await collectAnchors(dist)).toEqual({
      '/accounts/x/esmirakhahil/': [],
      '/cases/new-caledonia/': ['first-post', 'montage', 'peak'],
    });
  });
});

describe('compareWithLock(lock, built, redirects)', () => {
  const built = {
    '/accounts/x/esmirakhahil/': [],
    '/cases/new-caledonia/': ['first-post', 'montage', 'peak'],
  };

  it('accepts a build that keeps every locked address', () => {
    expect(compareWithLock(lock, built, [])).toEqual([]);
  });

  it('names a removed finding anchor and says how to keep it', () => {
    const [problem, ...rest] = compareWithLock(lock, { ...built, '/cases/new-caledonia/': ['first-post', 'peak'] }, []);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'anchors.lock.json',
      severity: 'error',
      ruleId: 'anchors/removed',
      actual: '/cases/new-caledonia/#montage',
    });
    expect(problem!.message).toContain('`/cases/new-caledonia/#montage`');
    expect(problem!.hint).toContain('aliases["/cases/new-caledonia/"]');
  });

  it('names a removed page and points to redirects.json', () => {
    const [problem] = compareWithLock(lock, { '/cases/new-caledonia/': built['/cases/new-caledonia/'] }, []);
    expect(problem).toMatchObject({ ruleId: 'anchors/removed', actual: '/accounts/x/esmirakhahil/' });
    expect(problem!.hint).toContain('redirects.json');
  });

  it('accepts a removed page that a redirect covers', () => {
    const redirects = [{ from: '/accounts/x/esmirakhahil/', to: '/accounts/x/esmira-khahil/' }];
    expect(compareWithLock(lock, { '/cases/new-caledonia/': built['/cases/new-caledonia/'] }, redirects)).toEqual([]);
  });
});

describe('updateLock(lock, built)', () => {
  it('adds new pages and anchors and never removes one', () => {
    const next = updateLock(lock, { '/cases/new-caledonia/': ['first-post'], '/entities/yap/': [] });
    expect(next.pages).toEqual({
      '/accounts/x/esmirakhahil/': [],
      '/cases/new-caledonia/': ['first-post', 'montage', 'peak'],
      '/entities/yap/': [],
    });
  });
});

describe('serializeLock(lock)', () => {
  it('writes sorted keys that the schema reads back', () => {
    const text = serializeLock({ pages: { '/b/': ['y', 'x'], '/a/': [] }, aliases: { '/b/': { old: 'x' } } });
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).pages)).toEqual(['/a/', '/b/']);
    expect(AnchorsLockSchema.parse(JSON.parse(text)).aliases).toEqual({ '/b/': { old: 'x' } });
  });
});

describe('aliasAnchors(lock, page)', () => {
  it('lists the retired anchors a page must still render', () => {
    const aliased = { ...lock, aliases: { '/cases/new-caledonia/': { 'viral-video': 'montage', 'a-peak': 'peak' } } };
    expect(aliasAnchors(aliased, '/cases/new-caledonia/')).toEqual([
      { id: 'a-peak', target: 'peak' },
      { id: 'viral-video', target: 'montage' },
    ]);
    expect(aliasAnchors(aliased, '/other/')).toEqual([]);
  });
});

describe('RedirectsSchema', () => {
  it('rejects a redirect from an anchor, which no server ever sees', () => {
    expect(RedirectsSchema.safeParse([{ from: '/cases/x/#montage', to: '/cases/y/' }]).success).toBe(false);
    expect(RedirectsSchema.safeParse([{ from: '/cases/x/', to: '/cases/y/#montage' }]).success).toBe(true);
  });
});
