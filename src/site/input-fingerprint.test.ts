import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputFingerprint } from './input-fingerprint.ts';

describe('inputFingerprint(root)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casefile-fingerprint-'));
    await mkdir(path.join(dir, 'project/content/cases/one'), { recursive: true });
    await mkdir(path.join(dir, 'outside/deep'), { recursive: true });
    await writeFile(path.join(dir, 'project/content/cases/one/index.md'), '# One\n');
    await writeFile(path.join(dir, 'outside/deep/secret.txt'), 'secret\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('changes when an input file is saved', async () => {
    const root = path.join(dir, 'project');
    const before = await inputFingerprint(root);
    expect(before).toContain('content/cases/one/index.md:6:');
    await writeFile(path.join(root, 'content/cases/one/index.md'), '# One, edited\n');
    expect(await inputFingerprint(root)).not.toBe(before);
  });

  it('never follows a linked folder or a linked file out of the project', async () => {
    const root = path.join(dir, 'project');
    await symlink(path.join(dir, 'outside'), path.join(root, 'content/cases/linked'));
    await symlink(path.join(dir, 'outside/deep/secret.txt'), path.join(root, 'content/secret.md'));
    const before = await inputFingerprint(root);
    expect(before).not.toMatch(/secret\.txt|deep/);
    // Touching and growing the file outside tells the server nothing.
    await writeFile(path.join(dir, 'outside/deep/secret.txt'), 'a longer secret\n');
    await utimes(path.join(dir, 'outside/deep/secret.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await inputFingerprint(root)).toBe(before);
  });
});
