/**
 * The stages only look down (ARCHITECTURE.md): a file may import from its own folder and from the folders
 * below it in STAGES, never from one above, and no files import each other in a circle. The graph is read
 * from the source files by TypeScript's own pre-processor, so this sees what the compiler sees.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, type ImportEdge } from './import-graph.ts';

/** Lowest first. Keep in step with the table in ARCHITECTURE.md. */
export const STAGES = [
  'diagnostics',
  'locale',
  'schema',
  'content',
  'ingest',
  'import',
  'aggregate',
  'engines',
  'model',
  'cite',
  'charts',
  'markdown',
  'check',
  'site',
  'release',
  'cards',
  'components',
  'layouts',
  'pages',
  'build',
  'scaffold',
  'cli',
] as const;


/** Leaves any stage may use: style sheets and the ambient type declarations at src/. */
const ANYWHERE = new Set(['styles', '']);

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `src/<folder>/…` → folder; files directly under src/ → ''. */
export function stageOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : '';
}

/** Imports that run up a stage, or that leave or enter a folder not in STAGES. */
export function upwardImports(edges: readonly ImportEdge[], stages: readonly string[] = STAGES): string[] {
  const rank = (stage: string) => stages.indexOf(stage);
  const out: string[] = [];
  for (const e of edges) {
    const from = stageOf(e.from);
    const to = stageOf(e.to);
    if (from === to || ANYWHERE.has(to)) continue;
    if (rank(from) < 0 && !ANYWHERE.has(from)) out.push(`${e.from}:${e.line} is in \`${from}\`, a folder with no place in STAGES`);
    else if (rank(to) < 0) out.push(`${e.from}:${e.line} imports ${e.specifier}, in \`${to}\`, a folder with no place in STAGES`);
    else if (rank(to) > rank(from)) out.push(`${e.from}:${e.line} imports ${e.specifier}: \`${from}\` may not look up to \`${to}\``);
  }
  return out;
}

/** Every circle of imports between files (strongly connected components of two or more, or a file importing itself). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from)!.push(e.to);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the import graph of src/', () => {
  const edges = importGraph(root);

  it('is read from .ts files and from .astro frontmatter', () => {
    expect(edges.some((e) => e.from.endsWith('.astro'))).toBe(true);
    expect(edges.length).toBeGreaterThan(300);
  });

  it('has every folder of src/ in STAGES', () => {
    const folders = new Set(edges.flatMap((e) => [stageOf(e.from), stageOf(e.to)]));
    expect([...folders].filter((f) => !ANYWHERE.has(f) && !STAGES.includes(f as (typeof STAGES)[number]))).toEqual([]);
  });

  it('never runs up a stage', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('has no circle of imports between files', () => {
    expect(importCycles(edges).map((c) => c.join(', '))).toEqual([]);
  });
});

describe('the rules themselves', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, line: 3, specifier: `./${to}` });

  it('names an import that runs up a stage, with its file and line', () => {
    expect(upwardImports([edge('src/ingest/a.ts', 'src/aggregate/model.ts')])).toEqual([
      'src/ingest/a.ts:3 imports ./src/aggregate/model.ts: `ingest` may not look up to `aggregate`',
    ]);
    expect(upwardImports([edge('src/aggregate/a.ts', 'src/ingest/b.ts')])).toEqual([]);
  });

  it('finds a circle through three files, and none in a chain', () => {
    const circle = [edge('src/a/x.ts', 'src/a/y.ts'), edge('src/a/y.ts', 'src/a/z.ts'), edge('src/a/z.ts', 'src/a/x.ts')];
    expect(importCycles(circle)).toEqual([['src/a/x.ts', 'src/a/y.ts', 'src/a/z.ts']]);
    expect(importCycles(circle.slice(0, 2))).toEqual([]);
  });
});
