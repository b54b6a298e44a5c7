/**
 * The HTML pages of a built site whose text contains a marker: post-build stages look for a few
 * marked pages among thousands. The folders are walked with `readdirSync` and each page's bytes
 * searched with `readFileSync`, which measured faster than a recursive `readdir` and text reads in
 * parallel (BENCHMARKS.md, "Reading built pages"): the pages were just written, so they come from the
 * page cache and the synchronous reads never wait. Only the pages that match are decoded.
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
