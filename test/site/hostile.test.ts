/**
 * Hostile input. The `render` copy carries payloads the build must accept and print as inert text
 * (markup, attribute breakers, bidi and zero-width characters, NUL, bad UTF-8, byte-order marks, huge
 * and long values); the `reject` copy carries inputs the check must refuse, each at its file and line.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { checkProject } from '../../src/check/check-project.ts';
import { DiagnosticError, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { checkNoActiveAttributes, formatProblems } from './gates.ts';
import { hostileFixture, LARGE_POST_BYTES, LARGE_POST_ID, TODAY } from './site-builds.ts';
import { describeElement, listSiteFiles, readPages, type SitePage } from './site-files.ts';

const { hostile, hostileRoot } = inject('siteBuilds');

describe('the hostile render project', () => {
  let pages: SitePage[];
  beforeAll(async () => {
    if (hostile.error) throw new Error(hostile.error);
    pages = await readPages(hostile.dir);
  });

  it('builds, with the 10 MB post in its dataset', async () => {
    const posts = await readFile(path.join(hostileRoot, 'data/demo-case/posts/posts.ndjson'));
    expect(posts.length).toBeGreaterThan(LARGE_POST_BYTES);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('prints a bounded excerpt of the 10 MB post, linked to the released data: no page grows with it', () => {
    const largest = pages.reduce((a, b) => (b.html.length > a.html.length ? b : a));
    expect(largest.html.length, `${largest.file} is ${largest.html.length} characters`).toBeLessThan(300_000);
    const card = pages.find((p) => p.file === 'cases/demo-case/hashtags/demotag/index.html')?.document.getElementById(`post-${LARGE_POST_ID}`);
    expect(card, 'the large post has no card on the #DemoTag page').toBeTruthy();
    const text = card!.querySelector('.evidence-text')!.textContent!;
    expect(text.length).toBeLessThan(2_000);
    expect(text.trim().endsWith('…')).toBe(true);
    const note = card!.querySelector('.evidence-shortened');
    expect(note?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Text shortened\. The whole post is record \d+ of dataset posts, in the released data\.$/);
    expect(note?.querySelector('a')?.getAttribute('href')).toBe('/cases/demo-case/data/#datasets');
  });

  it('turns no payload from the data into an element on any page', () => {
    const found: string[] = [];
    for (const page of pages) {
      // Inside attribute values and text, `<script>` is inert; only parsed elements can run or load anything.
      for (const element of page.document.querySelectorAll('script, iframe, frame, object, embed, img[src="x"], svg[onload], style')) {
        const tag = element.tagName.toLowerCase();
        if (tag === 'script' && element.getAttribute('type') === 'application/ld+json') {
          if (/<\/script/i.test(element.textContent ?? '')) found.push(`${page.file}: JSON-LD holds a raw </script>: ${describeElement(element)}`);
          continue;
        }
        // The search page's own scripts (Pagefind and its starter) come from the site, never from data.
        if (tag === 'script' && page.file === 'search/index.html' && /^\/[^/]/.test(element.getAttribute('src') ?? '')) continue;
        // The layout's own stylesheet sits in <head>; a <style> from the data would land in <body>.
        if (tag === 'style' && element.closest('head')) continue;
        found.push(`${page.file}: ${describeElement(element)} ${(element.textContent ?? '').slice(0, 60)}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('prints no payload as markup in the feed, sitemap or SVG files', async () => {
    const found: string[] = [];
    for (const file of (await listSiteFiles(hostile.dir)).filter((f) => /\.(xml|svg)$/.test(f))) {
      const text = await readFile(path.join(hostile.dir, file), 'utf8');
      // XML allows no raw `<` in attributes, so any raw `<script` or `<img` is an element or HTML in CDATA a reader would render.
      for (const payload of ['<script', '<img', '<svg onload']) {
        const at = text.indexOf(payload);
        if (at !== -1) found.push(`${file}: raw \`${payload}\` at character ${at}: …${JSON.stringify(text.slice(Math.max(0, at - 80), at + 80))}…`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('has no event-handler attribute and no javascript:, vbscript: or data: URL on any page', () => {
    const problems = pages.flatMap(checkNoActiveAttributes);
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it('shows the payloads as text, so escaping (not dropping) made them inert', () => {
    const report = pages.find((p) => p.file === 'cases/demo-case/index.html');
    expect(report, 'no report page cases/demo-case/index.html').toBeDefined();
    const text = report!.document.body.textContent ?? '';
    // Post 1's text, printed by its evidence card.
    expect(text).toContain('First #DemoTag <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">');
    const everywhere = pages.map((p) => p.document.body.textContent ?? '').join('\n');
    // The dossier's display name with its bidi override and zero-width characters.
    expect(everywhere).toContain('Official\u200b\u200d <script>window.__pwned=1</script>');
    const withNul = pages.filter((p) => p.html.includes('\u0000')).map((p) => `${p.file} at character ${p.html.indexOf('\u0000')}: ${JSON.stringify(p.html.slice(p.html.indexOf('\u0000') - 60, p.html.indexOf('\u0000') + 20))}`);
    expect(withNul, `NUL characters printed into pages:\n${withNul.join('\n')}`).toEqual([]);
  });
});

describe('the hostile reject project', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'casefile-hostile-reject-'));
    await cp(path.join(hostileFixture, 'reject'), root, { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const located = (d: Diagnostic) => `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId}`;

  it('reports every refused input at its file, line and column', async () => {
    const { diagnostics } = await checkProject(root, { today: TODAY, cacheDir: path.join(root, '.casefile/cache') });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(located)).toEqual(EXPECTED_REJECTIONS);
    for (const d of errors) {
      expect(d.start.line, located(d)).toBeGreaterThan(0);
      expect(d.start.column, located(d)).toBeGreaterThan(0);
    }
  });

  it('refuses to build, writing nothing', async () => {
    const outDir = path.join(root, 'out');
    await expect(buildSite({ root, outDir, today: TODAY }, { log: () => {} })).rejects.toBeInstanceOf(DiagnosticError);
    expect(existsSync(outDir)).toBe(false);
  });
});

/**
 * One line per refused input of test/fixtures/projects/hostile/reject. All of them at once: the case's
 * unsafe links must be reported even though its dataset has errors too.
 */
const EXPECTED_REJECTIONS = [
  'content/accounts/x/spoofed.md:3:9 schema/invalid-value', // bidi override and zero-width space in a handle
  'content/accounts/x/spoofed.md:7:39 markdown/unsafe-url', // javascript: link in a dossier
  'content/accounts/x/spoofed.md:9:1 markdown/image-alt', // <img src=x onerror=…> in a dossier: no text alternative
  'content/accounts/x/spoofed.md:9:1 markdown/resource-path', // … and a path that resolves nowhere
  'content/cases/demo-case/index.md:32:28 markdown/unsafe-url', // javascript: link
  'content/cases/demo-case/index.md:32:66 markdown/unsafe-url', // data:text/html link
  'content/cases/demo-case/index.md:32:132 markdown/unsafe-url', // JaVa<TAB>ScRiPt: in raw HTML
  'content/cases/demo-case/index.md:33:33 markdown/unsafe-url', // image from another site
  'content/entities/nul-party.md:3:11 text/control-character', // raw NUL in a YAML value
  'content/sources/evil-source.md:4:12 text/control-character', // ESC written as a YAML escape, `\x1b`
  'content/sources/evil-source.md:5:6 schema/invalid-value', // javascript: source URL
  'content/sources/evil-source.md:6:13 schema/invalid-value', // data: archive URL
  'data/demo-case/posts/posts.ndjson:6:37 schema/invalid-value', // javascript: post URL
  'data/demo-case/posts/posts.ndjson:7:185 schema/invalid-value', // data: archive URL
  'data/demo-case/posts/posts.ndjson:8:192 schema/invalid-value', // javascript: media URL
  'data/demo-case/posts/posts.ndjson:9:1 schema/unknown-key', // 20,000 levels of nesting: too deep to locate, so the line
  'data/demo-case/posts/posts.ndjson:10:101 json/syntax', // raw NUL inside a string, at the NUL
  'data/demo-case/posts/posts.ndjson:11:80 text/control-character', // ESC and NUL escaped in a display name
];
