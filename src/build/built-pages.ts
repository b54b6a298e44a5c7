/**
 * The HTML pages of a built site whose text contains a marker, read many at a time: post-build
 * stages look for a few marked pages among thousands, and reading them one by one leaves the disk idle.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface BuiltPage {
  /** Relative to the site root, with forward slashes. */
  file: string;
  html: string;
}

const IN_FLIGHT = 64;

export async function pagesContaining(dir: string, marker: string): Promise<BuiltPage[]> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  const found: (BuiltPage | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const html = await readFile(path.join(dir, files[i]!), 'utf8');
      if (html.includes(marker)) found[i] = { file: files[i]!, html };
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
  // In file order whatever order the reads finished in, so the output stays deterministic.
  return found.filter((p): p is BuiltPage => p !== undefined);
}
