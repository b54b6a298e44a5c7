/**
 * Permanent anchors: `anchors.lock.json` at the repository root lists every published page path and the
 * anchors on it. A build that drops one fails, until an alias anchor or a redirect keeps the old address working.
 *
 * Marker: an element with both `id` and `data-permanent` is a permanent anchor (finding headings, alias anchors);
 * a page with any `data-permanent` element (e.g. on `<main>` of case, hashtag, account and entity pages) is a
 * permanent page. Page paths are written without the base path ("/cases/x/"), so the site can move.
 *
 * Aliases: `aliases` in the lock maps a page's retired anchor to the anchor that replaced it; the page renders
 * each with `aliasAnchors` as an empty `data-permanent` element, so old links still land on the finding.
 */
import { z } from 'zod';
import { PagePathSchema, SiteTargetSchema } from '../schema/site-path.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { pagesContaining } from './built-pages.ts';

export const LOCK_FILE = 'anchors.lock.json';
export const REDIRECTS_FILE = 'redirects.json';


export const AnchorsLockSchema = z
  .object({
    /** Page path → its permanent anchors, sorted. */
    pages: z.record(PagePathSchema, z.array(z.string().min(1))),
    /** Page path → retired anchor → the anchor now standing for it. */
    aliases: z.record(PagePathSchema, z.record(z.string().min(1), z.string().min(1))).default({}),
  })
  .strict();
export type AnchorsLock = z.output<typeof AnchorsLockSchema>;

/** `redirects.json`: `from` a retired page path, `to` a path of this site that may end in `#anchor`. */
export const RedirectsSchema = z.array(
  z.object({ from: PagePathSchema, to: SiteTargetSchema }).strict(),
);
export type Redirect = z.output<typeof RedirectsSchema>[number];

/** Page path → permanent anchors found in the built HTML. */
export type BuiltAnchors = Record<string, string[]>;

export async function collectAnchors(distDir: string): Promise<BuiltAnchors> {
  // Loaded here, not with the module: the check reads the lock and never a built page.
  const { parseHTML } = await import('linkedom');
  const built: BuiltAnchors = {};
  // Most pages (generated account pages, data pages) carry no marker and are never parsed.
  for (const { file, html } of await pagesContaining(distDir, 'data-permanent')) {
    const { document } = parseHTML(html);
    const marked = [...document.querySelectorAll('[data-permanent]')];
    if (marked.length === 0) continue;
    built[pagePath(file)] = sortedUnique(marked.map((el) => el.id).filter((id) => id !== ''));
  }
  return sortKeys(built);
}

/** The elements a page renders so retired anchors keep working: `<span id={id} data-permanent></span>` before `target`. */
export function aliasAnchors(lock: AnchorsLock, page: string): { id: string; target: string }[] {
  return Object.entries(lock.aliases[page] ?? {})
    .map(([id, target]) => ({ id, target }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function compareWithLock(lock: AnchorsLock, built: BuiltAnchors, redirects: readonly Redirect[]): Diagnostic[] {
  const redirected = new Set(redirects.map((r) => r.from));
  const problems: Diagnostic[] = [];
  for (const [page, anchors] of Object.entries(lock.pages)) {
    const found = built[page];
    if (found === undefined) {
      if (!redirected.has(page)) {
        problems.push(
          removed(`page \`${page}\``, page, `add {"from": "${page}", "to": "/new/path/"} to ${REDIRECTS_FILE}, or restore the page`),
        );
      }
      continue;
    }
    const present = new Set(found);
    for (const anchor of anchors) {
      if (present.has(anchor)) continue;
      problems.push(
        removed(
          `anchor \`${page}#${anchor}\``,
          `${page}#${anchor}`,
          `give the finding its id \`${anchor}\` back, or add "${anchor}": "<new-id>" under aliases["${page}"] in ${LOCK_FILE} so the page renders an alias anchor`,
        ),
      );
    }
  }
  return problems;
}

function removed(what: string, actual: string, hint: string): Diagnostic {
  return diagnostic({
    file: LOCK_FILE,
    ruleId: 'anchors/removed',
    message: `Unexpected removal of published ${what}, expected every locked address to stay reachable.`,
    actual,
    expected: 'present in the build, aliased or redirected',
    hint: `Links and citations already point at it: ${hint}.`,
  });
}

/** Adds the built pages and anchors the lock does not have yet; never removes one. */
export function updateLock(lock: AnchorsLock, built: BuiltAnchors): AnchorsLock {
  const pages: Record<string, string[]> = { ...lock.pages };
  for (const [page, anchors] of Object.entries(built)) pages[page] = sortedUnique([...(pages[page] ?? []), ...anchors]);
  return { pages: sortKeys(pages), aliases: lock.aliases };
}

/** The lock as committed: sorted keys, two-space indent, final newline, so diffs show only real changes. */
export function serializeLock(lock: AnchorsLock): string {
  const aliases = sortKeys(Object.fromEntries(Object.entries(lock.aliases).map(([p, a]) => [p, sortKeys(a)])));
  return `${JSON.stringify({ pages: sortKeys(lock.pages), aliases }, null, 2)}\n`;
}

/** `cases/x/index.html` (forward slashes) → `/cases/x/`; `404.html` → `/404.html`. */
function pagePath(file: string): string {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
