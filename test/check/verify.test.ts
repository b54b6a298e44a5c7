/**
 * CI checks and builds the editor's whole project with `npm run verify`: the strict check, then the build.
 * The project's own test suite (npm test) is not what a newsroom's repository runs on every change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/example-project.ts';

const read = (file: string) => readFile(path.join(repoRoot, file), 'utf8');

describe('npm run verify', () => {
  it('is the strict check followed by the build', async () => {
    const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    expect(scripts.verify).toBe(`node scripts/cli.mjs check --strict && ${scripts.build}`);
    expect(scripts.build).toMatch(/^node (--\S+ )*scripts\/cli\.mjs build$/);
  });

  it('builds as `npm run build`, `npm run pdf` and `npm run lock` do: the same Node flags (a young generation sized for the render; a collection the build can ask for once it lets the site go)', async () => {
    const { scripts } = JSON.parse(await read('package.json')) as { scripts: Record<string, string> };
    expect(scripts.build).toContain('--max-semi-space-size=');
    expect(scripts.build).toContain('--expose-gc');
    expect(scripts.pdf).toBe(`${scripts.build} --pdf`);
    expect(scripts.lock).toBe(`${scripts.build} --lock`);
  });

  for (const file of ['.github/workflows/check.yml', '.github/workflows/deploy.yml', '.gitlab-ci.yml']) {
    it(`is how ${file} checks and builds`, async () => {
      const text = await read(file);
      expect(text).toMatch(/npm run verify/);
      expect(text).not.toMatch(/npm run (build|check)\b/);
      expect(text).not.toMatch(/npm test/);
    });
  }
});
