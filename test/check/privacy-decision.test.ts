/**
 * One privacy decision for the whole site. A private person may post under one platform id in one case and
 * another in the next (a new account, the same handle): the evidence card in a report, the account page and
 * the released posts must all show a post of theirs under one stand-in id, taken from everything the data
 * of every case shows of them.
 */
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../../src/check/check-project.ts';
import { datasetFiles, releasedStream } from '../../src/site/released-datasets.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';
import { assembleSite } from '../support/site.ts';

const DOSSIER = `---
platform: x
handle: JaneDoe77
displayName: Jane Doe
subject: private
pseudonym: Member A
---
A private individual [@demo-source].
`;

const post = (id: string, authorId: string, createdAt: string) =>
  JSON.stringify({ id, platform: 'x', author: { id: authorId, handle: 'JaneDoe77' }, createdAt, text: 'Look #DemoTag', kind: 'post', hashtags: ['DemoTag'] });

let project: TempProject;
let result: CheckResult;

beforeAll(async () => {
  project = await tempProject('minimal');
  await project.write('content/accounts/x/member-a.md', DOSSIER);
  // The first case: the person posts as platform id 4815162342, and the report cards the post.
  const posts = await project.read('data/demo-case/posts/posts.ndjson');
  await project.write('data/demo-case/posts/posts.ndjson', `${posts}${post('1790000000000000001', '4815162342', '2024-05-16T11:00:00+04:00')}\n`);
  await project.rehash('data/demo-case/posts/manifest.json');
  await project.edit('content/cases/demo-case/index.md', 'expect=5', 'expect=6');
  await project.write('content/cases/demo-case/index.md', `${await project.read('content/cases/demo-case/index.md')}\n::post{id=1790000000000000001}\n`);
  // The second case: the same handle under another platform id.
  await project.write('data/second-case/posts/manifest.json', (await project.read('data/demo-case/posts/manifest.json')));
  await project.write('data/second-case/posts/posts.ndjson', `${post('1790000000000000009', '5550001', '2024-05-17T11:00:00+04:00')}\n`);
  await project.rehash('data/second-case/posts/manifest.json');
  const caseText = (await project.read('content/cases/demo-case/index.md')).replace(/\n## The first post[\s\S]*$/, '\n');
  await project.write('content/cases/second-case/index.md', caseText.replace('title: A small demonstration case', 'title: A second case'));
  result = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
}, 120_000);
afterAll(() => project.remove());

describe('a private person with another platform id in each case', () => {
  it('builds without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.cases.map((c) => c.id).sort()).toEqual(['demo-case', 'second-case']);
  });

  it('shows a post of theirs under the same stand-in id on its evidence card and in the released posts', async () => {
    const site = assembleSite(result);
    const demo = site.cases.find((c) => c.id === 'demo-case')!;
    const [file] = datasetFiles(site, demo);
    const released = (await text(releasedStream(site, file!))).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; author: { id: string } });
    const theirs = released.filter((p) => p.author.id === 'pseudonymised-x-member-a');
    expect(theirs).toHaveLength(1);
    const standIn = theirs[0]!.id;
    expect(standIn).toMatch(/^pseudonymised-x-member-a-post-[0-9a-f]{12}$/);
    expect(demo.report.html).toContain(standIn);
    expect(demo.report.html).not.toContain('1790000000000000001');
  });
});
