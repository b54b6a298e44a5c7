/**
 * The quality gates over a built site, as pure functions from parsed pages to a list of problems.
 * Each problem names the page and the offending element, so a failing test says what to fix.
 * Kept apart from the tests that run them on real builds so each gate can be tested on bad snippets.
 */
import { describeElement, type SitePage } from './site-files.ts';

export interface Problem {
  /** Page or file, relative to the site root. */
  file: string;
  message: string;
}

export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.file}: ${p.message}`).join('\n');

/** Attributes through which a page loads something (as opposed to links a reader follows). */
const resourceAttributes: [selector: string, attribute: string][] = [
  ['img', 'src'],
  ['img', 'srcset'],
  ['script', 'src'],
  ['iframe', 'src'],
  ['frame', 'src'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['object', 'data'],
  ['embed', 'src'],
  ['input', 'src'],
  ['image', 'href'],
  ['image', 'xlink:href'],
  ['use', 'href'],
  ['use', 'xlink:href'],
  ['feImage', 'href'],
  ['feImage', 'xlink:href'],
];

/** `<link rel>` values that make the browser fetch the target. */
const fetchingRels = new Set(['stylesheet', 'preload', 'modulepreload', 'prefetch', 'icon', 'apple-touch-icon', 'manifest', 'mask-icon', 'prerender']);

/** The URLs of a `srcset` (comma-separated candidates, each `url [descriptor]`). */
const srcsetUrls = (value: string) => value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean);

/** Browsers ignore ASCII whitespace and controls inside a URL's scheme, so `java\tscript:` must be caught too. */
const stripControls = (url: string) => url.replace(/[\u0000-\u0020\u007f]/g, '');

/** A URL that leaves the site's origin: any scheme but `data:` (inline, no request), or `//host`. */
export function isOtherOrigin(url: string): boolean {
  const u = stripControls(url);
  if (/^[\\/]{2}/.test(u)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'data';
}

/** `url(…)` and `@import` targets in CSS text. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) urls.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) urls.push(m[1] ?? m[2] ?? '');
  return urls;
}

/** Every resource URL a page would fetch, with the element that asks for it. */
export function pageResources(page: SitePage): { url: string; where: string }[] {
  const found: { url: string; where: string }[] = [];
  const { document } = page;
  for (const [tag, attribute] of resourceAttributes) {
    for (const element of document.querySelectorAll(tag)) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const urls = attribute === 'srcset' ? srcsetUrls(value) : [value];
      for (const url of urls) found.push({ url, where: describeElement(element) });
    }
  }
  for (const link of document.querySelectorAll('link[href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.some((r) => fetchingRels.has(r))) found.push({ url: link.getAttribute('href') ?? '', where: describeElement(link) });
  }
  for (const style of document.querySelectorAll('style')) {
    for (const url of cssUrls(style.textContent ?? '')) found.push({ url, where: '<style>' });
  }
  for (const element of document.querySelectorAll('[style]')) {
    for (const url of cssUrls(element.getAttribute('style') ?? '')) found.push({ url, where: describeElement(element) });
  }
  return found;
}

/** Gate: no page or stylesheet loads anything from another origin. */
export function checkNoOtherOrigin(pages: readonly SitePage[], stylesheets: readonly { file: string; css: string }[]): Problem[] {
  const problems: Problem[] = [];
  for (const page of pages) {
    for (const { url, where } of pageResources(page)) {
      if (isOtherOrigin(url)) problems.push({ file: page.file, message: `loads \`${url}\` from another origin in ${where}` });
    }
  }
  for (const { file, css } of stylesheets) {
    for (const url of cssUrls(css)) {
      if (isOtherOrigin(url)) problems.push({ file, message: `loads \`${url}\` from another origin in CSS url()/@import` });
    }
  }
  return problems;
}

/** Gate: no JavaScript on the page; JSON-LD is data, and the search page may load Pagefind from the site. */
export function checkNoScript(page: SitePage, options: { allowSameOriginScripts: boolean }): Problem[] {
  const problems: Problem[] = [];
  for (const script of page.document.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type === 'application/ld+json') continue;
    const src = script.getAttribute('src');
    if (options.allowSameOriginScripts && src !== null && !isOtherOrigin(src)) continue;
    problems.push({ file: page.file, message: `ships JavaScript: ${describeElement(script)}${src === null ? ` ${(script.textContent ?? '').slice(0, 80)}` : ''}` });
  }
  return problems.concat(checkNoActiveAttributes(page));
}

/** Attributes that take a URL a reader may follow or submit to. */
const navigationAttributes = ['href', 'xlink:href', 'action', 'formaction', 'src', 'data', 'srcdoc'];

/** Gate: no inline event handlers and no `javascript:`, `vbscript:` or `data:` navigation, whatever put them there. */
export function checkNoActiveAttributes(page: SitePage): Problem[] {
  const problems: Problem[] = [];
  for (const element of page.document.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      if (/^on/i.test(name)) problems.push({ file: page.file, message: `has an event-handler attribute \`${name}\` in ${describeElement(element)}` });
      if (name === 'srcdoc') problems.push({ file: page.file, message: `has an inline document (srcdoc) in ${describeElement(element)}` });
      if (!navigationAttributes.includes(name)) continue;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(stripControls(value))?.[1]?.toLowerCase();
      const dataImage = scheme === 'data' && element.tagName.toLowerCase() === 'img' && /^data:image\/(png|gif|jpeg|webp|avif)[;,]/i.test(stripControls(value));
      if ((scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') && !dataImage) {
        problems.push({ file: page.file, message: `has a \`${scheme}:\` URL in ${describeElement(element)}` });
      }
    }
  }
  return problems;
}

/** Sources a directive may list without allowing another origin or unhashed inline script. */
const allowedSources: Record<string, RegExp> = {
  'script-src': /^'(self|none|sha(256|384|512)-[A-Za-z0-9+/=]+|strict-dynamic)'$/,
  'style-src': /^'(self|none|unsafe-inline|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/,
  // Inline images and fonts (data:) are part of the page, not a request to another origin.
  'img-src': /^('self'|'none'|data:)$/,
  'font-src': /^('self'|'none'|data:)$/,
};
const sameOriginOnly = /^'(self|none)'$/;

/** Gate: a CSP meta tag, first in <head> before anything it governs, allowing only this origin and no unhashed inline script. */
export function checkContentSecurityPolicy(page: SitePage, options: { allowWasm?: boolean } = {}): Problem[] {
  const metas = [...page.document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy',
  );
  const fail = (message: string): Problem[] => [{ file: page.file, message }];
  if (metas.length === 0) return fail('has no <meta http-equiv="Content-Security-Policy">');
  const meta = metas[0]!;
  if (meta.parentElement?.tagName.toLowerCase() !== 'head') return fail('has its CSP meta tag outside <head>, where browsers ignore it');
  for (let before = meta.previousElementSibling; before; before = before.previousElementSibling) {
    const tag = before.tagName.toLowerCase();
    if (tag !== 'meta' && tag !== 'title') return fail(`has ${describeElement(before)} before the CSP meta tag, so the policy does not cover it`);
  }
  const policy = new Map<string, string[]>();
  for (const part of (meta.getAttribute('content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  const problems: Problem[] = [];
  const defaults = policy.get('default-src');
  if (!defaults) problems.push({ file: page.file, message: 'has a CSP without `default-src`, so unlisted resource types may come from anywhere' });
  for (const [name, sources] of policy) {
    if (!name.endsWith('-src')) continue;
    const allowed = allowedSources[name] ?? sameOriginOnly;
    for (const source of sources) {
      // Pagefind compiles WebAssembly: allowed on the search page, the one place with a named need for script.
      if (options.allowWasm && name === 'script-src' && source === "'wasm-unsafe-eval'") continue;
      if (!allowed.test(source)) problems.push({ file: page.file, message: `has CSP \`${name} ${source}\`, expected only this origin (and hashed inline script)` });
    }
  }
  // object-src falls back to default-src; 'self' still lets a same-origin plug-in run, so insist on none.
  const objects = policy.get('object-src') ?? defaults ?? [];
  if (objects.length !== 1 || objects[0] !== "'none'") {
    problems.push({ file: page.file, message: "has a CSP without `object-src 'none'`" });
  }
  if (!policy.has('base-uri')) problems.push({ file: page.file, message: 'has a CSP without `base-uri`, so an injected <base> could redirect relative URLs' });
  return problems;
}

export interface LinkTargets {
  /** Every file of the site, relative to its root. */
  files: ReadonlySet<string>;
  /** Ids (and `<a name>`) of each HTML page, by file. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
}

export function linkTargets(files: Iterable<string>, pages: readonly SitePage[]): LinkTargets {
  const ids = new Map<string, Set<string>>();
  for (const page of pages) {
    const set = new Set<string>();
    for (const element of page.document.querySelectorAll('[id], a[name]')) {
      const id = element.getAttribute('id') ?? element.getAttribute('name');
      if (id) set.add(id);
    }
    ids.set(page.file, set);
  }
  return { files: new Set(files), ids };
}

/** Attributes whose URL must resolve inside the site when it points at the site. */
const internalUrlAttributes: [selector: string, attribute: string][] = [
  ['a', 'href'],
  ['area', 'href'],
  ['link', 'href'],
  ['use', 'href'],
  ['use', 'xlink:href'],
  ['form', 'action'],
  ...resourceAttributes.filter(([tag]) => tag !== 'use'),
];

/**
 * Gate: every internal link, resource and `#anchor` resolves to a file and an id of the build, and stays
 * under the base path. `site` (origin plus base) makes absolute links to the site itself count as internal.
 */
export function checkInternalLinks(pages: readonly SitePage[], targets: LinkTargets, options: { base: string; site?: string }): Problem[] {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const origin = 'http://site.invalid';
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const problems: Problem[] = [];
  for (const page of pages) {
    const pageUrl = new URL(`${base}${page.file.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    for (const [tag, attribute] of internalUrlAttributes) {
      for (const element of page.document.querySelectorAll(tag)) {
        const raw = element.getAttribute(attribute);
        if (raw === null) continue;
        for (const value of attribute === 'srcset' ? srcsetUrls(raw) : [raw]) {
          const where = describeElement(element);
          const problem = resolveInternal(value, pageUrl, { base, origin, siteOrigin }, page.file, targets);
          if (problem) problems.push({ file: page.file, message: `${problem} in ${where}` });
        }
      }
    }
  }
  return problems;
}

function resolveInternal(
  value: string,
  pageUrl: URL,
  context: { base: string; origin: string; siteOrigin: string | undefined },
  pageFile: string,
  targets: LinkTargets,
): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'has an empty URL';
  let url: URL;
  try {
    url = new URL(trimmed, pageUrl);
  } catch {
    return `has an invalid URL \`${value}\``;
  }
  if (url.origin !== context.origin) {
    if (context.siteOrigin === undefined || url.origin !== context.siteOrigin) return undefined;
  }
  if (!url.pathname.startsWith(context.base)) return `links \`${value}\` outside the base path ${context.base}`;
  const relative = decodeURIComponent(url.pathname.slice(context.base.length));
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (!targets.files.has(file)) {
    const hint = targets.files.has(`${relative}/index.html`) ? ' (a folder: add the trailing slash)' : '';
    return `links \`${value}\` to a missing file ${file}${hint}`;
  }
  if (url.hash === '' && !trimmed.endsWith('#')) return undefined;
  const id = decodeURIComponent(url.hash.slice(1));
  if (id === '') return `links \`${value}\` to an empty #anchor`;
  if (id === 'top' || !file.endsWith('.html')) return undefined;
  if (targets.ids.get(file)?.has(id)) return undefined;
  return `links \`${value}\` to #${id}, which is not an id on ${file === pageFile ? 'this page' : file}`;
}

/** Gate: two builds hold the same files with the same bytes. */
export function compareTrees(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [file, hash] of a) {
    const other = b.get(file);
    if (other === undefined) problems.push({ file, message: 'only in the first build' });
    else if (other !== hash) problems.push({ file, message: `differs (${hash.slice(0, 12)} vs ${other.slice(0, 12)})` });
  }
  for (const file of b.keys()) if (!a.has(file)) problems.push({ file, message: 'only in the second build' });
  return problems;
}

/** Where two texts first differ, with some context on each side, to show what made a build nondeterministic. */
export function firstDifference(a: string, b: string, context = 60): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  return `at character ${i}:\n  first:  …${JSON.stringify(a.slice(from, i + context))}\n  second: …${JSON.stringify(b.slice(from, i + context))}`;
}

/** Stylesheets a page links, as site-relative file paths (the page-weight budget counts them). */
export function linkedStylesheets(page: SitePage, base: string): string[] {
  const files: string[] = [];
  for (const link of page.document.querySelectorAll('link[href]')) {
    if (!(link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet')) continue;
    const href = link.getAttribute('href') ?? '';
    const pathname = new URL(href, `http://site.invalid${base}${page.file}`).pathname;
    files.push(decodeURIComponent(pathname.slice(base.length)));
  }
  return files;
}
