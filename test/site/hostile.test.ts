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
import { hostileFixture, LARGE_POST_BYTES, TODAY } from './site-builds.ts';
import { listSiteFiles, readPages, type SitePage } from './site-files.ts';

const { hostile, hostileRoot } = inject('siteBuilds');

/** What the payloads in the fixture would run if any reached the page as markup. */
const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'];

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

  it('prints no payload from the data as markup in any HTML or XML file', async () => {
    const found: string[] = [];
    for (const file of (await listSiteFiles(hostile.dir)).filter((f) => /\.(html|xml|svg)$/.test(f))) {
      const text = await readFile(path.join(hostile.dir, file), 'utf8');
      for (const payload of [...PAYLOADS, '<svg onload', '<iframe', 'onmouseover="window', "onmouseover='window"]) {
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
    expect(everywhere).not.toContain('\u0000');
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

/** One line per refused input of test/fixtures/projects/hostile/reject (see the fixture's files). */
const EXPECTED_REJECTIONS: string[] = [];
