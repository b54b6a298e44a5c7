/**
 * A private person's dossier id names their page, sitemap entry and released stand-in id: a file name
 * that carries their handle (in any case) or platform id is a located error with a hint to pick a pseudonym.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const dossier = (handle: string, platformId: string) => `---
platform: x
handle: ${handle}
platformId: "${platformId}"
displayName: Jane Doe
subject: private
pseudonym: Member A
---
A private individual [@demo-source].
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function diagnosticsWith(file: string, text: string) {
  project = await tempProject('minimal');
  await project.write(file, text);
  const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
  return diagnostics.filter((d) => d.ruleId === 'privacy/revealing-id');
}

describe('the id of a private dossier', () => {
  it('may not contain the handle, whatever its case: located at the handle, with a hint to pick a pseudonym', async () => {
    const found = await diagnosticsWith('content/accounts/x/the-janedoe77-account.md', dossier('JaneDoe77', '4815162342'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/accounts/x/the-janedoe77-account.md', start: { line: 3, column: 9 }, severity: 'error', actual: 'x/the-janedoe77-account' });
    expect(found[0]!.message).toContain('JaneDoe77');
    expect(found[0]!.hint).toContain('content/accounts/x/member-a.md');
  });

  it('may not contain the platform id', async () => {
    const found = await diagnosticsWith('content/accounts/x/user-4815162342.md', dossier('JaneDoe77', '4815162342'));
    expect(found.map((d) => [d.start.line, d.actual])).toEqual([[4, 'x/user-4815162342']]);
  });

  it('may not contain the handle the data shows when the dossier records none (`handle: null`), located at `handle`', async () => {
    project = await tempProject('minimal');
    // The dossier matches the author by platform id; only the posts carry the handle.
    await project.write('content/accounts/x/janedoe77.md', dossier('null', '4815162342'));
    const posts = await project.read('data/demo-case/posts/posts.ndjson');
    const post = { id: '9', platform: 'x', author: { id: '4815162342', handle: 'JaneDoe77' }, createdAt: '2024-05-16T11:00:00+04:00', text: 'Hi #DemoTag', kind: 'post', hashtags: ['DemoTag'] };
    await project.write('data/demo-case/posts/posts.ndjson', `${posts}${JSON.stringify(post)}\n`);
    await project.rehash('data/demo-case/posts/manifest.json');
    await project.edit('content/cases/demo-case/index.md', 'expect=5', 'expect=6');
    const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
    const found = diagnostics.filter((d) => d.ruleId === 'privacy/revealing-id');
    expect(found.map((d) => [d.file, d.start.line, d.actual])).toEqual([['content/accounts/x/janedoe77.md', 3, 'x/janedoe77']]);
    expect(found[0]!.message).toContain('`JaneDoe77` (as the data shows it for this person)');
    expect(found[0]!.hint).toContain('content/accounts/x/member-a.md');
  });

  it('is accepted when pseudonymous, and a public account may be named after its handle', async () => {
    expect(await diagnosticsWith('content/accounts/x/member-a.md', dossier('JaneDoe77', '4815162342'))).toEqual([]);
    // The fixture's own dossier x/demo_official is official and named after its handle.
    expect(await diagnosticsWith('content/accounts/x/member-b.md', dossier('other_person', '99'))).toEqual([]);
  });
});
