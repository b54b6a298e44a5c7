import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkProject } from '../check/check-project.ts';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { updateDataset } from './update-dataset.ts';

const TODAY = '2026-11-28';
const manifestFile = 'data/demo-case/posts/manifest.json';
const postsFile = 'data/demo-case/posts/posts.ndjson';
const caseFile = 'content/cases/demo-case/index.md';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function problems(p: TempProject): Promise<string[]> {
  const { diagnostics } = await checkProject(p.root, { today: TODAY, cacheDir: path.join(p.root, '.casefile/cache') });
  return diagnostics.map((d) => `${d.file} ${d.ruleId}`);
}

const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;

describe('updateDataset(case/dataset)', () => {
  it('re-hashes a changed posts file into the manifest, changing nothing else in it, and records the correction', async () => {
    project = await tempProject('minimal');
    const before = await project.read(manifestFile);
    const posts = (await project.read(postsFile)).replace(/"text":"([^"]*)"/, '"text":"$1 (corrected)"');
    await project.write(postsFile, posts);
    expect(await problems(project)).toContain(`${manifestFile} dataset/hash-mismatch`);

    const report = await updateDataset({ root: project.root, target: 'demo-case/posts', note: 'The first post’s text was corrected.', today: TODAY });
    const sha256 = createHash('sha256').update(posts).digest('hex');
    expect(report.changed.map((c) => [c.path, c.after])).toEqual([['posts.ndjson', { sha256, bytes: Buffer.byteLength(posts) }]]);
    const after = await project.read(manifestFile);
    expect(after).toBe(before.replace(/"sha256": "[0-9a-f]{64}"/, `"sha256": "${sha256}"`).replace(/"bytes": \d+/, `"bytes": ${Buffer.byteLength(posts)}`));

    const fields = frontmatter(await project.read(caseFile));
    expect(fields.corrections).toEqual([{ date: TODAY, text: 'The first post’s text was corrected.' }]);
    expect(fields.updated).toBe(TODAY);
    expect(report.correction).toBe(caseFile);
    expect(await problems(project)).toEqual([]);
  });

  it('without a note writes no correction, and with nothing changed writes nothing', async () => {
    project = await tempProject('minimal');
    const caseBefore = await project.read(caseFile);
    const manifestBefore = await project.read(manifestFile);
    expect((await updateDataset({ root: project.root, target: 'demo-case/posts', note: 'unused', today: TODAY })).changed).toEqual([]);
    expect(await project.read(manifestFile)).toBe(manifestBefore);
    await project.write(postsFile, `${await project.read(postsFile)}\n`);
    const report = await updateDataset({ root: project.root, target: 'demo-case/posts', today: TODAY });
    expect(report.changed).toHaveLength(1);
    expect(report.correction).toBeUndefined();
    expect(await project.read(caseFile)).toBe(caseBefore);
  });

  it('refuses a target that is not <case>/<dataset>, or a dataset without a manifest', async () => {
    project = await tempProject('minimal');
    for (const target of ['demo-case', 'demo-case/none', '../x/posts']) {
      const error = await updateDataset({ root: project.root, target, today: TODAY }).catch((e: unknown) => e);
      expect(error, target).toBeInstanceOf(DiagnosticError);
    }
  });
});
