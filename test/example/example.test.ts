/**
 * The shipped example must stay true to the seed article's published figures,
 * and an editor's mistakes in it must all be reported at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../../src/check/check-project.ts';
import { figureKey } from '../../src/aggregate/figure-query.ts';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempProject, type TempProject } from '../support/fixture-project.ts';
import { assembleSite } from '../support/site.ts';
import { copyExample, exampleFiles } from '../support/example-project.ts';

/** The example's own dates are its clock: the day it was last published. */
const TODAY = '2026-11-28';
let result: CheckResult;
let example: TempProject;

beforeAll(async () => {
  // A copy of the example alone: the repository may also hold an editor's cases, which are theirs to check.
  example = await tempProject('example');
  result = await checkProject(example.root, { today: TODAY, cacheDir: `${example.root}/.casefile/cache` });
});
afterAll(() => example.remove());

describe('the example case new-caledonia-2024', () => {
  it('passes the check without a single diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('holds 1,413 posts under #RecognizeNewCaledonia from 16 to 22 May 2024, peaking on 16 May', () => {
    const c = result.cases.find((x) => x.id === 'new-caledonia-2024')!;
    const timeline = c.model.timelines.RecognizeNewCaledonia!;
    expect(timeline.total).toBe(1413);
    expect(timeline.peakDay.labels).toEqual(['2024-05-16']);
    const count = c.model.figures[figureKey({ measure: 'count', hashtag: 'RecognizeNewCaledonia', from: '2024-05-16', to: '2024-05-22' })];
    expect(count?.value).toBe(1413);
  });

  it('marks its dataset synthetic', () => {
    const c = assembleSite(result).cases.find((x) => x.id === 'new-caledonia-2024')!;
    expect(c.synthetic).toBe(true);
    expect(c.datasets.every((d) => d.manifest.synthetic && d.manifest.syntheticExplanation)).toBe(true);
  });
});

describe('a copy of the example with five mistakes in three files', () => {
  const CASE = 'content/cases/new-caledonia-2024/index.md';
  const ACCOUNT = 'content/accounts/x/esmirakhahil.md';
  const SOURCE = 'content/sources/rferl-2024-new-caledonia.md';
  let diagnostics: CheckResult['diagnostics'];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const p = await tempProject('example');
    cleanup = p.remove;
    await p.edit(CASE, 'label: State of emergency lifted\n    source: rferl-2024-new-caledonia', 'label: State of emergency lifted\n    source: rferl-2024-new-caledona');
    await p.edit(CASE, /expect=1413\}/, 'expect=1431}');
    await p.edit(ACCOUNT, 'entity: state-committee-diaspora', 'entity: state-comittee-diaspora');
    await p.edit(ACCOUNT, 'by this account [@rferl-2024-new-caledonia]', 'by this account [@rferl-2024-new-caledonai]');
    await p.edit(SOURCE, /accessed: 2026-11-28/, 'accessed: 2026-13-01');
    ({ diagnostics } = await checkProject(p.root, { today: TODAY, cacheDir: `${p.root}/.casefile/cache` }));
  });
  afterAll(() => cleanup());

  it('yields exactly five diagnostics, each at its file and line', () => {
    expect(diagnostics.map((d) => `${d.file} ${d.ruleId}`).sort()).toEqual(
      [
        `${ACCOUNT} reference/source`,
        `${ACCOUNT} reference/entity`,
        `${CASE} reference/source`,
        `${SOURCE} schema/invalid-value`,
        `${CASE} figure/expect-mismatch`,
      ].sort(),
    );
    for (const d of diagnostics) expect(d.start.line).toBeGreaterThan(1);
  });
});

describe('a copy of the example whose data lost one post under the hashtag', () => {
  it('fails at the line of the stated figure, with the stated and the computed value', async () => {
    const p = await tempProject('example');
    try {
      const posts = 'data/new-caledonia-2024/x-hashtags/posts.ndjson';
      const lines = (await p.read(posts)).split('\n');
      // Drop one original post of 18 May that carries the tag (and is nobody's cascade root).
      const index = lines.findIndex(
        (l) => l.includes('"createdAt":"2024-05-18T') && l.includes('"kind":"reply"') && /RecognizeNewCal/i.test(l),
      );
      expect(index).toBeGreaterThan(-1);
      lines.splice(index, 1);
      await p.write(posts, lines.join('\n'));
      await p.rehash('data/new-caledonia-2024/x-hashtags/manifest.json');
      const { diagnostics } = await checkProject(p.root, { today: TODAY, cacheDir: `${p.root}/.casefile/cache` });
      // The report and its French translation state the same figure, checked against the same data: both fail, each at its line.
      const figures = diagnostics.filter((d) => d.ruleId === 'figure/expect-mismatch' && d.message.includes('1,412'));
      expect(figures.map((d) => d.file)).toEqual(['content/cases/new-caledonia-2024/index.fr.md', 'content/cases/new-caledonia-2024/index.md']);
      for (const figure of figures) {
        const text = await p.read(figure.file);
        const line = text.split('\n').findIndex((l) => l.includes('expect=1413')) + 1;
        expect(figure.start.line).toBe(line);
        expect(figure.message).toMatch(/Unexpected 1,412 .* expected 1413/);
      }
    } finally {
      await p.remove();
    }
  });
});

describe('the example as the tests see it, in a repository that also holds an editor\'s case', () => {
  it('leaves out the other case, its data and the files only it uses, so their mistakes are not the example\'s', async () => {
    const repo = await tempProject('example');
    let copy: string | undefined;
    try {
      const shipped = await exampleFiles(repo.root);
      const added = {
        'content/cases/poland-2022/index.md': '---\ntitle: A second case\nsummary: \'\'\npublished: 2099-01-01\n---\nSee [@poland-source] and :account[x/kampania].\n',
        'content/sources/poland-source.md': '---\ntype: article\ntitle: \'\'\naccessed: 2099-13-01\n---\n',
        'content/accounts/x/kampania.md': '---\nplatform: x\nhandle: Kampania\nentity: nowhere\n---\n',
        'data/poland-2022/posts/manifest.json': '{ not json',
      };
      for (const [file, text] of Object.entries(added)) {
        await mkdir(path.dirname(path.join(repo.root, file)), { recursive: true });
        await writeFile(path.join(repo.root, file), text);
      }
      expect(await exampleFiles(repo.root)).toEqual(shipped);
      copy = await copyExample(undefined, repo.root);
      const { diagnostics } = await checkProject(copy, { today: TODAY, cacheDir: `${copy}/.casefile/cache` });
      expect(diagnostics).toEqual([]);
      // The whole repository, as `npm run verify` checks it, does report the editor's mistakes.
      const whole = await checkProject(repo.root, { today: TODAY, cacheDir: `${repo.root}/.casefile/cache` });
      expect(new Set(whole.diagnostics.map((d) => d.file.split('/').slice(0, 3).join('/')))).toEqual(
        new Set(['content/cases/poland-2022', 'content/sources/poland-source.md', 'content/accounts/x', 'data/poland-2022/posts']),
      );
    } finally {
      await repo.remove();
      if (copy) await rm(copy, { recursive: true, force: true });
    }
  });
});
