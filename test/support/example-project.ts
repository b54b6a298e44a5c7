/**
 * The shipped example, apart from whatever else the repository holds. An editor adds cases, dossiers,
 * entities and sources beside the example; the project's own tests copy the example case, its data and
 * the files it reaches, so an editor's work neither breaks nor slows them.
 */
import { cp, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE_CASE = 'new-caledonia-2024';

/** Dossier, entity and source files by the id other files use for them (`x/handle` for a dossier). */
async function referable(root: string): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  for (const folder of ['content/accounts', 'content/entities', 'content/sources']) {
    const names = await readdir(path.join(root, folder), { recursive: true }).catch(() => [] as string[]);
    for (const name of names) {
      const rel = name.split(path.sep).join('/');
      if (!rel.endsWith('.md')) continue;
      byId.set(rel.slice(0, -'.md'.length), `${folder}/${rel}`);
    }
  }
  return byId;
}

/**
 * The example's files, repository-relative: its case folder and data folder, then every dossier, entity
 * and source whose id appears as a whole word in a file already taken (a citation, a reference, a
 * frontmatter field), until nothing new is reached. A whole-word match can take a file the example does
 * not use; it cannot miss one it uses.
 */
export async function exampleFiles(root = repoRoot): Promise<string[]> {
  const byId = await referable(root);
  const taken = new Set<string>([`content/cases/${EXAMPLE_CASE}`, `data/${EXAMPLE_CASE}`]);
  const queue = [path.join(root, 'content/cases', EXAMPLE_CASE, 'index.md')];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  while (queue.length > 0) {
    const text = await readFile(queue.pop()!, 'utf8');
    for (const [id, file] of byId) {
      if (taken.has(file)) continue;
      if (!new RegExp(`(?<![\\w/.-])${escape(id)}(?![\\w-])`).test(text)) continue;
      taken.add(file);
      queue.push(path.join(root, file));
    }
  }
  return [...taken].sort();
}

/** A fresh folder holding the example alone, as a project root (content/ and data/). */
export async function copyExample(dest?: string, root = repoRoot): Promise<string> {
  const target = dest ?? (await mkdtemp(path.join(tmpdir(), 'casefile-example-')));
  for (const file of await exampleFiles(root)) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await cp(path.join(root, file), path.join(target, file), { recursive: true });
  }
  return target;
}
