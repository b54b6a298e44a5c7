/**
 * A StrykerJS ignorer for a sampled run (scripts/mutation.mjs --sample). StrykerJS mutates everything inside a
 * `--mutate` range, so a drawn mutant of a block or a whole expression brings every mutant nested inside it;
 * they were run but not counted, four of every five mutants the aggregate sample ran. This ignores a node
 * that lies strictly inside a drawn mutant's range when no drawn mutant lies at or inside it.
 * CASEFILE_MUTATION_DRAWN names a JSON file of the drawn mutants ({ file, location }, 0-based lines as the
 * instrumenter gives them). Plain JavaScript: StrykerJS's workers load it too.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const notAfter = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
/** Whether `inner` lies inside `outer` (the same range included). */
const inside = (inner, outer) => notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
const same = (a, b) => inside(a, b) && inside(b, a);

/** Whether a node at `range` is only nested in drawn mutants (`drawn`: the ranges of its file's drawn ones). */
export function nestedOnly(range, drawn) {
  return drawn.some((d) => inside(range, d) && !same(range, d)) && !drawn.some((d) => inside(d, range));
}

class NestedIgnorer {
  constructor() {
    const file = process.env.CASEFILE_MUTATION_DRAWN;
    this.drawn = new Map();
    if (!file) return;
    for (const { file: name, location } of JSON.parse(readFileSync(file, 'utf8'))) {
      if (!this.drawn.has(name)) this.drawn.set(name, []);
      this.drawn.get(name).push(location);
    }
  }

  shouldIgnore(path) {
    const { loc } = path.node;
    const name = path.hub?.file?.opts?.filename;
    if (!loc || !name) return undefined;
    const drawn = this.drawn.get(relative(process.cwd(), name));
    // Babel's lines are 1-based, the instrumenter's 0-based; columns are 0-based in both.
    const range = { start: { line: loc.start.line - 1, column: loc.start.column }, end: { line: loc.end.line - 1, column: loc.end.column } };
    return drawn && nestedOnly(range, drawn) ? 'Nested inside a drawn mutant and not drawn itself (a sampled run)' : undefined;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Ignore, 'casefile-nested', NestedIgnorer)];
