/**
 * `npm run check`, `build`, `import`, `data` and `new` run scripts/cli.mjs, which runs a bundle of the command's
 * sources. What an editor relies on: every command answers `--help` with its usage, a bundle never runs once a
 * source changed (whatever the file's size and date say), modules still find the files beside their sources,
 * and a stack trace names the source file and line, not the bundle.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/example-project.ts';

const launcher = path.join(repoRoot, 'scripts/cli.mjs');

describe('npm run <command> --help', () => {
  it.each(['check', 'build', 'import', 'data', 'new'])('npm run %s -- --help prints the usage and exits 0', (command) => {
    const run = spawnSync(process.execPath, [launcher, command, '--help'], { encoding: 'utf8', cwd: repoRoot });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(new RegExp(`^Usage:\\s+npm run ${command} --`));
    expect(run.stdout).not.toMatch(/Unexpected/);
  });

  it('runs every npm script of a command through the launcher', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // Node's own flags may come before the launcher (the build's young generation, test/check/verify.test.ts).
    for (const command of ['check', 'build', 'import', 'data', 'new']) expect(scripts[command]).toMatch(new RegExp(`^node (--\\S+ )*scripts/cli\\.mjs ${command}$`));
  });
});

describe('scripts/cli.mjs run(entry)', () => {
  let dir: string;
  let cache: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casefile-launcher-'));
    cache = path.join(dir, 'cache');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Runs `entry.ts` of the temporary folder through the launcher, in a process of its own. */
  const runEntry = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const { run } = await import(${JSON.stringify(pathToFileURL(launcher).href)}); await run(process.argv[1], process.argv.slice(3), process.argv[2]);`, path.join(dir, 'entry.ts'), cache, ...args],
      { encoding: 'utf8' },
    );

  it('runs the entry with its own arguments, and its modules read the files beside their sources', async () => {
    await writeFile(path.join(dir, 'beside.txt'), 'read beside the source');
    await writeFile(path.join(dir, 'word.ts'), "export const word: string = 'one';\n");
    await writeFile(
      path.join(dir, 'entry.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { word } from './word.ts';",
        "console.log(word, process.argv.slice(2).join(' '), readFileSync(new URL('./beside.txt', import.meta.url), 'utf8'));",
        '',
      ].join('\n'),
    );
    const run = runEntry('--flag', 'x');
    expect([run.status, run.stderr, run.stdout]).toEqual([0, '', 'one --flag x read beside the source\n']);
  });

  it('never runs a stale bundle: a change of the same size, dated back, makes a new one', async () => {
    const file = path.join(dir, 'word.ts');
    const before = await stat(file);
    await writeFile(file, "export const word: string = 'two';\n");
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    const run = runEntry();
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^two /);
  });

  it('reuses the bundle while nothing changed', async () => {
    const manifest = path.join(cache, 'entry-' + (await import('node:crypto')).createHash('sha256').update(dir).digest('hex').slice(0, 8) + '.json');
    const made = (await stat(manifest)).mtimeMs;
    const run = runEntry();
    expect(run.stdout).toMatch(/^two /);
    expect((await stat(manifest)).mtimeMs).toBe(made);
  });

  it('points a stack trace at the source file and line, not at the bundle', async () => {
    await writeFile(path.join(dir, 'word.ts'), ['export const word: string = (() => {', "  throw new Error('broken on purpose');", '})();', ''].join('\n'));
    const run = runEntry();
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('broken on purpose');
    expect(run.stderr).toContain(`${path.join(dir, 'word.ts')}:2:`);
    expect(run.stderr).not.toMatch(/cache[/\\]entry-[0-9a-f]+\.[0-9a-f]+\.mjs/);
  });
});
