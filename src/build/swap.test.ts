import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { moveInto } from './swap.ts';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('moveInto', () => {
  test('moves every file to the same path under the target, into folders that exist or not, replacing a file already there', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casefile-move-'));
    const from = path.join(dir, 'from');
    const to = path.join(dir, 'to');
    await mkdir(path.join(from, 'cases/a/data/posts'), { recursive: true });
    await writeFile(path.join(from, 'cases/a/data/posts/posts.ndjson'), 'posts\n');
    await writeFile(path.join(from, 'cases/a/data/old.csv'), 'new\n');
    await mkdir(path.join(to, 'cases/a/data'), { recursive: true });
    await writeFile(path.join(to, 'cases/a/data/chart.csv'), 'chart\n');
    await writeFile(path.join(to, 'cases/a/data/old.csv'), 'old\n');
    await moveInto(from, to);
    expect((await readdir(to, { recursive: true })).sort()).toEqual(['cases', 'cases/a', 'cases/a/data', 'cases/a/data/chart.csv', 'cases/a/data/old.csv', 'cases/a/data/posts', 'cases/a/data/posts/posts.ndjson']);
    expect(await readFile(path.join(to, 'cases/a/data/posts/posts.ndjson'), 'utf8')).toBe('posts\n');
    expect(await readFile(path.join(to, 'cases/a/data/old.csv'), 'utf8')).toBe('new\n');
    expect(await readdir(from, { recursive: true })).not.toContainEqual(expect.stringMatching(/\.(ndjson|csv)$/));
  });
});
