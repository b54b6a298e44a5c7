/** The coordination window against the time precision of the case's data. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const CASE = 'content/cases/demo-case/index.md';
const MANIFEST = 'data/demo-case/posts/manifest.json';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function check(window: number, precision: string) {
  project = await tempProject('minimal');
  await project.edit(CASE, 'licence: CC-BY-4.0', `licence: CC-BY-4.0\ncoordination:\n  signals: [repost]\n  window: ${window}`);
  const manifest = JSON.parse(await project.read(MANIFEST)) as { collection: Record<string, unknown> };
  manifest.collection.precision = precision;
  await project.write(MANIFEST, JSON.stringify(manifest, null, 2));
  const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
  return diagnostics.filter((d) => d.ruleId.startsWith('coordination/'));
}

describe('coordination window', () => {
  it('shorter than the data’s minute precision is an error at the window’s line and column', async () => {
    const [found, ...rest] = await check(10, 'minute');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ file: CASE, start: { line: 26, column: 11 }, ruleId: 'coordination/window-below-precision', severity: 'error' });
    expect(found?.message).toBe('Unexpected coordination window `10` s, shorter than the minute precision of dataset `posts`; expected at least 60 s.');
  });

  it('as long as the precision is accepted', async () => {
    expect(await check(60, 'minute')).toEqual([]);
    expect(await check(1, 'second')).toEqual([]);
  });
});
