import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confinedJoin, confinedWritePath, refuseRead } from './confine.ts';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'casefile-confine-'));
  root = path.join(base, 'project');
  await mkdir(path.join(root, 'content'), { recursive: true });
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside/secret.md'), 'secret');
  await writeFile(path.join(root, 'content/a.md'), 'a');
  await symlink(path.join(base, 'outside/secret.md'), path.join(root, 'content/out.md'));
  await symlink(path.join(root, 'content/a.md'), path.join(root, 'content/in.md'));
  await symlink(path.join(base, 'outside'), path.join(root, 'linked'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('refuseRead(root, file)', () => {
  it('lets a file, and a link to a file, inside the project be read', async () => {
    expect(await refuseRead(root, path.join(root, 'content/a.md'))).toBeUndefined();
    expect(await refuseRead(root, path.join(root, 'content/in.md'))).toBeUndefined();
  });
  it('refuses a link out of the project, a file under a linked folder, a folder and a missing file', async () => {
    expect(await refuseRead(root, path.join(root, 'content/out.md'))).toBe('outside-project');
    expect(await refuseRead(root, path.join(root, 'linked/secret.md'))).toBe('outside-project');
    expect(await refuseRead(root, path.join(root, 'content'))).toBe('not-a-file');
    expect(await refuseRead(root, path.join(root, 'content/none.md'))).toBe('missing');
  });
});

describe('confinedWritePath(folder, relative)', () => {
  it('returns paths inside the folder', () => {
    expect(confinedWritePath(root, 'cases/x/index.html')).toBe(path.join(root, 'cases/x/index.html'));
  });
  it('returns paths inside a folder not made yet (a first build), and still refuses a way out of it', () => {
    const fresh = path.join(root, 'not-yet', 'dist');
    expect(confinedWritePath(fresh, 'cases/x/index.html')).toBe(path.join(fresh, 'cases/x/index.html'));
    expect(() => confinedWritePath(fresh, '../../../X.html')).toThrow(/outside/);
    expect(() => confinedWritePath(path.join(root, 'linked', 'dist'), 'X.html')).not.toThrow();
  });
  it('throws for `..`, an absolute path and a path through a linked folder', () => {
    expect(() => confinedWritePath(root, '../../../X.html')).toThrow(/outside/);
    expect(() => confinedWritePath(root, '/tmp/X.html')).toThrow(/outside/);
    expect(() => confinedWritePath(root, 'linked/X.html')).toThrow(/link/);
    expect(() => confinedJoin(root, 'a/../../X')).toThrow(/outside/);
  });
});
