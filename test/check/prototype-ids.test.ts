/**
 * Ids from the data and the prose that are names of Object.prototype's members (`__proto__`, `constructor`,
 * `toString`) are ordinary ids: a post card, a tracked hashtag and a post in the data, checked twice (the
 * second run reads the model from its JSON cache), give located answers, never a crash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const CASE = 'content/cases/demo-case/index.md';
const POSTS = 'data/demo-case/posts/posts.ndjson';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

describe('prototype-named ids', () => {
  it('are ordinary ids in the prose, the tracked hashtags and the data, cold and from the cache', async () => {
    project = await tempProject('minimal');
    const p = project;
    await p.edit(CASE, '    aliases: [DemoTagg]\n', '    aliases: [DemoTagg]\n  - tag: __proto__\n  - tag: constructor\n');
    await p.edit(CASE, ':account[', '::post{id=constructor}\n\n::post{id=toString}\n\n::post{id=__proto__}\n\n:count{hashtag=__proto__ expect=1} and :count{hashtag=constructor expect=0} posts.\n\n:account[');
    await p.write(
      POSTS,
      `${await p.read(POSTS)}{"id":"toString","platform":"x","author":{"id":"__proto__","handle":"constructor"},"createdAt":"2024-05-17T13:00:00+04:00","text":"#__proto__","kind":"post","hashtags":["__proto__"]}\n`,
    );
    await p.rehash('data/demo-case/posts/manifest.json');
    const run = async () => {
      const { cases, accountPages, diagnostics } = await checkProject(p.root, { today: '2026-11-28', cacheDir: `${p.root}/.casefile/cache` });
      return { cases, accountPages, found: diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId} ${d.message}`) };
    };
    for (const { cases, accountPages, found } of [await run(), await run()]) {
      // Two cards name posts that do not exist; the post `toString` exists and is shown.
      expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([`${CASE}:32 reference/post`, `${CASE}:36 reference/post`]);
      const model = cases[0]!.model;
      expect(model.posts['toString']?.text).toBe('#__proto__');
      expect(Object.keys(model.timelines).sort()).toEqual(['DemoTag', '__proto__', 'constructor']);
      expect(model.timelines['__proto__']?.total).toBe(1);
      expect([...accountPages.keys()]).toContain('x/constructor');
    }
  });
});
