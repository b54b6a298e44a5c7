/**
 * A dataset handle that looks like a dossier's (Unicode TR39 skeleton) is a warning at both places: the first
 * post of the look-alike account and the dossier's handle.
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

/** The check's look-alike warnings, once `user_b` (author 300, first post on line 3) is renamed `handle`. */
async function lookalikes(handle: string) {
  project = await tempProject('minimal');
  await project.write(POSTS, (await project.read(POSTS)).replaceAll('"handle":"user_b"', `"handle":${JSON.stringify(handle)}`));
  await project.rehash(MANIFEST);
  const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
  return diagnostics.filter((d) => d.ruleId === 'account/lookalike-handle');
}

describe('look-alike handles', () => {
  it.each([
    ['a Cyrillic о', 'dem\u043e_official'],
    ['a zero-width space', 'demo_\u200bofficial'],
    ['fullwidth letters', '\uff44\uff45\uff4d\uff4f_official'],
    ['a capital I for the l', 'demo_officiaI'],
    ['rn for m', 'derno_official'],
  ])('warns at the data and at the dossier when a dataset handle has %s', async (_, handle) => {
    const found = await lookalikes(handle);
    expect(found.map((d) => [d.severity, d.file, d.start.line])).toEqual([
      ['warning', 'content/accounts/x/demo_official.md', 3],
      ['warning', POSTS, 3],
    ]);
    expect(found[1]!.message).toContain('looks like the handle `@demo_official` of the dossier content/accounts/x/demo_official.md:3');
    expect(found[0]!.message).toContain(`at ${POSTS}:3`);
  });

  it('names the invisible characters of the look-alike', async () => {
    const [, data] = await lookalikes('demo_\u200bofficial');
    expect(data!.message).toContain('`@demo_⟨U+200B⟩official` (author id `300`)');
  });

  it('stays silent for handles that only share letters, and for the dossier\'s own account', async () => {
    expect(await lookalikes('demo_officials')).toEqual([]);
    expect(await lookalikes('demo_0fficia1_b')).toEqual([]);
  });
});
