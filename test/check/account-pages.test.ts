/**
 * Account pages on a whole project: handles in any script get pages of their own, and a page two accounts
 * would share is a located error, never a merged page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const POSTS = 'data/demo-case/posts/posts.ndjson';
const MANIFEST = 'data/demo-case/posts/manifest.json';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function checkWith(edit: (p: TempProject) => Promise<void>) {
  project = await tempProject('minimal');
  await edit(project);
  await project.rehash(MANIFEST);
  return checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
}

/** Every post of the author of `from` under the handle `to`. */
async function renameHandle(p: TempProject, from: string, to: string): Promise<void> {
  await p.write(POSTS, (await p.read(POSTS)).replaceAll(`"handle":"${from}"`, `"handle":"${to}"`));
}

describe('account pages', () => {
  it('gives two Cyrillic handles two pages, each with its own posts', async () => {
    const { accountPages, diagnostics } = await checkWith(async (p) => {
      await renameHandle(p, 'user_b', 'новости');
      await renameHandle(p, 'user_a', 'мир');
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pages = [...accountPages.values()].filter((a) => !a.dossier);
    expect(pages.map((a) => a.pageId).sort()).toEqual(['x/id-200', 'x/id-300']);
    expect(pages.map((a) => a.cases.map((c) => c.authorId).join())).toEqual(['200', '300']);
  });

  it('reports a dossier named like another account\'s id page at the dossier, not a merged page', async () => {
    const { diagnostics } = await checkWith(async (p) => {
      await renameHandle(p, 'user_b', 'user b');
      await p.write('content/accounts/x/id-300.md', (await p.read('content/accounts/x/demo_official.md')).replace('handle: demo_official', 'handle: someone_else'));
    });
    const collisions = diagnostics.filter((d) => d.ruleId === 'account/page-collision');
    expect(collisions.map((d) => [d.file, d.severity])).toEqual([['content/accounts/x/id-300.md', 'error']]);
    expect(collisions[0]!.message).toContain('/accounts/x/id-300/');
  });
});
