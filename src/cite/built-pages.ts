/**
 * The HTML pages of a built site whose text contains a marker: post-build stages look for a few
 * marked pages among thousands. Measured on 10,000 pages (450 MB): Node's recursive `readdir` took
 * 1.2 s and reading every page as text 64 at a time 1.6 s, while walking the folders with
 * `readdirSync` and searching each page's bytes with `readFileSync` takes about 0.65 s in all. The
 * pages were just written, so they come from the page cache and the synchronous reads never wait.
 * Only the pages that match are decoded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPage {
  /** Relative to the site root, with forward slashes. */
  file: string;
  html: string;
}

export async function pagesContaining(dir: string, marker: string): Promise<BuiltPage[]> {
  const needle = Buffer.from(marker);
  const found: BuiltPage[] = [];
  for (const file of htmlFiles(dir, '').sort()) {
    const bytes = readFileSync(path.join(dir, file));
    if (bytes.indexOf(needle) >= 0) found.push({ file, html: bytes.toString('utf8') });
  }
  // In file order, so whatever reads them produces the same output on every build.
  return found;
}

function htmlFiles(dir: string, prefix: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = prefix + entry.name;
    if (entry.isDirectory()) htmlFiles(path.join(dir, entry.name), `${file}/`, into);
    else if (entry.isFile() && entry.name.endsWith('.html')) into.push(file);
  }
  return into;
}
