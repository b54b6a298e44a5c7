/**
 * What the dev server compares to know an editor saved: the names, sizes and modification times of the files
 * under content/ and data/. The walk takes each entry as it is on disk (`lstat`) and never descends into a linked
 * folder, so a link to `/` or to a home folder costs nothing and tells the server nothing about files outside the
 * project; the check reports such a link (path/linked-folder, path/outside-project).
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function inputFingerprint(root: string, folders: readonly string[] = ['content', 'data']): Promise<string> {
  const parts: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        await walk(name);
        continue;
      }
      // A link's own size and time: retargeting it changes the fingerprint, its target is never looked at.
      const s = await lstat(path.join(root, name)).catch(() => undefined);
      if (s?.isFile() || s?.isSymbolicLink()) parts.push(`${name}:${s.size}:${s.mtimeMs}`);
    }
  };
  for (const folder of folders) await walk(folder);
  return parts.join('\n');
}
