/**
 * An editor's day, from a copy of the project with its shipped example: a second case scaffolded with
 * `npm run new` (case, source, entity, dossier), filled in, its posts imported from a CSV export, figures
 * written and checked, the site built; and the example, as the project's own tests see it, still alone
 * and clean beside the new case. Every command runs as the editor runs it, as its own process.
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

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const CASE = 'content/cases/poland-2022/index.md';

let project: TempProject;

/** `npm run <script> -- args`, in the editor's project; resolves with the exit code and what was printed. */
async function run(script: 'new' | 'import' | 'check' | 'build', args: string[]): Promise<{ code: number; out: string }> {
  const rooted = script === 'import' ? args : [...args, '--root', project.root];
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [path.join(repoRoot, 'src/cli', `${script}.ts`), ...rooted], {
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

  it('imports the posts from a CSV export with a column mapping', async () => {
    await project.write(
      'export.csv',
      [
        'Tweet ID,User ID,Username,Display name,Date,Text,Type,Hashtags',
        '1001,11,GrzegorzBraun_,Grzegorz Braun,2022-08-23 11:09:00,Pierwszy wpis #StopSegregacji,tweet,StopSegregacji',
        '1002,12,anna_k,Anna K,2022-08-23 12:00:00,Udostępniam #StopSegregacji,tweet,StopSegregacji',
        '1003,13,jan_w,Jan W,2022-08-24 09:30:00,Drugi dzień #StopSegregacji,tweet,StopSegregacji',
        '1004,11,GrzegorzBraun_,Grzegorz Braun,2022-08-24 10:00:00,Znowu #StopSegregacji,tweet,StopSegregacji',
        '1005,12,anna_k,Anna K,2022-08-25 08:00:00,Bez hasztagu,tweet,',
      ].join('\n'),
    );
    await project.write(
      'mapping.json',
      JSON.stringify({
        platform: 'x',
        columns: { id: 'Tweet ID', authorId: 'User ID', handle: 'Username', name: 'Display name', time: 'Date', text: 'Text', kind: 'Type', hashtags: 'Hashtags' },
        kinds: { tweet: 'post', retweet: 'repost' },
        timeZone: 'Europe/Warsaw',
      }),
    );
    const { code, out } = await run('import', ['csv', 'export.csv', '--case', 'poland-2022', '--dataset', 'x-posts', '--mapping', 'mapping.json', '--licence', 'CC0-1.0']);
    expect([code, out]).toEqual([0, expect.stringContaining('5 posts')]);
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
