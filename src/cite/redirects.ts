/**
 * Redirects for retired pages, in two forms: an HTML page at the old path (meta refresh, canonical link and a
 * plain link, so it works on any static host and without JavaScript) and a `_redirects` file for hosts that
 * read one (Netlify, Cloudflare Pages) and answer with a real 301.
 */
import type { Redirect } from './anchors-lock.ts';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { contentSecurityPolicy } from './csp.ts';

export interface RenderedRedirects {
  /** Files to write under `dist/`: `path` is relative, e.g. `cases/old/index.html`. */
  pages: { path: string; html: string }[];
  /** Text of `dist/_redirects`. */
  redirectsFile: string;
}

/**
 * @param redirects Entries of `redirects.json`, paths without the base.
 * @param base The site's base path, e.g. `/` or `/investigations/`.
 * @param site The site's origin, e.g. `https://example.org`, for the canonical link.
 */
export function renderRedirects(redirects: readonly Redirect[], base: string, site: string): RenderedRedirects {
  const root = base.endsWith('/') ? base : `${base}/`;
  // Every leading slash goes: a path that slipped past the schema as `//host/` still lands on this site.
  const under = (path: string) => `${root}${path.replace(/^\/+/, '')}`;
  const sorted = [...redirects].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    pages: sorted.map((r) => ({ path: htmlPath(r.from), html: redirectPage(under(r.to), new URL(under(r.to), site).href) })),
    redirectsFile: sorted.map((r) => `${under(r.from)} ${under(r.to)} 301\n`).join(''),
  };
}

function htmlPath(from: string): string {
  const path = from.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function redirectPage(to: string, canonical: string): string {
  const page = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charSet: 'utf-8' }),
        h('meta', { httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy() }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', 'Moved'),
        h('meta', { httpEquiv: 'refresh', content: `0; url=${to}` }),
        h('link', { rel: 'canonical', href: canonical }),
        h('meta', { name: 'robots', content: 'noindex' }),
      ]),
      h('body', [h('p', ['This page has moved to ', h('a', { href: to }, to), '.'])]),
    ]),
  ]);
  return `${toHtml(page)}\n`;
}
