/**
 * Nothing is altered silently: bytes that are not UTF-8 and control characters are located errors in the
 * editors' files (Markdown, YAML, manifests, redirects, accounts files), and located warnings in posts, whose
 * pages show them replaced (U+FFFD) or named (⟨U+0000⟩). A cached second check reports the same warnings.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const POSTS = 'data/demo-case/posts/posts.ndjson';
const MANIFEST = 'data/demo-case/posts/manifest.json';
const SOURCE = 'content/sources/demo-source.md';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const located = (d: { file: string; start: { line: number; column: number }; ruleId: string; severity: string }) =>
  `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.ruleId}`;
const ALTERED = /^text\//;

async function check(p: TempProject, root = p.root) {
  const { diagnostics } = await checkProject(root, { today: '2026-11-28', cacheDir: `${p.root}/.casefile/cache` });
  return diagnostics.filter((d) => ALTERED.test(d.ruleId)).map(located);
}

/** Replaces the bytes of `from` (UTF-8) with `to` in `file`. */
async function patchBytes(p: TempProject, file: string, from: string, to: Buffer): Promise<void> {
  const bytes = await readFile(path.join(p.root, file));
  const at = bytes.indexOf(from);
  if (at < 0) throw new Error(`${from} not in ${file}`);
  await writeFile(path.join(p.root, file), Buffer.concat([bytes.subarray(0, at), to, bytes.subarray(at + Buffer.byteLength(from))]));
}

describe('text that would be altered', () => {
  it('warns at the line and column of bad bytes and control characters in posts, on the first and the cached run', async () => {
    project = await tempProject('minimal');
    // Line 3: bytes that are not UTF-8 in the text, at column 119. Line 5: a NUL escaped in the handle.
    await patchBytes(project, POSTS, 'Also #demotagg', Buffer.concat([Buffer.from('Also '), Buffer.from([0xff, 0xfe]), Buffer.from(' #demotagg')]));
    await patchBytes(project, POSTS, '"handle":"user_b"},"createdAt":"2024-05-17', Buffer.from('"handle":"user_b\\u0000"},"createdAt":"2024-05-17'));
    await project.rehash(MANIFEST);
    const expected = [`${POSTS}:3:119 warning text/invalid-utf8`, `${POSTS}:5:1 warning text/control-character`];
    expect(await check(project)).toEqual(expected);
    // A copy elsewhere is a new load in this process, served from the model cache on disk.
    const copy = `${project.root}/copy`;
    await cp(path.join(project.root, 'content'), `${copy}/content`, { recursive: true });
    await cp(path.join(project.root, 'data'), `${copy}/data`, { recursive: true });
    expect(await readdir(`${project.root}/.casefile/cache`)).toHaveLength(2);
    expect(await check(project, copy)).toEqual(expected);
  });

  it('refuses bad bytes and control characters in Markdown, manifests and redirects', async () => {
    project = await tempProject('minimal');
    await patchBytes(project, SOURCE, 'accessed:', Buffer.concat([Buffer.from([0xc3, 0x28]), Buffer.from('\naccessed:')]));
    await project.write('redirects.json', '[{"from": "/old/", "to": "/cases/demo-case/", "note": "x\\u0007"}]\n');
    await patchBytes(project, 'redirects.json', 'x\\u0007', Buffer.from([0x78, 0x80]));
    await project.edit(MANIFEST, '"licence": "CC0-1.0"', '"licence": "CC0-1.0\\u0000"');
    const found = await check(project);
    expect(found).toContain(`${SOURCE}:9:1 error text/invalid-utf8`);
    expect(found).toContain('redirects.json:1:57 error text/invalid-utf8');
    expect(found.filter((d) => d.startsWith(`${MANIFEST}:`) && d.endsWith('error text/control-character'))).toHaveLength(1);
  });
});
