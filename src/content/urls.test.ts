import { describe, expect, test } from 'vitest';
import { createUrls, DEFAULT_SITE_URL } from './urls.ts';

describe('createUrls(base, origin).absolute', () => {
  test('puts a site path, base included, on the site’s host', () => {
    const urls = createUrls('/reports/casefile/', 'https://example.org');
    expect(urls.absolute(urls.chartData('nc-2024', 'daily', 'csv'))).toBe('https://example.org/reports/casefile/cases/nc-2024/data/daily.csv');
  });

  test('does not repeat a base the configured address already ends in', () => {
    const urls = createUrls('/sub/', 'https://example.org/sub/');
    expect(urls.absolute(urls.caseReport('a'))).toBe('https://example.org/sub/cases/a/');
  });

  test('uses the default address when none is configured', () => {
    expect(createUrls().absolute('/cases/a/')).toBe(new URL('/cases/a/', DEFAULT_SITE_URL).href);
  });
});

describe('createUrls(…).inLanguage', () => {
  test('puts a translation’s case pages under its language, and keeps data, accounts and sources shared', () => {
    const fr = createUrls('/sub/', 'https://example.org').inLanguage('fr');
    expect([fr.caseReport('a'), fr.caseSection('a', 'methodology'), fr.hashtag('a', 'Kanaky')]).toEqual([
      '/sub/fr/cases/a/',
      '/sub/fr/cases/a/methodology/',
      '/sub/fr/cases/a/hashtags/kanaky/',
    ]);
    expect([fr.chartData('a', 'c', 'csv'), fr.account('x/b'), fr.source('s'), fr.home()]).toEqual([
      '/sub/cases/a/data/c.csv',
      '/sub/accounts/x/b/',
      '/sub/sources/#s',
      '/sub/',
    ]);
    expect(fr.inLanguage(undefined).caseReport('a')).toBe('/sub/cases/a/');
  });
});
