/**
 * The sampled mutation score (`npm run mutation -- <folder> --sample n --seed s`) is only as good as its draw
 * and its interval: the same seed draws the same mutants, none twice; the range handed to StrykerJS holds the
 * drawn mutant; a result is matched back to its draw; the interval is the Wilson interval.
 */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../scripts/mutation-keys.mjs';
import { nestedOnly } from '../../scripts/mutation-nested.mjs';
import { listMutants, rangeOf, sample, wilson } from '../../scripts/mutation-sample.mjs';

describe('sample(items, size, seed)', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('draws the same items for the same seed, and others for another seed', () => {
    expect(sample(items, 10, 7)).toEqual(sample(items, 10, 7));
    expect(sample(items, 10, 7)).not.toEqual(sample(items, 10, 8));
  });

  it('draws each item at most once, and all of them when asked for more than there are', () => {
    const drawn = sample(items, 60, 1);
    expect(new Set(drawn).size).toBe(60);
    expect(drawn.every((i: number) => items.includes(i))).toBe(true);
    expect([...sample(items, 500, 1)].sort((a, b) => a - b)).toEqual(items);
  });

  it('reaches the whole list, not only its start', () => {
    const drawn = sample(items, 20, 3);
    expect(Math.max(...drawn)).toBeGreaterThan(50);
    // The input list is left as it was.
    expect(items).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('listMutants, rangeOf and keyOf', () => {
  it('lists the mutants StrykerJS makes of a file, without those a disable comment ignores', async () => {
    const mutants = await listMutants(['src/aggregate/peak.ts']);
    expect(mutants.length).toBeGreaterThan(5);
    expect(mutants.every((m: { file: string }) => m.file === 'src/aggregate/peak.ts')).toBe(true);
  });

  it('gives StrykerJS a 1-based line range around the 0-based mutant, and matches its 1-based result', () => {
    const drawn = { file: 'src/a.ts', location: { start: { line: 9, column: 4 }, end: { line: 9, column: 16 } }, mutatorName: 'EqualityOperator', replacement: 'a > 0' };
    expect(rangeOf(drawn)).toBe('src/a.ts:10:4-10:16');
    const result = { fileName: `${process.cwd()}/src/a.ts`, location: { start: { line: 10, column: 5 }, end: { line: 10, column: 17 } }, mutatorName: 'EqualityOperator', replacement: 'a > 0' };
    expect(keyOf(result, 1)).toBe(keyOf(drawn));
    expect(keyOf({ ...result, replacement: 'a < 0' }, 1)).not.toBe(keyOf(drawn));
  });
});

describe('wilson(hits, n)', () => {
  it('is the 95 % Wilson score interval', () => {
    // 80 of 100: the textbook interval is 0.7112 to 0.8666.
    const { low, high } = wilson(80, 100);
    expect(low).toBeCloseTo(0.7112, 4);
    expect(high).toBeCloseTo(0.8666, 4);
  });

  it('stays inside 0 to 1 at the ends', () => {
    expect(wilson(10, 10).high).toBeCloseTo(1, 10);
    expect(wilson(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilson(0, 10).low).toBeCloseTo(0, 10);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('nestedOnly(range, drawn): the mutants a sampled run leaves out', () => {
  const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, column: b }, end: { line: c, column: d } });
  // A drawn block on lines 10–20, and a drawn expression inside it on line 12.
  const drawn = [range(10, 0, 20, 1), range(12, 4, 12, 30)];

  it('leaves out a node strictly inside a drawn mutant that holds no drawn mutant', () => {
    expect(nestedOnly(range(15, 2, 15, 9), drawn)).toBe(true);
    expect(nestedOnly(range(12, 10, 12, 20), drawn)).toBe(true);
  });

  it('keeps a drawn mutant itself, a node that holds one, and a node outside every drawn range', () => {
    expect(nestedOnly(range(10, 0, 20, 1), drawn)).toBe(false);
    expect(nestedOnly(range(12, 4, 12, 30), drawn)).toBe(false);
    expect(nestedOnly(range(11, 0, 13, 0), drawn)).toBe(false);
    expect(nestedOnly(range(21, 0, 21, 5), drawn)).toBe(false);
    // Overlapping the block's end is not inside it.
    expect(nestedOnly(range(20, 0, 22, 0), drawn)).toBe(false);
  });
});
