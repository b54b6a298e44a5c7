// The import graph of src/, read from the source files with TypeScript's own pre-processor (not a regex), so
// the architecture test sees exactly the imports the compiler sees, in .ts files and in .astro frontmatter.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the repository root (src/…). */
  readonly from: string;
  /** Imported file, relative to the repository root. */
  readonly to: string;
  /** 1-based line of the import in the importing file. */
  readonly line: number;
  /** The specifier as written. */
  readonly specifier: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mjs|astro)$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The parts of a file that hold imports: a .ts file whole, an .astro file's frontmatter and its scripts. */
function scriptParts(path: string, text: string): { code: string; lineOffset: number }[] {
  if (!path.endsWith('.astro')) return [{ code: text, lineOffset: 0 }];
  const parts: { code: string; lineOffset: number }[] = [];
  const fence = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fence) parts.push({ code: fence[1]!, lineOffset: 1 });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = script.index! + script[0].indexOf('>') + 1;
    parts.push({ code: script[1]!, lineOffset: text.slice(0, start).split('\n').length - 1 });
  }
  return parts;
}

function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Every relative import between files under `srcDir` (type-only imports included: they bind stages too). */
export function importGraph(root: string, srcDir = 'src'): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(join(root, srcDir))) {
    const text = readFileSync(file, 'utf8');
    for (const { code, lineOffset } of scriptParts(file, text)) {
      const info = ts.preProcessFile(code, true, true);
      for (const ref of info.importedFiles) {
        const target = resolveSpecifier(file, ref.fileName);
        if (!target) continue;
        const line = code.slice(0, ref.pos).split('\n').length + lineOffset;
        edges.push({ from: relative(root, file), to: relative(root, target), line, specifier: ref.fileName });
      }
    }
  }
  return edges;
}
