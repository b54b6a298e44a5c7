/**
 * `npm run check` on broken copies of a small valid project: each mistake is reported at its
 * file and line:column with the expected wording (golden text), and nothing else is reported.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { formatDiagnostics } from '../../src/diagnostics/reporter.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';
import { assembleSite } from '../support/site.ts';
import { expectGolden } from '../support/golden.ts';

const TODAY = '2026-11-28';
const CASE = 'content/cases/demo-case/index.md';
const SOURCE = 'content/sources/demo-source.md';
const ACCOUNT = 'content/accounts/x/demo_official.md';
const MANIFEST = 'data/demo-case/posts/manifest.json';
const POSTS = 'data/demo-case/posts/posts.ndjson';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function check(edits: (p: TempProject) => Promise<void>) {
  project = await tempProject('minimal');
  await edits(project);
  const { diagnostics } = await checkProject(project.root, { today: TODAY, cacheDir: `${project.root}/.casefile/cache` });
  return { diagnostics, text: formatDiagnostics(diagnostics, 'text') };
}

describe('checkProject(root)', () => {
  it('finds no problem in the valid fixture', async () => {
    const { diagnostics } = await check(async () => {});
    expect(diagnostics).toEqual([]);
  });

  const cases: [string, (p: TempProject) => Promise<void>, { file: string; line: number; column: number; ruleId: string }[]][] = [
    ['wrong-type', (p) => p.edit(CASE, 'licence: CC-BY-4.0', 'licence: CC-BY-4.0\ntopAccounts: many'), [{ file: CASE, line: 24, column: 14, ruleId: 'schema/invalid-type' }]],
    ['missing-field', (p) => p.edit(SOURCE, 'accessed: 2024-06-01\n', ''), [{ file: SOURCE, line: 2, column: 1, ruleId: 'schema/missing' }]],
    ['bad-date', (p) => p.edit(CASE, 'published: 2024-06-01', 'published: 2024-02-30'), [{ file: CASE, line: 8, column: 12, ruleId: 'schema/invalid-value' }]],
    ['unknown-reference', (p) => p.edit(ACCOUNT, 'entity: demo-party', 'entity: demo-partyy'), [{ file: ACCOUNT, line: 7, column: 13, ruleId: 'reference/entity' }]],
    [
      'duplicate-id',
      async (p) => p.write('content/accounts/x/demo-official-again.md', (await p.read(ACCOUNT)).replace('Demo Official', 'Demo Official again')),
      [{ file: 'content/accounts/x/demo_official.md', line: 3, column: 9, ruleId: 'account/duplicate' }],
    ],
    ['hash-mismatch', (p) => p.edit(POSTS, 'Reply #DemoTag', 'Reply #DemoTag!'), [
      { file: MANIFEST, line: 15, column: 78, ruleId: 'dataset/hash-mismatch' },
      { file: MANIFEST, line: 15, column: 155, ruleId: 'dataset/size-mismatch' },
    ]],
    ['malformed-json', (p) => p.edit(MANIFEST, '"licence": "CC0-1.0",', '"licence": "CC0-1.0",,'), [{ file: MANIFEST, line: 11, column: 24, ruleId: 'json/syntax' }]],
    [
      'ndjson-bad-line',
      async (p) => {
        await p.edit(POSTS, '"createdAt":"2024-05-16T10:00:00+04:00"', '"createdAt":"2024-05-16 10:00"');
        await p.rehash(MANIFEST);
      },
      [{ file: POSTS, line: 3, column: 78, ruleId: 'schema/invalid-value' }],
    ],
    ['figure-unknown-account', (p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', ':count{hashtag=DemoTag account=user_aa}'), [{ file: CASE, line: 30, column: 52, ruleId: 'figure/unknown-account' }]],
    ['figure-unknown-post', (p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', ':cascade-size{post=99}'), [{ file: CASE, line: 30, column: 52, ruleId: 'figure/unknown-post' }]],
    // An empty answer once crashed the check (`RangeError: Invalid time value`) on a figure that names a time.
    ['figure-empty', (p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', ':first-time{hashtag=DemoTag kind=reply from=2024-05-16 to=2024-05-16}'), [{ file: CASE, line: 30, column: 52, ruleId: 'figure/empty' }]],
    ['figure-outside-period', (p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', ':count{hashtag=DemoTag from=2024-05-18}'), [{ file: CASE, line: 30, column: 52, ruleId: 'figure/outside-period' }]],
    ['deep-yaml', (p) => p.edit(ACCOUNT, 'confidence: confirmed', 'confidence: certain'), [{ file: ACCOUNT, line: 10, column: 17, ruleId: 'schema/invalid-value' }]],
  ];

  for (const [name, edits, expected] of cases) {
    it(`reports ${name} at its file, line and column`, async () => {
      const { diagnostics, text } = await check(edits);
      expect(diagnostics.map((d) => ({ file: d.file, line: d.start.line, column: d.start.column, ruleId: d.ruleId }))).toEqual(expected);
      await expectGolden(`check/${name}.txt`, text);
    });
  }

  it('reports every mistake of a run together', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(CASE, 'published: 2024-06-01', 'published: 2024-02-30');
      await p.edit(ACCOUNT, 'confidence: confirmed', 'confidence: certain');
      await p.edit(SOURCE, 'accessed: 2024-06-01\n', '');
    });
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set([CASE, ACCOUNT, SOURCE]));
  });

  it('reports the prose\'s own mistakes when the data has errors too', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(POSTS, '"createdAt":"2024-05-16T10:00:00+04:00"', '"createdAt":"2024-05-16 10:00"');
      await p.rehash(MANIFEST);
      await p.edit(CASE, ':account[x/demo_official] posted first.', ':account[x/demo_officiall] posted first.');
    });
    expect(diagnostics.map((d) => [d.file, d.start.line, d.ruleId])).toEqual([
      [CASE, 30, 'reference/account'],
      [POSTS, 3, 'schema/invalid-value'],
    ]);
  });

  it('reports a posts file changed without its manifest even when the size is the same (the SHA-256 is checked, not only the size)', async () => {
    const { diagnostics } = await check((p) => p.edit(POSTS, 'Reply #DemoTag', 'Reply #DemoTax'));
    expect(diagnostics.map((d) => [d.file, d.start.line, d.ruleId])).toEqual([[MANIFEST, 15, 'dataset/hash-mismatch']]);
  });

  it('reports a posts file edited by hand without its manifest as changed AND its broken line, in one run, even with a warm cache', async () => {
    project = await tempProject('minimal');
    const options = { today: TODAY, cacheDir: `${project.root}/.casefile/cache` };
    expect((await checkProject(project.root, options)).diagnostics).toEqual([]);
    await project.write(POSTS, `${await project.read(POSTS)}{"id":"6","platform":"x","author":{"id":"200"},"createdAt":"2024-05-17 09:00","text":"#DemoTag","kind":"post"}\n`);
    const { diagnostics } = await checkProject(project.root, options);
    expect(diagnostics.map((d) => [d.file, d.start.line, d.ruleId])).toEqual([
      [MANIFEST, 15, 'dataset/hash-mismatch'],
      [MANIFEST, 15, 'dataset/size-mismatch'],
      [POSTS, 6, 'schema/invalid-value'],
    ]);
  });

  it('validates a dataset\'s accounts file: each bad record at its line and field, with the rest of the run', async () => {
    const ACCOUNTS = 'data/demo-case/posts/accounts.ndjson';
    const { diagnostics } = await check(async (p) => {
      await p.write(ACCOUNTS, [
        '{"id":"100","platform":"x","handle":"demo_official","followers":12}',
        '{"id":"200","platform":"x","handle":"user_a","followers":-3}',
        '{"id":"300","platform":"x",',
      ].join('\n'));
      await p.edit(MANIFEST, '"bytes": 944 }', '"bytes": 944 },\n    { "path": "accounts.ndjson", "format": "ndjson", "role": "accounts", "sha256": "0" }');
      await p.rehash(MANIFEST);
      await p.edit(SOURCE, 'accessed: 2024-06-01\n', '');
    });
    expect(diagnostics.map((d) => [d.file, d.start.line, d.start.column, d.ruleId])).toEqual([
      [SOURCE, 2, 1, 'schema/missing'],
      [ACCOUNTS, 2, 58, 'schema/out-of-range'],
      [ACCOUNTS, 3, 28, 'json/syntax'], // the end of the line, where the record stops early
    ]);
  });

  it('names a private account\'s heatmap by its dossier, never by its platform id', async () => {
    project = await tempProject('minimal');
    await project.edit(ACCOUNT, 'handle: demo_official\n', 'handle: null\nplatformId: "100"\n');
    await project.edit(ACCOUNT, 'subject: official', 'subject: private\npseudonym: Account A');
    await project.edit(CASE, ':account[x/demo_official] posted first.', 'An account posted first.');
    // Named after the pseudonym: a private dossier named after the handle its data shows is an error of its own.
    await project.write('content/accounts/x/account-a.md', await project.read(ACCOUNT));
    await rm(path.join(project.root, ACCOUNT));
    const checked = await checkProject(project.root, { today: TODAY, cacheDir: `${project.root}/.casefile/cache` });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const charts = Object.keys(assembleSite(checked).cases[0]!.charts).filter((id) => id.startsWith('heatmap-'));
    expect(charts.some((id) => id.startsWith('heatmap-x_2f_account'))).toBe(true);
    expect(charts.some((id) => id.includes("100"))).toBe(false);
  });

  it('accepts a figure whose empty answer the text states with expect=0, and reports it without', async () => {
    const zero = ':count{hashtag=DemoTag kind=quote to=2024-05-16 expect=0}';
    const stated = await check((p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', zero));
    expect(stated.diagnostics).toEqual([]);
    const unstated = await check((p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', zero.replace(' expect=0', '')));
    expect(unstated.diagnostics.map((d) => d.ruleId)).toEqual(['figure/empty']);
  });

  it('reports :first-time{hashtag=DemoTag account=nobody} as an unknown account, with the closest handle as a hint', async () => {
    const { diagnostics } = await check((p) => p.edit(CASE, ':count{hashtag=DemoTag expect=5}', ':first-time{hashtag=DemoTag account=nobody} and :count{account=user_bb}'));
    expect(diagnostics.map((d) => [d.ruleId, d.actual, d.hint])).toEqual([
      ['figure/unknown-account', 'nobody', 'Check the spelling, or add a dossier for the account.'],
      ['figure/unknown-account', 'user_bb', 'Did you mean `user_b`?'],
    ]);
  });
});

describe('dates after today', () => {
  it('suggests the swapped month and day when that date is past', async () => {
    const { diagnostics } = await check((p) => p.edit(SOURCE, 'accessed: 2024-06-01', 'accessed: 2026-12-11'));
    const future = diagnostics.find((d) => d.ruleId === 'date/future');
    expect(future?.message).toBe('Unexpected access date `2026-12-11` in the future, expected a date on or before 2026-11-28.');
    expect(future?.hint).toBe('Did you mean `2026-11-12`? Dates are YYYY-MM-DD: year, month, day.');
  });

  it('names the clock it compared with when no swap explains the date', async () => {
    const { diagnostics } = await check((p) => p.edit(SOURCE, 'accessed: 2024-06-01', 'accessed: 2026-11-29'));
    const future = diagnostics.find((d) => d.ruleId === 'date/future');
    expect(future?.hint).toMatch(/^Today is 2026-11-28 by this computer's clock/);
    expect(future?.hint).not.toMatch(/order of month and day/);
  });
});

describe('implausible years', () => {
  it('warns at a year before 1800 in frontmatter, sources and the manifest, and at posts before their platform or after collection', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(SOURCE, 'accessed: 2024-06-01', 'accessed: 1024-06-01');
      await p.edit(CASE, '  - date: 2024-05-16\n    label: Campaign starts', '  - date: 1000-05-16\n    label: Campaign starts');
      const posts = (await p.read(POSTS)).split('\n');
      posts[1] = posts[1]!.replace('"2024-05-16T09:05:00+04:00"', '"1000-05-16T09:05:00+04:00"');
      posts[2] = posts[2]!.replace('"2024-05-16T10:00:00+04:00"', '"9999-05-16T10:00:00+04:00"');
      await p.write(POSTS, posts.join('\n'));
      await p.rehash(MANIFEST);
    });
    const years = diagnostics.filter((d) => /^date\/(implausible-year|before-platform|after-collection)$/.test(d.ruleId));
    expect(years.map((d) => [d.file, d.start.line, d.ruleId, d.severity])).toEqual([
      [CASE, 19, 'date/implausible-year', 'warning'],
      [SOURCE, 9, 'date/implausible-year', 'warning'],
      [POSTS, 2, 'date/before-platform', 'warning'],
      [POSTS, 3, 'date/after-collection', 'warning'],
    ]);
    expect(years[1]!.message).toBe('Unexpected access date `1024-06-01` in the year 1024, expected 1800 or later.');
    expect(years[3]!.message).toMatch(/^Unexpected post time `9999-05-16T10:00:00\+04:00` after the data was collected \(.+\), expected an earlier date\.$/);
  });
});

describe('a case whose frontmatter has an error', () => {
  it('still has its body checked against the data, so one bad date hides nothing', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(CASE, '  - date: 2024-05-16\n    label: Campaign starts', '  - date: 2024-05-36\n    label: Campaign starts');
      await p.edit(CASE, 'expect=5}', 'expect=6}');
      await p.edit(CASE, '[@demo-source]', '[@demo-sourse]');
    });
    expect(diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId}`)).toEqual([
      `${CASE}:19 schema/invalid-value`,
      `${CASE}:26 reference/source`,
      `${CASE}:30 figure/expect-mismatch`,
    ]);
  });

  it('checks the prose alone when what the data needs is itself wrong', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(CASE, 'timeZone: Asia/Baku', 'timeZone: Asia/Bakuu');
      await p.edit(CASE, '[@demo-source]', '[@demo-sourse]');
    });
    expect(diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId}`)).toEqual([`${CASE}:10 schema/invalid-value`, `${CASE}:26 reference/source`]);
  });
});

describe('findings locked in anchors.lock.json', () => {
  const lock = JSON.stringify({ pages: { '/cases/demo-case/': ['first-post', 'main'] }, aliases: {} });

  it('fail the check when a locked finding is renamed, at the renamed heading, with the alias to add', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.write('anchors.lock.json', lock);
      await p.edit(CASE, '{#first-post}', '{#earliest-post}');
    });
    expect(diagnostics.map((d) => ({ file: d.file, line: d.start.line, ruleId: d.ruleId }))).toEqual([{ file: CASE, line: 28, ruleId: 'anchors/removed' }]);
    expect(diagnostics[0]!.hint).toBe(
      'Give the finding its id back ({#first-post}), or keep the new id and add "first-post": "earliest-post" under aliases["/cases/demo-case/"] in anchors.lock.json.',
    );
  });

  it('pass once the alias is in the lock, and without a lock nothing is locked', async () => {
    const aliased = await check(async (p) => {
      await p.write('anchors.lock.json', JSON.stringify({ pages: { '/cases/demo-case/': ['first-post', 'main'] }, aliases: { '/cases/demo-case/': { 'first-post': 'earliest-post' } } }));
      await p.edit(CASE, '{#first-post}', '{#earliest-post}');
    });
    expect(aliased.diagnostics).toEqual([]);
    await project?.remove();
    const unlocked = await check((p) => p.edit(CASE, '{#first-post}', '{#earliest-post}'));
    expect(unlocked.diagnostics).toEqual([]);
  });
});

describe('a source dated by its month or year only', () => {
  it('is accepted as 2022-09 or 2022, and a month that does not exist is not', async () => {
    for (const date of ['2024-05', '2024']) {
      const { diagnostics } = await check((p) => p.edit(SOURCE, 'date: 2024-05-20', `date: ${date}`));
      expect(diagnostics, date).toEqual([]);
      await project?.remove();
      project = undefined;
    }
    const { diagnostics } = await check((p) => p.edit(SOURCE, 'date: 2024-05-20', 'date: 2024-13'));
    expect(diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`)).toEqual([
      '6:7 schema/invalid-value Unexpected `2024-13` in `date`, expected a date written as YYYY-MM-DD, YYYY-MM or YYYY.',
    ]);
  });
});

describe('--strict', () => {
  it('requires expect= on every figure and {#id} on every section heading, at their place', async () => {
    const edits = async (p: TempProject) => {
      await p.edit(CASE, 'There were :count{hashtag=DemoTag expect=5} posts.', 'There were :count{hashtag=DemoTag} posts.\n\n## How it spread\n');
    };
    const relaxed = await check(edits);
    expect(relaxed.diagnostics).toEqual([]);
    const strict = await checkProject(project!.root, { today: TODAY, cacheDir: `${project!.root}/.casefile/cache`, strict: true });
    expect(strict.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.ruleId} ${d.hint}`)).toEqual([
      '30:52 strict/figure-expect Add expect=5 inside the braces if 5 is what the text means.',
      '32:1 strict/finding-id Add {#how-it-spread} at the end of the heading: it becomes the finding\'s permanent address.',
    ]);
  });
});
