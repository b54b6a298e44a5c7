import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderRedirects } from './redirects.ts';

describe('renderRedirects(redirects, base, site)', () => {
  const out = renderRedirects(
    [
      { from: '/cases/old/', to: '/cases/new/#montage' },
      { from: '/accounts/x/a"b/', to: '/accounts/x/<b>/' },
    ],
    '/investigations',
    'https://example.org',
  );

  it('writes one HTML page per retired path, under the base, sorted', () => {
    expect(out.pages.map((p) => p.path)).toEqual(['accounts/x/a"b/index.html', 'cases/old/index.html']);
  });

  it('redirects without JavaScript: meta refresh, canonical link and a plain link', () => {
    const { document } = parseHTML(out.pages[1]!.html);
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/investigations/cases/new/#montage',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://example.org/investigations/cases/new/#montage',
    );
    expect(document.querySelector('a')?.getAttribute('href')).toBe('/investigations/cases/new/#montage');
    expect(out.pages[1]!.html).not.toContain('<script');
  });

  it('escapes paths in HTML: a path with markup is text and an address, never an element', () => {
    const { document } = parseHTML(out.pages[0]!.html);
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelector('a')?.textContent).toBe('/investigations/accounts/x/<b>/');
    expect(document.querySelector('a')?.getAttribute('href')).toBe('/investigations/accounts/x/<b>/');
  });

  it('writes a _redirects file of permanent redirects', () => {
    expect(out.redirectsFile).toBe(
      '/investigations/accounts/x/a"b/ /investigations/accounts/x/<b>/ 301\n' +
        '/investigations/cases/old/ /investigations/cases/new/#montage 301\n',
    );
  });
});

describe('renderRedirects(hostile redirects)', () => {
  it('keeps a protocol-relative target on the site, and carries the CSP and a visible link', () => {
    const out = renderRedirects([{ from: '/old/', to: '//evil.example/' }], '/', 'https://example.org');
    const { document } = parseHTML(out.pages[0]!.html);
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/evil.example/');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'self'");
    expect(document.querySelector('a')?.textContent).toBe('/evil.example/');
    expect(out.redirectsFile).toBe('/old/ /evil.example/ 301\n');
  });
});
