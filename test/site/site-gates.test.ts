/**
 * The quality gates on real builds of the example case (made by test/global-setup.ts): valid HTML,
 * links and anchors that resolve (also under a base path), byte-identical rebuilds, page weight,
 * no JavaScript, nothing from another origin, and a strict Content-Security-Policy on every page.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate, type Message } from 'html-validate';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  checkContentSecurityPolicy,
  checkInternalLinks,
  checkNoOtherOrigin,
  checkNoScript,
  compareTrees,
  firstDifference,
  formatProblems,
  linkedStylesheets,
  linkTargets,
  type Problem,
} from './gates.ts';
import { hashTree, listSiteFiles, parsePage, readPages, type SitePage } from './site-files.ts';
import { EXAMPLE_BASE, EXAMPLE_SITE, type SiteBuild } from './site-builds.ts';

const builds = inject('siteBuilds');

/** The pages the report budget applies to. */
const REPORT_BUDGET_BYTES = 60 * 1024;

interface LoadedSite {
  build: SiteBuild;
  files: string[];
  pages: SitePage[];
  stylesheets: { file: string; css: string }[];
  /** Standalone SVG files: opened directly, they could load resources or run script like a page. */
  svgs: SitePage[];
}

const loaded = new Map<SiteBuild, Promise<LoadedSite>>();
/** Reads a build once; a failed build fails every gate that needs it, with the build's own diagnostics. */
function loadSite(build: SiteBuild): Promise<LoadedSite> {
  if (build.error) return Promise.reject(new Error(build.error));
  let site = loaded.get(build);
  if (!site) {
    site = (async () => {
      const files = await listSiteFiles(build.dir);
      const pages = await readPages(build.dir);
      const stylesheets = await Promise.all(
        files.filter((f) => f.endsWith('.css')).map(async (file) => ({ file, css: await readFile(path.join(build.dir, file), 'utf8') })),
      );
      const svgs = await Promise.all(
        files.filter((f) => f.endsWith('.svg')).map(async (file) => parsePage(file, await readFile(path.join(build.dir, file), 'utf8'))),
      );
      return { build, files, pages, stylesheets, svgs };
    })();
    loaded.set(build, site);
  }
  return site;
}

const expectNoProblems = (problems: readonly Problem[], what: string) =>
  expect(problems, `${problems.length} ${what}:\n${formatProblems(problems)}`).toEqual([]);

/** The search page is the one place Pagefind's script may run; every other page is script-free. */
const isSearchPage = (file: string) => /(^|\/)search\/index\.html$/.test(file);

const sites: [name: string, build: SiteBuild][] = [
  ['example', builds.exampleA],
  ['example under a base path', builds.exampleBase],
  ['hostile', builds.hostile],
];

describe.each(sites)('the %s site', (name, build) => {
  let site: LoadedSite;
  beforeAll(async () => {
    site = await loadSite(build);
  });

  it('has pages', () => {
    expect(site.pages.length, `${name} built no HTML page in ${build.dir}`).toBeGreaterThan(0);
    expect(site.files).toContain('index.html');
  });

  it('resolves every internal link, resource and #anchor inside the base path', () => {
    const targets = linkTargets(site.files, site.pages);
    expectNoProblems(checkInternalLinks(site.pages, targets, { base: build.base, ...(build.site ? { site: build.site } : {}) }), 'broken links');
  });

  it('ships no JavaScript but JSON-LD (and Pagefind on the search page)', () => {
    expectNoProblems(
      [...site.pages, ...site.svgs].flatMap((page) => checkNoScript(page, { allowSameOriginScripts: isSearchPage(page.file) })),
      'script problems',
    );
  });

  it('loads nothing from another origin', () => {
    expectNoProblems(checkNoOtherOrigin([...site.pages, ...site.svgs], site.stylesheets), 'requests to another origin');
  });

  it('sets a same-origin Content-Security-Policy on every page', () => {
    expectNoProblems(site.pages.flatMap((page) => checkContentSecurityPolicy(page, { allowWasm: isSearchPage(page.file) })), 'CSP problems');
  });
});

/** `html-validate:recommended`, the documented preset with every rule (structure, a11y, style), adjusted where stated. */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Scrollable tables sit in `<div role="region" tabindex="0" aria-labelledby>` so keyboard users can scroll
    // them; a <section> would add an outline entry per table. Every other role must still use its element.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // Charts scale with `width:100%;height:auto` on the SVG root (Observable Plot's output); the CSP allows
    // inline styles, which cannot run script. Any other inline property is still an error.
    'no-inline-style': ['error', { allowedProperties: ['display', 'width', 'height'] }],
    // Astro keeps the template's whitespace; trailing spaces in generated markup are invisible to readers.
    'no-trailing-whitespace': 'off',
    // Titles carry the case's full title so a bookmark or citation names it; search engines truncating past
    // 70 characters is not a defect of the page.
    'long-title': 'off',
    'no-raw-characters': ['error', { relaxed: true }],
  },
});

function formatMessages(file: string, messages: readonly Message[]): string {
  return messages.map((m) => `${file}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}  ${m.selector ?? ''}`).join('\n');
}

describe.each([
  ['example', builds.exampleA],
  ['hostile', builds.hostile],
])('HTML of the %s site', (_name, build) => {
  it('passes html-validate on every page', async () => {
    const site = await loadSite(build);
    const failures: string[] = [];
    for (const page of site.pages) {
      const report = await validator.validateString(page.html, page.file);
      for (const result of report.results) {
        // A raw `>` in text is conforming HTML (only `<` and `&` must be escaped there), and the Markdown
        // serialiser leaves it raw; `<` and `&` stay errors.
        const messages = result.messages.filter((m) => !(m.ruleId === 'no-raw-characters' && m.message.startsWith('Raw ">"')));
        if (messages.length > 0) failures.push(formatMessages(page.file, messages));
      }
    }
    expect(failures, `html-validate found problems:\n${failures.join('\n')}`).toEqual([]);
  });
});

describe('the example build', () => {
  it('is byte-identical when built twice from the same inputs', async () => {
    const [a, b] = await Promise.all([loadSite(builds.exampleA), loadSite(builds.exampleB)]);
    const problems = compareTrees(await hashTree(a.build.dir), await hashTree(b.build.dir));
    const details = await Promise.all(
      problems
        .filter((p) => p.message.startsWith('differs') && /\.(html|xml|json|csv|css|txt|svg)$/.test(p.file))
        .slice(0, 5)
        .map(async (p) => {
          const [x, y] = await Promise.all([readFile(path.join(a.build.dir, p.file), 'utf8'), readFile(path.join(b.build.dir, p.file), 'utf8')]);
          return `${p.file} ${firstDifference(x, y)}`;
        }),
    );
    expect(problems, `the two builds differ:\n${formatProblems(problems)}\n${details.join('\n')}`).toEqual([]);
  });

  it('gives the same coordination files and the same report page in both builds', async () => {
    const folder = 'cases/new-caledonia-2024/data/coordination';
    const names = (await readdir(path.join(builds.exampleA.dir, folder))).sort();
    expect(names).toEqual(['bursts.csv', 'clusters.csv', 'coordination.gexf', 'edges.csv', 'params.json', 'sensitivity.csv']);
    for (const file of [...names.map((n) => `${folder}/${n}`), 'cases/new-caledonia-2024/index.html']) {
      const [x, y] = await Promise.all([readFile(path.join(builds.exampleA.dir, file)), readFile(path.join(builds.exampleB.dir, file))]);
      expect(x.equals(y), `${file} ${firstDifference(x.toString('utf8'), y.toString('utf8'))}`).toBe(true);
    }
    const page = await readFile(path.join(builds.exampleA.dir, 'cases/new-caledonia-2024/index.html'), 'utf8');
    expect(page).toContain('<caption id="coordination-clusters">');
  });

  it(`keeps each case report's HTML and CSS within ${REPORT_BUDGET_BYTES / 1024} kB gzipped`, async () => {
    const site = await loadSite(builds.exampleA);
    const cases = (await readdir(path.join(builds.exampleRoot, 'content/cases'), { withFileTypes: true })).filter((d) => d.isDirectory());
    expect(cases.length).toBeGreaterThan(0);
    for (const { name } of cases) {
      const file = `cases/${name}/index.html`;
      const page = site.pages.find((p) => p.file === file);
      expect(page, `no report page ${file} in the build`).toBeDefined();
      const parts = [{ file, bytes: Buffer.from(page!.html) }];
      for (const css of linkedStylesheets(page!, builds.exampleA.base)) {
        parts.push({ file: css, bytes: await readFile(path.join(builds.exampleA.dir, css)) });
      }
      const sizes = parts.map((p) => ({ file: p.file, gzipped: gzipSync(p.bytes, { level: 9 }).length }));
      const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
      expect(total, `${file} weighs ${(total / 1024).toFixed(1)} kB gzipped: ${sizes.map((s) => `${s.file} ${(s.gzipped / 1024).toFixed(1)} kB`).join(', ')}`).toBeLessThanOrEqual(REPORT_BUDGET_BYTES);
    }
  });
});

describe('the example hashtag page', () => {
  it("says its first posts are the earliest in the report's period, which it names", async () => {
    const site = await loadSite(builds.exampleA);
    const page = site.pages.find((p) => p.file === 'cases/new-caledonia-2024/hashtags/recognizenewcaledonia/index.html');
    expect(page, 'no page for #RecognizeNewCaledonia').toBeDefined();
    const text = page!.html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('The earliest post under #RecognizeNewCaledonia in the period of this report, May 16 – 22, 2024 (Azerbaijan Standard Time); the dataset may hold earlier ones.');
  });
});

describe('the printed charts of a site under a base path', () => {
  it('name the full address of each chart’s CSV, on the site’s host and under its base path, and the file is there', async () => {
    const site = await loadSite(builds.exampleBase);
    const printed = site.pages.flatMap((p) =>
      [...p.html.matchAll(/<span class="chart-print-url">([^<]*)<\/span>/g)].map((m) => ({ file: p.file, url: m[1]! })),
    );
    // The report and every hashtag page carry charts: paper must say where their numbers are.
    expect(printed.length).toBeGreaterThan(2);
    const prefix = new URL(EXAMPLE_BASE, EXAMPLE_SITE).href;
    for (const { file, url } of printed) {
      expect(url, `in ${file}`).toMatch(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}cases/[^/]+/data/[^/]+\\.csv$`));
      expect(site.files, `in ${file}: ${url}`).toContain(decodeURIComponent(url.slice(prefix.length)));
    }
  });
});
