import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readVersion } from './version.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-version-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"version": "1.2.3"}');
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readVersion(root, label)', () => {
  it('labels a Git checkout with the short commit and its commit date, the same on every call', () => {
    const dir = tempDir();
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
          GIT_AUTHOR_DATE: '2026-11-28T12:00:00Z',
          GIT_COMMITTER_DATE: '2026-11-28T12:00:00Z',
        },
      }).trim();
    git('init', '-q');
    git('add', 'package.json');
    git('commit', '-q', '-m', 'init');
    const commit = git('log', '-1', '--format=%h');
    const version = readVersion(dir);
    expect(version).toEqual({ commit, date: '2026-11-28', label: `${commit}, 2026-11-28` });
    expect(readVersion(dir)).toEqual(version);
  });

  it('prefers the label it is given (CASEFILE_VERSION)', () => {
    expect(readVersion(tempDir(), ' v7 (2026-11-28) ')).toEqual({ commit: null, date: null, label: 'v7 (2026-11-28)' });
  });

  it('falls back to package.json outside Git', () => {
    expect(readVersion(tempDir())).toEqual({ commit: null, date: null, label: '1.2.3' });
  });
});
