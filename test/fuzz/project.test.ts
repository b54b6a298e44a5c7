/**
 * Seeded fuzzing of whole projects: random edits to the minimal fixture's files, with the manifest
 * rehashed or not, thrown at `loadProject` and the full `checkProject`. Every run must end in a result
 * or in diagnostics that name a file and a line and column; none may throw. The check must also say
 * what it has to: nothing for an unchanged copy, a hash mismatch exactly when a pinned file changed
 * without its manifest.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { loadProject } from '../../src/content/project.ts';
import { fixturesDir, tempProject, type TempProject } from '../support/fixture-project.ts';
import { expectLocated, FUZZ_SEED, mutated } from './arbitraries.ts';

const MANIFEST = 'data/demo-case/posts/manifest.json';
const files = (await readdir(path.join(fixturesDir, 'minimal'), { recursive: true, withFileTypes: true }))
  .filter((d) => d.isFile())
  .map((d) => path.relative(path.join(fixturesDir, 'minimal'), path.join(d.parentPath, d.name)).split(path.sep).join('/'))
  .sort();

/** One file of the fixture, its mutation, and whether the manifest's hashes are brought up to date after. */
const edit = fc.record({
  file: fc.constantFrom(...files),
  edits: fc.nat(),
  rehash: fc.boolean(),
});

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** The mutated copy, and whether the mutation changed the file at all (a mutation may be a no-op). */
async function mutate(change: { file: string; edits: number; rehash: boolean }): Promise<TempProject & { changed: boolean }> {
  const p = await tempProject('minimal');
  const original = await p.read(change.file);
  // Derive the mutation from the fixture's own text with a seed from the outer run, so it replays exactly.
  const [next] = fc.sample(mutated(original), { seed: FUZZ_SEED + change.edits, numRuns: 1 });
  await p.write(change.file, next ?? original);
  if (change.rehash && change.file !== MANIFEST) await p.rehash(MANIFEST);
  return Object.assign(p, { changed: (next ?? original) !== original });
}

/** Files the manifest pins by hash. */
const pinned = (file: string) => file.startsWith('data/') && file !== MANIFEST;

describe('loadProject(root) on mutated fixtures', () => {
  it('returns located diagnostics or a project, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(edit, async (change) => {
        project = await mutate(change);
        const { diagnostics } = await loadProject(project.root);
        expectLocated(diagnostics);
        await project.remove();
        project = undefined;
      }),
      { seed: FUZZ_SEED, numRuns: 60 },
    );
  });
});

describe('checkProject(root) on mutated fixtures', () => {
  it('returns located diagnostics or a clean check, never throws', async () => {
    await fc.assert(
      fc.asyncProperty(edit, async (change) => {
        project = await mutate(change);
        const mutation = await mutate(change);
        project = mutation;
        const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
        expectLocated(diagnostics);
        const rules = diagnostics.map((d) => d.ruleId);
        // The fixture is valid: an unchanged copy has nothing to report.
        if (!mutation.changed) expect(rules).toEqual([]);
        // A pinned file changed without its manifest is always reported as changed; rehashed, never.
        if (mutation.changed && pinned(change.file)) expect(rules.includes('dataset/hash-mismatch'), rules.join()).toBe(!change.rehash);
        // Named relative to the project root, so an editor can open it.
        for (const d of diagnostics) expect(path.isAbsolute(d.file) || d.file.startsWith('..'), d.file).toBe(false);
        await project.remove();
        project = undefined;
      }),
      { seed: FUZZ_SEED, numRuns: 25 },
    );
  });
});
