/**
 * `npm run build` never publishes a broken input: a failure at any stage leaves the previous
 * `dist/` byte-identical, and a success replaces it whole.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { permanenceStage } from '../../src/build/permanence-stage.ts';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';
import { treeHashes } from '../support/tree-hash.ts';

const quiet = { log: () => {} };
let project: TempProject;
let dist: string;
let published: Record<string, string>;
const logged: string[] = [];
/** What the build had logged each time it asked for a garbage collection. */
const collections: string[][] = [];

beforeAll(async () => {
  project = await tempProject('minimal');
  dist = path.join(project.root, 'dist');
  await buildSite(
    { root: project.root, outDir: dist, today: '2026-11-28' },
    { log: (line) => logged.push(line), collectGarbage: () => collections.push([...logged]) },
    postBuildStages,
  );
  published = await treeHashes(dist);
}, 300_000);
afterAll(() => project.remove());

describe('buildSite(options)', () => {
  it('renders the pages from the site it checked, never checking and assembling it a second time', () => {
    expect(logged.filter((line) => line.startsWith('render'))).toEqual([expect.stringMatching(/^render {4}[\d.]+ m?s$/)]);
  });

  it('lets its own copy of the site go once the render has one: one collection, after the check and before the render ends', () => {
    expect(collections).toHaveLength(1);
    expect(collections[0]!.map((line) => line.split(/\s/)[0])).toEqual(['check']);
  });

  it('publishes every page of the fixture case', () => {
    for (const page of [
      'index.html',
      '404.html',
      'cases/demo-case/index.html',
      'cases/demo-case/hashtags/demotag/index.html',
      'cases/demo-case/sources/index.html',
      'cases/demo-case/methodology/index.html',
      'cases/demo-case/data/index.html',
      'cases/demo-case/corrections/index.html',
      'cases/demo-case/accounts/index.html',
      'accounts/x/demo_official/index.html',
      'entities/demo-party/index.html',
      'sources/index.html',
      'search/index.html',
      'feed.xml',
      'sitemap.xml',
      'cases/demo-case/data/SHA256SUMS',
      'cases/demo-case/data/cite/first-post.bib',
    ]) {
      expect(Object.keys(published), page).toContain(page);
    }
  });

  it('publishes the dataset as collected, byte for byte, and leaves no working folder beside the site', async () => {
    const released = await readFile(path.join(dist, 'cases/demo-case/data/posts/posts.ndjson'));
    expect(released.equals(await readFile(path.join(project.root, 'data/demo-case/posts/posts.ndjson')))).toBe(true);
    expect(await readdir(path.join(project.root, '.casefile'))).not.toContainEqual(expect.stringMatching(/^(staging|release)-/));
  });

  it('locks no address on a plain build; `npm run lock` records the pages and finding ids', async () => {
    expect(existsSync(path.join(project.root, 'anchors.lock.json'))).toBe(false);
    const proposed = new Map<string, string>();
    const locking = { log: () => {}, repositoryFile: (file: string, text: string) => proposed.set(file, text) };
    expect(await permanenceStage(dist, { root: project.root, today: '2026-11-28', lock: true }, locking)).toEqual([]);
    // Reported for the CLI to write, never written into the repository by the build itself.
    expect(existsSync(path.join(project.root, 'anchors.lock.json'))).toBe(false);
    expect([...proposed.keys()]).toEqual(['anchors.lock.json']);
    const lock = JSON.parse(proposed.get('anchors.lock.json')!) as { pages: Record<string, string[]> };
    expect(lock.pages['/cases/demo-case/']).toEqual(['first-post', 'main']);
    // A preview with drafts never locks.
    proposed.clear();
    expect(await permanenceStage(dist, { root: project.root, today: '2026-11-28', lock: true, drafts: true }, locking)).toEqual([]);
    expect(proposed.size).toBe(0);
  });

  it('puts the key content on the report: title, computed figure, finding, note, cite-this', async () => {
    const html = await readFile(path.join(dist, 'cases/demo-case/index.html'), 'utf8');
    expect(html).toContain('<h1 id="report-title">A small demonstration case</h1>');
    // The figure stated with expect=5 is rendered from the data and links to its computation.
    expect(html).toMatch(/<a class="figure" href="\/cases\/demo-case\/methodology\/#fig-[0-9a-f]{12}"[^>]*>5<\/a>/);
    expect(html).toContain('id="first-post"');
    expect(html).toMatch(/<section class="notes"/);
    expect(html).toContain('Cite this finding');
  });

  it('shows each hashtag timeline as a figure with its description and data table', async () => {
    const html = await readFile(path.join(dist, 'cases/demo-case/hashtags/demotag/index.html'), 'utf8');
    expect(html).toMatch(/<figure id="timeline-demotag-day" class="chart">/);
    expect(html).toContain('class="chart-description"');
    expect(html).toMatch(/<details class="chart-data">/);
    expect(html).toContain('href="/cases/demo-case/data/timeline-demotag-day.csv"');
  });

  it('stops on an invalid input before rendering and leaves dist/ byte-identical', async () => {
    await project.edit('content/cases/demo-case/index.md', 'published: 2024-06-01', 'published: 2024-02-30');
    const error = await buildSite({ root: project.root, outDir: dist, today: '2026-11-28' }, quiet, postBuildStages).catch((e: unknown) => e);
    await project.edit('content/cases/demo-case/index.md', 'published: 2024-02-30', 'published: 2024-06-01');
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostics.map((d) => `${d.file}:${d.start.line}`)).toEqual(['content/cases/demo-case/index.md:8']);
    expect(await treeHashes(dist)).toEqual(published);
  });

  it('leaves dist/ byte-identical when a stage after rendering fails', async () => {
    const failing = { name: 'failing', run: async () => { throw new Error('disk full'); } };
    await expect(buildSite({ root: project.root, outDir: dist, today: '2026-11-28' }, quiet, [failing])).rejects.toThrow('disk full');
    expect(await treeHashes(dist)).toEqual(published);
    expect(await readdir(path.join(project.root, '.casefile'))).not.toContainEqual(expect.stringMatching(/^(staging|release)-/));
  });

  it('fails when a published finding disappears, naming it, and leaves dist/ byte-identical', async () => {
    // Published and locked, as `npm run lock` does after a publication.
    const proposed = new Map<string, string>();
    const locking = { log: () => {}, repositoryFile: (file: string, text: string) => proposed.set(file, text) };
    expect(await permanenceStage(dist, { root: project.root, today: '2026-11-28', lock: true }, locking)).toEqual([]);
    await project.write('anchors.lock.json', proposed.get('anchors.lock.json')!);
    await project.edit('content/cases/demo-case/index.md', '## The first post {#first-post}', '## The first post');
    const error = await buildSite({ root: project.root, outDir: dist, today: '2026-11-28' }, quiet, postBuildStages).catch((e: unknown) => e);
    await project.edit('content/cases/demo-case/index.md', '## The first post\n', '## The first post {#first-post}\n');
    expect(error).toBeInstanceOf(DiagnosticError);
    expect((error as DiagnosticError).diagnostics.map((d) => `${d.ruleId} ${d.actual}`)).toContain('anchors/removed first-post');
    expect(await treeHashes(dist)).toEqual(published);
  }, 300_000);
});
