/**
 * A seeded random sample of a folder's mutants, for a score estimated with its confidence interval when the
 * whole folder cannot be run in the time there is (src/aggregate: about 3,500 mutants at 3–10 s each on two
 * cores). The sample is drawn from every mutant StrykerJS would make, so the estimate is of the whole folder's
 * score; the same seed draws the same sample from the same code.
 */
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { Instrumenter } from '@stryker-mutator/instrumenter';
// The aggregation's own generator, so a sample is drawn as reproducibly as the synthetic data (run through tsx).
import { seededRandom } from '../src/aggregate/seeded-random.ts';

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/** Every mutant StrykerJS makes of the files `patterns` name (without those its disable comments ignore). */
export async function listMutants(patterns) {
  const names = await glob(patterns, { expandDirectories: false });
  const files = await Promise.all(names.sort().map(async (name) => ({ name, content: await readFile(name, 'utf8'), mutate: true })));
  const { mutants } = await new Instrumenter(quiet).instrument(files, { plugins: null, excludedMutations: [], ignorers: [] });
  return mutants.filter((m) => m.status !== 'Ignored' && m.ignoreReason === undefined).map((m) => ({
    file: m.fileName.startsWith('/') ? m.fileName.slice(process.cwd().length + 1) : m.fileName,
    location: m.location,
    mutatorName: m.mutatorName,
    replacement: m.replacement,
  }));
}

/** `size` of `items`, drawn without replacement (a partial Fisher–Yates shuffle). */
export function sample(items, size, seed) {
  const next = seededRandom(seed);
  const pool = [...items];
  const count = Math.min(size, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/**
 * The `--mutate` range of a mutant: StrykerJS mutates what lies inside it, so the mutant itself is tested
 * (with any mutants nested inside it, which are run but not counted). Lines are 1-based there, 0-based in
 * the instrumenter; columns are 0-based in both.
 */
export function rangeOf({ file, location: { start, end } }) {
  return `${file}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

/** The Wilson score interval of `hits` of `n` at 95 %: a proportion's interval that stays inside 0–1. */
export function wilson(hits, n, z = 1.96) {
  if (n === 0) return { low: 0, high: 1 };
  const p = hits / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return { low: (centre - margin) / denominator, high: (centre + margin) / denominator };
}
