/**
 * Nothing is altered silently: bytes that are not UTF-8 and control characters are located errors in every
 * input (Markdown bodies, YAML frontmatter, manifests, redirects, accounts files, CSV import mappings, and
 * every field of a post but its text), and located warnings in a post's text, which pages show replaced
 * (U+FFFD) or named (⟨U+0000⟩). A cached second check reports the same warnings.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { DiagnosticError, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { readMapping } from '../../src/import/csv-mapping.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const POSTS = 'data/demo-case/posts/posts.ndjson';
const MANIFEST = 'data/demo-case/posts/manifest.json';
const SOURCE = 'content/sources/demo-source.md';
const ENTITY = 'content/entities/demo-party.md';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const located = (d: Diagnostic) => `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.ruleId}`;
const ALTERED = /^text\//;

async function check(p: TempProject, root = p.root) {
  const { diagnostics } = await checkProject(root, { today: '2026-11-28', cacheDir: `${p.root}/.casefile/cache` });
  return diagnostics.filter((d) => ALTERED.test(d.ruleId));
}

/** Replaces the bytes of `from` (UTF-8) with `to` in `file`. */
async function patchBytes(p: TempProject, file: string, from: string, to: Buffer | string): Promise<void> {
  const bytes = await readFile(path.join(p.root, file));
  const at = bytes.indexOf(from);
  if (at < 0) throw new Error(`${from} not in ${file}`);
  await writeFile(path.join(p.root, file), Buffer.concat([bytes.subarray(0, at), Buffer.from(to), bytes.subarray(at + Buffer.byteLength(from))]));
}

/** A posts file edited, then rehashed so only the edit is wrong. */
const inPosts = (from: string, to: Buffer | string) => async (p: TempProject) => {
  await patchBytes(p, POSTS, from, to);
  await p.rehash(MANIFEST);
};

/** The dataset's posts rewritten as one JSON array (format `json`), one post per line after the `[`. */
async function asJsonArray(p: TempProject): Promise<void> {
  const lines = (await p.read(POSTS)).trimEnd().split('\n');
  await p.write('data/demo-case/posts/posts.json', `[\n${lines.join(',\n')}\n]\n`);
  await rm(path.join(p.root, POSTS));
  await p.edit(MANIFEST, '"path": "posts.ndjson", "format": "ndjson"', '"path": "posts.json", "format": "json"');
  await p.rehash(MANIFEST);
}

/** An accounts file added to the dataset (written as given), and listed in its manifest. */
const withAccounts = (name: string, format: 'ndjson' | 'json', content: Buffer | string) => async (p: TempProject) => {
  await writeFile(path.join(p.root, 'data/demo-case/posts', name), content);
  const manifest = JSON.parse(await p.read(MANIFEST)) as { files: object[] };
  manifest.files.push({ path: name, format, role: 'accounts', sha256: '0'.repeat(64) });
  await p.write(MANIFEST, JSON.stringify(manifest, null, 2));
  await p.rehash(MANIFEST);
};

const BAD = Buffer.from([0xff, 0xfe]);

/**
 * One small edit per input kind and field, and the one diagnostic it must give. Columns count characters of
 * the file's line; a dataset line of the minimal fixture starts `{"id":"2","platform":"x","author":{"id":"200",…`.
 */
const CASES: { kind: string; edit: (p: TempProject) => Promise<void>; expected: string }[] = [
  // Posts, NDJSON: the text is shown altered, with a warning; every other field is an error.
  { kind: 'post text, NUL escape', edit: inPosts('"text":"Also #demotagg"', '"text":"Also\\u0000 #demotagg"'), expected: `${POSTS}:3:113 warning text/control-character` },
  { kind: 'post text, bytes not UTF-8', edit: inPosts('Also #demotagg', Buffer.concat([Buffer.from('Also '), BAD, Buffer.from(' #demotagg')])), expected: `${POSTS}:3:119 warning text/invalid-utf8` },
  { kind: 'post id, NUL escape', edit: inPosts('{"id":"2",', '{"id":"2\\u0000",'), expected: `${POSTS}:2:7 error text/control-character` },
  { kind: 'author id, BEL escape', edit: inPosts('"id":"200","handle":"user_a"},"createdAt":"2024-05-16T09:05', '"id":"2\\u000700","handle":"user_a"},"createdAt":"2024-05-16T09:05'), expected: `${POSTS}:2:41 error text/control-character` },
  { kind: 'handle, NUL escape', edit: inPosts('"handle":"user_a"},"createdAt":"2024-05-16T09:05', '"handle":"user\\u0000a"},"createdAt":"2024-05-16T09:05'), expected: `${POSTS}:2:56 error text/control-character` },
  { kind: 'handle, raw DEL', edit: inPosts('"handle":"user_a"},"createdAt":"2024-05-16T09:05', '"handle":"user\u007fa"},"createdAt":"2024-05-16T09:05'), expected: `${POSTS}:2:56 error text/control-character` },
  { kind: 'handle, bytes not UTF-8', edit: inPosts('"handle":"user_a"},"createdAt":"2024-05-16T09:05', Buffer.concat([Buffer.from('"handle":"user'), BAD, Buffer.from('"},"createdAt":"2024-05-16T09:05')])), expected: `${POSTS}:2:61 error text/invalid-utf8` },
  { kind: 'display name, ESC escape', edit: inPosts('"handle":"user_a"},"createdAt":"2024-05-16T09:05', '"handle":"user_a","name":"A\\u001b[31m"},"createdAt":"2024-05-16T09:05'), expected: `${POSTS}:2:72 error text/control-character` },
  { kind: 'hashtag, NUL escape', edit: inPosts('"hashtags":["demotagg"]', '"hashtags":["demo\\u0000tagg"]'), expected: `${POSTS}:3:156 error text/control-character` },
  // Posts, a JSON array: the same rules, placed in the array's lines.
  {
    kind: 'handle in a JSON array, NUL escape',
    edit: async (p) => {
      await patchBytes(p, POSTS, '"handle":"user_a"},"createdAt":"2024-05-16T09:05', '"handle":"user\\u0000a"},"createdAt":"2024-05-16T09:05');
      await asJsonArray(p);
    },
    expected: 'data/demo-case/posts/posts.json:3:56 error text/control-character',
  },
  // Accounts files, NDJSON and JSON.
  { kind: 'accounts NDJSON, NUL escape', edit: withAccounts('accounts.ndjson', 'ndjson', '{"platform":"x","id":"200","handle":"user\\u0000a"}\n'), expected: 'data/demo-case/posts/accounts.ndjson:1:37 error text/control-character' },
  { kind: 'accounts NDJSON, bytes not UTF-8', edit: withAccounts('accounts.ndjson', 'ndjson', Buffer.concat([Buffer.from('{"platform":"x","id":"200","handle":"user'), BAD, Buffer.from('"}\n')])), expected: 'data/demo-case/posts/accounts.ndjson:1:42 error text/invalid-utf8' },
  { kind: 'accounts JSON, ESC escape in a name', edit: withAccounts('accounts.json', 'json', '[\n  {"platform":"x","id":"200","handle":"user_a","name":"\\u001b[2J"}\n]\n'), expected: 'data/demo-case/posts/accounts.json:2:55 error text/control-character' },
  // Markdown files: the body, and the YAML frontmatter raw or escaped.
  { kind: 'Markdown body, raw BEL', edit: (p) => patchBytes(p, ENTITY, 'exists only', 'exists\u0007only'), expected: `${ENTITY}:8:20 error text/control-character` },
  { kind: 'Markdown body, bytes not UTF-8', edit: (p) => patchBytes(p, ENTITY, 'exists only', Buffer.concat([Buffer.from('exists '), BAD])), expected: `${ENTITY}:8:21 error text/invalid-utf8` },
  { kind: 'YAML value, raw NUL', edit: (p) => patchBytes(p, ENTITY, 'name: Demo Party', 'name: Demo\u0000Party'), expected: `${ENTITY}:3:11 error text/control-character` },
  { kind: 'YAML value, \\0 escape', edit: (p) => patchBytes(p, SOURCE, 'publisher: Example News', 'publisher: "Example\\0News"'), expected: `${SOURCE}:4:12 error text/control-character` },
  { kind: 'YAML list item, \\x1b escape', edit: (p) => patchBytes(p, ENTITY, 'variants: [DP]', 'variants: ["D\\x1bP"]'), expected: `${ENTITY}:4:12 error text/control-character` },
  { kind: 'YAML value, bytes not UTF-8', edit: (p) => patchBytes(p, SOURCE, 'accessed:', Buffer.concat([Buffer.from([0xc3, 0x28]), Buffer.from('\naccessed:')])), expected: `${SOURCE}:9:1 error text/invalid-utf8` },
  // JSON files editors write: the manifest and redirects.json.
  { kind: 'manifest, NUL escape', edit: (p) => p.edit(MANIFEST, '"licence": "CC0-1.0"', '"licence": "CC0-1.0\\u0000"'), expected: `${MANIFEST}:11:14 error text/control-character` },
  { kind: 'manifest, bytes not UTF-8', edit: (p) => patchBytes(p, MANIFEST, 'Demo posts', Buffer.concat([Buffer.from('Demo '), BAD])), expected: `${MANIFEST}:2:18 error text/invalid-utf8` },
  { kind: 'redirects.json, BEL escape', edit: (p) => p.write('redirects.json', '[{"from": "/old/", "to": "/cases/demo-case/", "note": "x\\u0007"}]\n'), expected: 'redirects.json:1:55 error text/control-character' },
  { kind: 'redirects.json, bytes not UTF-8', edit: (p) => writeFile(path.join(p.root, 'redirects.json'), Buffer.concat([Buffer.from('[{"from": "/old/", "to": "/cases/demo-case/", "note": "x'), BAD, Buffer.from('"}]\n')])), expected: 'redirects.json:1:57 error text/invalid-utf8' },
];

describe('text that would be altered, in each input kind', () => {
  it.each(CASES)('$kind', async ({ edit, expected }) => {
    project = await tempProject('minimal');
    await edit(project);
    expect((await check(project)).map(located)).toEqual([expected]);
  });

  it('names the field and the character', async () => {
    project = await tempProject('minimal');
    await inPosts('"handle":"user_a"},"createdAt":"2024-05-16T09:05', '"handle":"user\\u0000a"},"createdAt":"2024-05-16T09:05')(project);
    await patchBytes(project, POSTS, '"text":"Also #demotagg"', '"text":"Also\\u001b #demotagg"');
    await project.rehash(MANIFEST);
    expect((await check(project)).map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'error: Unexpected control character U+0000 in `author.handle`, expected readable text.',
      'warning: Unexpected control character U+001B in `text`, expected readable text; pages show it named (⟨U+0000⟩) or as � (U+FFFD).',
    ]);
  });

  it('reports the warnings of posts again on a cached run', async () => {
    project = await tempProject('minimal');
    // Line 3: bytes that are not UTF-8 in the text, at column 119. Line 5: a NUL escaped in the text.
    await patchBytes(project, POSTS, 'Also #demotagg', Buffer.concat([Buffer.from('Also '), BAD, Buffer.from(' #demotagg')]));
    await patchBytes(project, POSTS, '"text":"Reply #DemoTag"', '"text":"Reply\\u0000 #DemoTag"');
    await project.rehash(MANIFEST);
    const expected = [`${POSTS}:3:119 warning text/invalid-utf8`, `${POSTS}:5:113 warning text/control-character`];
    expect((await check(project)).map(located)).toEqual(expected);
    // A copy elsewhere is a new load in this process, served from the model cache on disk.
    const copy = `${project.root}/copy`;
    await cp(path.join(project.root, 'content'), `${copy}/content`, { recursive: true });
    await cp(path.join(project.root, 'data'), `${copy}/data`, { recursive: true });
    expect(await readdir(`${project.root}/.casefile/cache`)).toHaveLength(2);
    expect((await check(project, copy)).map(located)).toEqual(expected);
  });
});

describe('a CSV import mapping', () => {
  const read = async (content: Buffer | string): Promise<string[]> => {
    const dir = await mkdtemp(path.join(tmpdir(), 'casefile-mapping-'));
    try {
      await writeFile(path.join(dir, 'map.jsonc'), content);
      const error = await readMapping(path.join(dir, 'map.jsonc'), 'map.jsonc').then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(DiagnosticError);
      return (error as DiagnosticError).diagnostics.map(located);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('refuses a control character, escaped in a column name', async () => {
    expect(await read('{\n  "platform": "x",\n  "columns": { "id": "tweet\\u0000id" }\n}\n')).toEqual(['map.jsonc:3:22 error text/control-character']);
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await read(Buffer.concat([Buffer.from('{\n  "platform": "x", // comment '), BAD, Buffer.from('\n}\n')]))).toEqual(['map.jsonc:2:31 error text/invalid-utf8']);
  });
});
