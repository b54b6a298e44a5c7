/**
 * A build of hostile input writes nothing outside its output folder and the project's declared cache, and
 * prints no NUL byte into any file it publishes. The project and the folder around it, and the package's own
 * tree, are listed (path, type, size, modification time) before and after, and compared.
 */
import { cp, lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';

const packageRoot = path.resolve(import.meta.dirname, '../..');
const hostile = path.join(packageRoot, 'test/fixtures/projects/hostile/render');

/**
 * Left out of the package's listing: its dependencies and Astro's and Vite's caches (node_modules, .astro), Git's
 * files, and test/, where other tests write their changed snapshots while this one runs.
 */
const PACKAGE_SKIPPED = new Set(['node_modules', '.astro', '.git', 'test']);

async function listing(dir: string, skip: (relative: string) => boolean): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (skip(name)) continue;
      const s = await lstat(path.join(dir, name));
      out.set(name, entry.isDirectory() ? 'folder' : `${entry.isSymbolicLink() ? 'link' : 'file'} ${s.size} ${s.mtimeMs}`);
      if (entry.isDirectory()) await walk(name);
    }
  };
  await walk('');
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, what] of after) if (before.get(name) !== what) out.push(`${before.has(name) ? 'changed' : 'added'} ${name}`);
  for (const name of before.keys()) if (!after.has(name)) out.push(`removed ${name}`);
  return out;
}

const BINARY = /\.(png|jpe?g|gif|webp|ico|woff2?|ttf|pdf|wasm|pagefind|pf_meta|pf_index|pf_fragment)$/;

let parent: string;
let root: string;
let outDir: string;
const before: { parent?: Map<string, string>; pkg?: Map<string, string> } = {};
const after: { parent?: Map<string, string>; pkg?: Map<string, string> } = {};

// Inside the project, only the output folder and the model cache may change.
const projectSkip = (name: string) => name === 'project/dist' || name.startsWith('project/dist/') || name === 'project/.casefile' || name.startsWith('project/.casefile/');
const packageSkip = (name: string) => PACKAGE_SKIPPED.has(name.split('/')[0]!);

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'casefile-outside-'));
  root = path.join(parent, 'project');
  outDir = path.join(root, 'dist');
  await cp(hostile, root, { recursive: true });
  // A redirect: the permanence stage writes its page, inside the output folder only.
  await writeFile(path.join(root, 'redirects.json'), `${JSON.stringify([{ from: '/old/report/', to: '/cases/demo-case/' }])}\n`);
  await writeFile(path.join(parent, 'beside-the-project.txt'), 'must stay as it is\n');
  before.parent = await listing(parent, projectSkip);
  before.pkg = await listing(packageRoot, packageSkip);
  await buildSite({ root, outDir, today: '2026-11-28' }, { log: () => {} }, postBuildStages);
  after.parent = await listing(parent, projectSkip);
  after.pkg = await listing(packageRoot, packageSkip);
}, 600_000);
afterAll(() => rm(parent, { recursive: true, force: true }));

describe('a build of the hostile project', () => {
  it('writes nothing in the project or beside it but its output and its cache', () => {
    expect(changes(before.parent!, after.parent!)).toEqual([]);
  });

  it('writes nothing in the package but its declared caches', () => {
    expect(changes(before.pkg!, after.pkg!)).toEqual([]);
  });

  it('publishes no NUL byte in any file', async () => {
    // Binary formats (images, fonts, Pagefind's compressed index) hold NUL bytes by nature; no input text reaches them raw.
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !BINARY.test(e.name));
    expect(files.length).toBeGreaterThan(20);
    const withNul: string[] = [];
    for (const e of files) {
      const bytes = await readFile(path.join(e.parentPath, e.name));
      const at = bytes.indexOf(0);
      if (at !== -1) withNul.push(`${path.relative(outDir, path.join(e.parentPath, e.name))} at byte ${at}: ${JSON.stringify(bytes.toString('utf8', Math.max(0, at - 60), at + 10))}`);
    }
    expect(withNul, withNul.join('\n')).toEqual([]);
  });
});
