/**
 * Effects are passed in (ARCHITECTURE.md): configuration reaches every stage as an explicit options object.
 * Only the commands (src/cli/) read the environment, where it is the user's input (NO_COLOR, GITHUB_ACTIONS,
 * CASEFILE_DRAFTS, CHROMIUM_PATH…), and no module reaches another through a process-wide global.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Test support kept beside the code it tests, run by tests only: the chart snapshots are never written
 * when `CI` is set, so they read it. No product module imports them (checked below).
 */
const TEST_SUPPORT = new Set(['src/charts/svg-snapshot.ts']);

/** `process.env` (dotted or indexed) and `globalThis`, outside comments. */
const FORBIDDEN = /\bprocess\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\bglobalThis\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mts|mjs|js|astro)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The code of a file without its comments, line by line (a forbidden word in prose is fine). */
function codeLines(text: string): string[] {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`])\/\/.*$/, '$1'));
}

/** `file:line: code` for every read of the environment or a global outside the commands and test support. */
export function environmentReads(sources: readonly { file: string; text: string }[]): string[] {
  return sources.flatMap(({ file, text }) => {
    if (file.startsWith('src/cli/') || /\.test\.ts$/.test(file) || TEST_SUPPORT.has(file)) return [];
    return codeLines(text).flatMap((line, i) => (FORBIDDEN.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
}

const sources = files(join(root, 'src')).map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

describe('configuration as an options object', () => {
  it('is the only way settings reach src/ outside the commands: no process.env, no globalThis', () => {
    expect(environmentReads(sources)).toEqual([]);
  });

  it('keeps test support to tests', () => {
    const importers = sources.filter(({ file, text }) => !/\.test\.ts$/.test(file) && !TEST_SUPPORT.has(file) && /from '[^']*svg-snapshot\.ts'/.test(text));
    expect(importers.map((s) => s.file)).toEqual([]);
  });

  it('names each read with its file and line, and lets comments and the commands be', () => {
    expect(
      environmentReads([
        { file: 'src/site/a.ts', text: '// process.env is read by the CLI\nconst base = process.env.BASE;\nconst x = process["env"];' },
        { file: 'src/site/b.ts', text: '/* globalThis\n */ const slot = (globalThis as any).slot;' },
        { file: 'src/cli/c.ts', text: 'const colour = !process.env.NO_COLOR;' },
      ]),
    ).toEqual(['src/site/a.ts:2: const base = process.env.BASE;', 'src/site/a.ts:3: const x = process["env"];', 'src/site/b.ts:2: const slot = (globalThis as any).slot;']);
  });
});
