/**
 * The site pseudonymises what the data holds about a private person, but publishes an editor's prose as
 * written: a report, translation or dossier naming the person's handle or display name is a located error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

// user_b, the author of posts 3 and 5 of the minimal project, made private.
const dossier = `---
platform: x
handle: user_b
platformId: "300"
displayName: Barbara Secret
subject: private
pseudonym: Account A
---
A private individual.
`;

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function named(edit: (p: TempProject) => Promise<void>) {
  project = await tempProject('minimal');
  await project.write('content/accounts/x/account-a.md', dossier);
  await edit(project);
  const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
  return diagnostics.filter((d) => d.ruleId === 'privacy/named-private').map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.message} | ${d.hint}`);
}

describe('a private person named in the prose', () => {
  it('is an error at the handle or display name, in the report and in a dossier, with the pseudonym to write instead', async () => {
    const found = await named(async (p) => {
      const report = await p.read('content/cases/demo-case/index.md');
      await p.write('content/cases/demo-case/index.md', `${report}\nThe reposts came from @User_B, [her profile](https://x.com/user_b).\n`);
      await p.edit('content/accounts/x/demo_official.md', 'An account used in tests', 'An account Barbara Secret follows, used in tests');
    });
    const line = (await project!.read('content/cases/demo-case/index.md')).trimEnd().split('\n').length;
    const hint = 'Write :account[x/account-a] or the pseudonym instead: the site shows a private person by their pseudonym alone, and the text is published as written.';
    expect(found).toEqual([
      `content/accounts/x/demo_official.md:16:12 Unexpected display name \`Barbara Secret\` of a private individual in the text, expected their pseudonym \`Account A\`. | ${hint}`,
      `content/cases/demo-case/index.md:${line}:24 Unexpected handle \`User_B\` of a private individual in the text, expected their pseudonym \`Account A\`. | ${hint}`,
      `content/cases/demo-case/index.md:${line}:60 Unexpected handle \`user_b\` of a private individual in the text, expected their pseudonym \`Account A\`. | ${hint}`,
    ]);
  });

  it('leaves alone a longer word that contains the handle, and a project with no private person', async () => {
    expect(await named(async (p) => {
      const report = await p.read('content/cases/demo-case/index.md');
      await p.write('content/cases/demo-case/index.md', `${report}\nNot @user_bc nor the_user_b, but :account[x/account-a].\n`);
    })).toEqual([]);
  });
});
