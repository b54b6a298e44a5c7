/**
 * Publishing a build without ever leaving a half-built site: the new site is complete in a
 * staging folder before it replaces `dist/` with two renames on the same file system.
 */
import { rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';

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
