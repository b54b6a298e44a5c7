/**
 * Publishing a build without ever leaving a half-built site: the new site is complete in a
 * staging folder before it replaces `dist/` with two renames on the same file system.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export async function swapIntoPlace(staging: string, dist: string): Promise<void> {
  const previous = `${dist}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(dist)) await rename(dist, previous);
  try {
    await rename(staging, dist);
  } catch (error) {
    // Put the old site back before reporting: a failed swap must not leave `dist/` missing.
    if (existsSync(previous) && !existsSync(dist)) await rename(previous, dist);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/**
 * Moves every file under `from` to the same path under `to`, folders made as needed, each with one rename
 * (both on the same file system): a file written beside the staged site joins it without being copied again.
 * A file already at a target is replaced, as a second write of it would.
 */
export async function moveInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true });
      await moveInto(source, target);
    } else {
      await rename(source, target);
    }
  }
}
