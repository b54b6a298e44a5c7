/**
 * A hash of the code that produces a model: the module a caller names and every module it imports by a
 * relative path, followed transitively. From the sources (tsx, vitest) that is the ingest, aggregate and
 * model stages and what they import; from a bundle (an Astro build) it is the chunk and the chunks it
 * imports. Any edit to that code, a comment included, gives another hash, so a cached model can never
 * outlive the code that made it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Static imports and re-exports (`import x from './a.ts'`, `export * from './b.ts'`), side-effect imports
// and dynamic imports with a literal path. Bare specifiers (packages) are not followed.
const SPECIFIERS = [
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
];

/** Relative module paths imported by `source`, in order of appearance, without repeats. */
export function relativeImports(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of SPECIFIERS) {
    for (const match of source.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found];
}

/**
 * sha256 (hex) of the module at `entry` (a path or file URL) and of every module it reaches through
 * relative imports. A specifier that names no readable file is hashed as a name, so it still counts.
 * Not memoised: under `astro dev` the code changes while the process runs, and reading a few dozen
 * small files is cheap beside the model build the hash can save.
 */
export function codeHash(entry: string): string {
  const start = entry.startsWith('file:') ? fileURLToPath(entry) : resolve(entry);
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const queue = [start];
  // Breadth-first from the entry, so the order (and the hash) does not depend on the file system.
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      hash.update(`missing\0${relative(dirname(start), path)}\0`);
      continue;
    }
    hash.update(`${source.length}\0`).update(source);
    for (const specifier of relativeImports(source)) queue.push(resolve(dirname(path), specifier.split(/[?#]/)[0]!));
  }
  return hash.digest('hex');
}
