/**
 * The site's Content-Security-Policy, in one place: every page carries it as a `<meta>`, redirect pages too,
 * and `_headers` sends it as a header, which also covers files that cannot carry a `<meta>` (SVG, JSON, CSV).
 * No script but the site's own, nothing from another origin, no plugins, no `<base>` or form off the site.
 */
export function contentSecurityPolicy(options: { search?: boolean } = {}): string {
  const script = options.search ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'";
  return `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; ${script}; object-src 'none'; base-uri 'self'; form-action 'self'`;
}

/**
 * `dist/_headers` (Netlify, Cloudflare Pages): the policy as a real header for every file, so an SVG or HTML
 * file opened directly gets it too. Hosts join the headers of every matching rule, so there is one rule: the
 * search page's WebAssembly is allowed in the header, and every other page's `<meta>` policy, which the
 * browser enforces as well, takes it away again there. `frame-ancestors` works only as a header.
 */
export function headersFile(base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy({ search: true })}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
