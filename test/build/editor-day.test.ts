/**
 * An editor's day, from a copy of the project with its shipped example: a second case scaffolded with
 * `npm run new` (case, source, entity, dossier), filled in, its posts imported from a CSV export through the
 * mapping `--init-mapping` wrote and the editor completed, figures written and checked, the site built, a
 * corrected export imported again; and the example, as the project's own tests see it, still alone and clean
 * beside the new case. Every command runs as `npm run` runs it (scripts/cli.mjs), as its own process.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { copyExample, EXAMPLE_CASE, exampleFiles, repoRoot } from '../support/example-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const launcher = path.join(repoRoot, 'scripts/cli.mjs');
const CASE = 'content/cases/poland-2022/index.md';

let project: TempProject;

/** `npm run <script> -- args`, in the editor's project; resolves with the exit code and what was printed. */
async function run(script: 'new' | 'import' | 'check' | 'build', args: string[]): Promise<{ code: number; out: string }> {
  const rooted = script === 'import' ? args : [...args, '--root', project.root];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [launcher, script, ...rooted], {
      // The copy has no node_modules of its own: the build runs from the package, as with --root.
      cwd: script === 'build' ? repoRoot : project.root,
      env: { ...process.env, NO_COLOR: '1', CASEFILE_VERSION: 'editor day' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  project = await tempProject('example');
});
afterAll(() => project.remove());

describe("an editor's second case beside the example", () => {
  it('scaffolds the case, a source, an entity and a dossier with npm run new', async () => {
    for (const args of [
      ['case', 'poland-2022'],
      ['source', 'tvn-2022-segregation', '--url', 'https://news.example.pl/2022/09/segregation'],
      ['entity', 'example-movement'],
      ['account', 'x', 'GrzegorzBraun_'],
    ]) {
      const { code, out } = await run('new', args);
      expect([args.join(' '), code, out]).toEqual([args.join(' '), 0, expect.stringContaining('Wrote ')]);
    }
    expect(existsSync(path.join(project.root, 'content/accounts/x/grzegorzbraun.md'))).toBe(true);
    // Before anything is filled in, the check points at every empty field of the new files.
    const { code, out } = await run('check', []);
    expect(code).toBe(1);
    expect(out).toContain(CASE);
    expect(out).toContain('content/sources/tvn-2022-segregation.md');
  });

  it('imports the posts from a CSV export through the mapping --init-mapping writes, completed as the guide says', async () => {
    // No hashtag column: the hashtags are taken from the text. Times as the export writes them, local to Warsaw.
    await project.write(
      'export.csv',
      [
        'Tweet ID,User ID,Username,Display name,Date,Text,Type',
        '1001,11,GrzegorzBraun_,Grzegorz Braun,23.08.2022 11:09,Pierwszy wpis #StopSegregacji,tweet',
        '1002,12,anna_k,Anna K,23.08.2022 12:00,Udostępniam #StopSegregacji,tweet',
        '1003,13,jan_w,Jan W,24.08.2022 09:30,Drugi dzień #StopSegregacji,tweet',
        '1004,11,GrzegorzBraun_,Grzegorz Braun,24.08.2022 10:00,Znowu #StopSegregacji,tweet',
        '1005,12,anna_k,Anna K,25.08.2022 08:00,Bez hasztagu,tweet',
      ].join('\n'),
    );
    const init = await run('import', ['csv', '--init-mapping', 'export.csv']);
    expect([init.code, init.out]).toEqual([0, expect.stringContaining('Wrote export.mapping.jsonc')]);
    const mapping = await project.read('export.mapping.jsonc');
    // The columns are guessed from the header, the time format from the first rows; what cannot be guessed is left empty.
    for (const guessed of ['"id": "Tweet ID"', '"authorId": "User ID"', '"handle": "Username"', '"time": "Date"', '"text": "Text"', '"kind": "Type"', '"timeFormat": "dd.MM.yyyy HH:mm"']) {
      expect(mapping).toContain(guessed);
    }
    expect(mapping).toContain('"platform": ""');
    // Importing with the mapping as written names what is still empty.
    const unfinished = await run('import', ['export.csv', '--case', 'poland-2022', '--dataset', 'x-posts', '--mapping', 'export.mapping.jsonc']);
    expect(unfinished.code).toBe(1);
    expect(unfinished.out).toContain('export.mapping.jsonc');
    expect(unfinished.out).toContain('platform');
    await project.edit('export.mapping.jsonc', '"platform": ""', '"platform": "x"');
    await project.edit('export.mapping.jsonc', '"timeZone": ""', '"timeZone": "Europe/Warsaw"');
    await project.edit('export.mapping.jsonc', '"kinds": {}', '"kinds": { "tweet": "post" }');
    const { code, out } = await run('import', ['export.csv', '--case', 'poland-2022', '--dataset', 'x-posts', '--mapping', 'export.mapping.jsonc', '--licence', 'CC0-1.0']);
    expect([code, out]).toEqual([0, expect.stringContaining('5 posts')]);
    const posts = (await project.read('data/poland-2022/x-posts/posts.ndjson')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; createdAt: string; hashtags: string[] });
    expect(posts.find((p) => p.id === '1001')).toMatchObject({ createdAt: '2022-08-23T09:09:00Z', hashtags: ['StopSegregacji'] });
  });

  it('checks clean with --strict once the files are filled in and the figures agree with the data', async () => {
    await project.write(
      'content/sources/tvn-2022-segregation.md',
      '---\ntype: article\ntitle: Segregation campaign online\npublisher: Example News PL\ndate: 2022-09\nurl: https://news.example.pl/2022/09/segregation\naccessed: 2022-10-01\n---\n',
    );
    await project.write('content/entities/example-movement.md', '---\nkind: party\nname: Example Movement\nsources: [tvn-2022-segregation]\n---\n');
    await project.write(
      'content/accounts/x/grzegorzbraun.md',
      '---\nplatform: x\nhandle: GrzegorzBraun_\ndisplayName: Grzegorz Braun\nentity: example-movement\nsubject: public-figure\n---\n',
    );
    await project.write(
      CASE,
      [
        '---',
        'title: A hashtag campaign in Poland',
        'summary: How #StopSegregacji spread in August 2022.',
        'authors:',
        '  - name: Example Desk',
        '    organization: true',
        'publisher:',
        '  name: Example Newsroom',
        'published: 2022-10-02',
        'language: en',
        'timeZone: Europe/Warsaw',
        'period:',
        '  from: 2022-08-23',
        '  to: 2022-08-24',
        'hashtags:',
        '  - tag: StopSegregacji',
        'datasets: [x-posts]',
        'events:',
        '  - date: 2022-08-23',
        '    label: First post',
        '    source: tvn-2022-segregation',
        'status: published',
        'licence: CC-BY-4.0',
        '---',
        '',
        '## Two days of posts {#two-days}',
        '',
        ':account[x/GrzegorzBraun_] started it [@tvn-2022-segregation]: :count{hashtag=StopSegregacji expect=4} posts from',
        ':accounts{hashtag=StopSegregacji expect=3} accounts.',
        '',
        '::chart{kind=timeline hashtag=StopSegregacji bin=day caption="Posts per day"}',
        '',
      ].join('\n'),
    );
    const { code, out } = await run('check', ['--strict']);
    expect([code, out]).toEqual([0, '✓ no problems\n']);
  });

  it('says which days a figure counted when it disagrees with the text', async () => {
    await project.edit(CASE, 'expect=4}', 'expect=5}');
    const { code, out } = await run('check', []);
    expect(code).toBe(1);
    expect(out).toContain("Unexpected 4 for posts under #StopSegregacji, counted within the case's period (August 23, 2022 to August 24, 2022, Europe/Warsaw), expected 5");
    await project.edit(CASE, 'expect=5}', 'expect=4}');
  });

  it('builds both cases, and a plain build locks no address', async () => {
    const { code, out } = await run('build', []);
    expect([code, out]).toEqual([0, expect.stringContaining('built')]);
    const report = await readFile(path.join(project.root, 'dist/cases/poland-2022/index.html'), 'utf8');
    expect(report).toContain('href="/accounts/x/grzegorzbraun/"');
    expect(report).toMatch(/<a class="figure"[^>]*>4<\/a>/);
    expect(existsSync(path.join(project.root, 'dist', 'cases', EXAMPLE_CASE, 'index.html'))).toBe(true);
    expect(existsSync(path.join(project.root, 'anchors.lock.json'))).toBe(false);
  }, 900_000);

  it('imports a corrected export again: reports the changed and added rows, rewrites them only with --replace', async () => {
    await project.edit('export.csv', 'Udostępniam #StopSegregacji', 'Udostępniam dalej #StopSegregacji');
    await project.write('export.csv', `${await project.read('export.csv')}\n1006,13,jan_w,Jan W,25.08.2022 09:00,Trzeci dzień #StopSegregacji,tweet`);
    const args = ['export.csv', '--case', 'poland-2022', '--dataset', 'x-posts', '--mapping', 'export.mapping.jsonc'];
    const text1002 = async () => (await project.read('data/poland-2022/x-posts/posts.ndjson')).split('\n').find((line) => line.includes('"id":"1002"'));

    const merged = await run('import', args);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('1 added, 1 changed, 4 unchanged, 0 not in this export');
    expect(merged.out).toContain("the dataset's copies were kept");
    expect(await text1002()).toContain('"Udostępniam #StopSegregacji"');

    const replaced = await run('import', [...args, '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('--replace: 1 changed row rewritten from this export');
    expect(await text1002()).toContain('"Udostępniam dalej #StopSegregacji"');
    // The licence given at the first import survives; the new row is outside the period, so every figure still holds.
    expect(JSON.parse(await project.read('data/poland-2022/x-posts/manifest.json'))).toMatchObject({ licence: 'CC0-1.0' });
    const { code, out } = await run('check', ['--strict']);
    expect([code, out]).toEqual([0, '✓ no problems\n']);
  });

  it('leaves the example, as the project tests copy it, alone and clean', async () => {
    const files = await exampleFiles(project.root);
    expect(files.filter((f) => /poland|grzegorz|tvn-2022|example-movement/.test(f))).toEqual([]);
    const copy = await copyExample(undefined, project.root);
    try {
      const { diagnostics } = await checkProject(copy, { today: '2026-11-28', cacheDir: `${copy}/.casefile/cache` });
      expect(diagnostics).toEqual([]);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
