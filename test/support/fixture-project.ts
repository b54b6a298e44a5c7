/**
 * Test projects: copy a fixture project into a temporary folder, apply small readable edits,
 * and keep manifests' hashes true unless a test means to break them.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyExample, repoRoot } from './example-project.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures/projects');

export interface TempProject {
  root: string;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /** Replace exactly one occurrence of `from` in `file`; fails loudly if the fixture changed. */
  edit(file: string, from: string | RegExp, to: string): Promise<void>;
  /** Recompute the manifest's sha256 and bytes for its files after an intended data edit. */
  rehash(manifest: string): Promise<void>;
  remove(): Promise<void>;
}

export { repoRoot };

/** A temporary copy of a fixture project, or of the shipped example (`example`: its case and the files it uses, nothing else). */
export async function tempProject(name: string): Promise<TempProject> {
  const root = await mkdtemp(path.join(tmpdir(), `casefile-${name}-`));
  if (name === 'example') {
    await copyExample(root);
  } else {
    await cp(path.join(fixturesDir, name), root, { recursive: true });
  }
  const abs = (f: string) => path.join(root, f);
  const project: TempProject = {
    root,
    read: (f) => readFile(abs(f), 'utf8'),
    write: async (f, text) => {
      await mkdir(path.dirname(abs(f)), { recursive: true });
      await writeFile(abs(f), text);
    },
    async edit(f, from, to) {
      const text = await readFile(abs(f), 'utf8');
      const matches =
        typeof from === 'string'
          ? text.split(from).length - 1
          : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`)) ?? []).length;
      if (matches !== 1) throw new Error(`edit(${f}): expected exactly one match of ${String(from)}, found ${matches}`);
      await writeFile(abs(f), text.replace(from, to));
    },
    async rehash(manifest) {
      const m = JSON.parse(await readFile(abs(manifest), 'utf8')) as { files: { path: string; sha256: string; bytes?: number }[] };
      for (const f of m.files) {
        const bytes = await readFile(path.join(path.dirname(abs(manifest)), f.path));
        f.sha256 = createHash('sha256').update(bytes).digest('hex');
        f.bytes = bytes.length;
      }
      await writeFile(abs(manifest), `${JSON.stringify(m, null, 2)}\n`);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  return project;
}
