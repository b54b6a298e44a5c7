/**
 * The site's Content-Security-Policy, in one place: every page carries it as a `<meta>`, redirect pages too,
 * and `_headers` sends it as a header, which also covers files that cannot carry a `<meta>` (SVG, JSON, CSV).
 * No script but the site's own, nothing from another origin, no plugins, no `<base>` or form off the site.
 */
export function contentSecurityPolicy(options: { search?: boolean } = {}): string {
  const script = options.search ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'";
  return `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; ${script}; object-src 'none'; base-uri 'self'; form-action 'self'`;
}
