/**
 * Reading a built site: every file with its path relative to the site root, and HTML pages parsed
 * into a DOM (linkedom) so the gates can query elements the way a browser would see them.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export interface SitePage {
  /** Path relative to the site root, forward slashes (`cases/x/index.html`). */
  file: string;
  html: string;
  document: Document;
}

/** Every file under `dir`, relative, sorted, forward slashes. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

export function parsePage(file: string, html: string): SitePage {
  return { file, html, document: parseHTML(html).document as unknown as Document };
}

export async function readPages(dir: string): Promise<SitePage[]> {
  const files = (await listSiteFiles(dir)).filter((f) => f.endsWith('.html'));
  return Promise.all(files.map(async (file) => parsePage(file, await readFile(path.join(dir, file), 'utf8'))));
}

/** SHA-256 of every file, keyed by relative path. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listSiteFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

/** A short description of an element for failure messages: `<img src="…">`. */
export function describeElement(element: Element): string {
  const attributes = [...element.attributes]
    .map((a) => (a.value === '' ? a.name : `${a.name}="${a.value.length > 80 ? `${a.value.slice(0, 79)}…` : a.value}"`))
    .join(' ');
  return `<${element.tagName.toLowerCase()}${attributes ? ` ${attributes}` : ''}>`;
}
