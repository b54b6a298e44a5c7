/**
 * `npm run new` into a copy of the minimal project, checked: each new file fails the check at the
 * facts left empty, and passes once a journalist fills them in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../check/check-project.ts';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { scaffold } from './scaffold.ts';
import type { ScaffoldRequest } from './kinds.ts';

const TODAY = '2026-11-28';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function newFile(request: Omit<ScaffoldRequest, 'today'>) {
  project ??= await tempProject('minimal');
  const plan = await scaffold(project.root, { ...request, today: TODAY });
  return plan.files.map((f) => f.path);
}

/** Replace the first empty `field: ''` line, as an editor working down the file would. */
async function fill(file: string, field: string, value: string) {
  const text = await project!.read(file);
  const line = new RegExp(`^(\\s*(?:- )?)${field}: ''$`, 'm');
  expect(text, `an empty ${field} in ${file}`).toMatch(line);
  await project!.write(file, text.replace(line, `$1${field}: ${value}`));
}

async function problemsIn(files: string[]) {
  const { diagnostics } = await checkProject(project!.root, { today: TODAY, cacheDir: `${project!.root}/.casefile/cache` });
  return diagnostics.filter((d) => files.includes(d.file)).map((d) => `${d.file}:${d.start.line} ${d.ruleId} ${d.message}`);
}

describe('scaffold(root, request)', () => {
  it('writes a source that fails the check at its empty facts until they are filled', async () => {
    const [file] = await newFile({ kind: 'source', args: ['rferl-2024'], url: 'https://www.rferl.org/a/campaign.html' });
    expect(file).toBe('content/sources/rferl-2024.md');
    const before = await problemsIn([file!]);
    expect(before).toEqual([
      expect.stringMatching(/^content\/sources\/rferl-2024\.md:\d+ schema\/invalid-value .*`type`, expected one of `article`/),
      expect.stringMatching(/^content\/sources\/rferl-2024\.md:\d+ schema\/out-of-range .*`title`, expected text that is not empty/),
    ]);
    await fill(file!, 'type', 'article');
    await fill(file!, 'title', 'Azerbaijan-linked accounts push New Caledonia hashtag');
    expect(await problemsIn([file!])).toEqual([]);
    expect(await project!.read(file!)).toMatch(/^url: https:\/\/www\.rferl\.org\/a\/campaign\.html$/m);
    expect(await project!.read(file!)).toMatch(/^accessed: 2026-11-28$/m);
  });

  it('writes an entity that passes once its kind and name are filled', async () => {
    const [file] = await newFile({ kind: 'entity', args: ['new-azerbaijan-party'] });
    expect((await problemsIn([file!])).length).toBe(2);
    await fill(file!, 'kind', 'party');
    await fill(file!, 'name', 'New Azerbaijan Party');
    expect(await problemsIn([file!])).toEqual([]);
  });

  it('writes an account dossier that passes once its display name and subject are filled', async () => {
    const [file] = await newFile({ kind: 'account', args: ['x', '@Esmira_Khalil'] });
    expect(file).toBe('content/accounts/x/esmira_khalil.md');
    await fill(file!, 'displayName', 'Esmira Khalil');
    await fill(file!, 'subject', 'official');
    expect(await problemsIn([file!])).toEqual([]);
    expect(await project!.read(file!)).toMatch(/^handle: Esmira_Khalil$/m);
  });

  it('names a private individual\'s dossier after the pseudonym and marks it private', async () => {
    const [file] = await newFile({ kind: 'account', args: ['x', 'real_person_99'], pseudonym: 'Account A' });
    expect(file).toBe('content/accounts/x/account-a.md');
    const text = await project!.read(file!);
    expect(text).toMatch(/^subject: private$/m);
    expect(text).toMatch(/^pseudonym: Account A$/m);
    await fill(file!, 'displayName', 'Real Person');
    expect(await problemsIn([file!])).toEqual([]);
  });

  it('writes a case and its dataset that pass once filled, with posts added and hashed', async () => {
    const [caseFile] = await newFile({ kind: 'case', args: ['new-case'] });
    const [manifest, posts] = await newFile({ kind: 'dataset', args: ['new-case', 'posts'] });
    expect([caseFile, manifest, posts]).toEqual(['content/cases/new-case/index.md', 'data/new-case/posts/manifest.json', 'data/new-case/posts/posts.ndjson']);
    expect(await problemsIn([caseFile!, manifest!])).not.toEqual([]);

    for (const [field, value] of [
      ['title', 'A new case'],
      ['summary', 'One post, for the test.'],
      ['name', 'Test Desk'],
      ['name', 'Casefile tests'],
      ['timeZone', 'Pacific/Noumea'],
      ['from', '2024-05-16'],
      ['to', '2024-05-17'],
      ['tag', 'DemoTag'],
      ['licence', 'CC-BY-4.0'],
    ] as const) {
      await fill(caseFile!, field, value);
    }
    await project!.edit(caseFile!, '\ndatasets: []\n', '\ndatasets: [posts]\n');

    const m = JSON.parse(await project!.read(manifest!)) as Record<string, unknown> & { collection: Record<string, unknown> };
    Object.assign(m, { title: 'Posts', platform: 'x', licence: 'CC0-1.0' });
    Object.assign(m.collection, { tool: 'twarc2', query: '#DemoTag', from: '2024-05-16T00:00:00Z', to: '2024-05-18T00:00:00Z', collectedAt: '2024-05-20T00:00:00Z' });
    await project!.write(manifest!, JSON.stringify(m, null, 2));
    await project!.write(posts!, `${JSON.stringify({ id: '1', platform: 'x', author: { id: '9', handle: 'a' }, createdAt: '2024-05-16T09:00:00Z', text: '#DemoTag', kind: 'post', hashtags: ['DemoTag'] })}\n`);
    await project!.rehash(manifest!);

    expect(await problemsIn([caseFile!, manifest!, posts!])).toEqual([]);

    // The commented-out coordination and aggregation examples, uncommented as written, pass too.
    const text = await project!.read(caseFile!);
    const uncommented = text.replace(/^# ((?:coordination|aggregation):.*)$|^# ( {2}\w+: .*)$/gm, (_, head?: string, field?: string) => (head ?? field)!);
    for (const line of [/^coordination: /m, /^ {2}window: 60 /m, /^ {2}weightPercentile: 0 /m, /^aggregation: \{engine: inprocess\}/m]) expect(uncommented).toMatch(line);
    await project!.write(caseFile!, uncommented);
    expect(await problemsIn([caseFile!, manifest!, posts!])).toEqual([]);
  });

  it('writes an empty posts file whose hash the manifest already states', async () => {
    const [manifest] = await newFile({ kind: 'dataset', args: ['demo-case', 'extra'] });
    const problems = await problemsIn([manifest!, 'data/demo-case/extra/posts.ndjson']);
    expect(problems.some((p) => /hash|size/.test(p))).toBe(false);
  });
});
