import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ExternalSorter, RunHeap } from './sorter.ts';

const root = mkdtempSync(join(tmpdir(), 'casefile-sorter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

describe('ExternalSorter', () => {
  it('gives every line in key order, equal keys in the order they were added, whatever the run size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), async (keys, runSize) => {
        const dir = join(root, String(n++));
        mkdirSync(dir);
        const sorter = new ExternalSorter(dir, runSize);
        for (const [i, key] of keys.entries()) await sorter.add({ key, origin: i % 2 ? 'e' : 'n', json: `{"n":${i}}` });
        const out = [];
        for await (const batch of sorter.sorted()) for (const line of batch) out.push({ key: line.key, origin: line.origin, json: line.line.toString().slice(0, -1) });
        // Array.prototype.sort is stable: the expected order.
        const expected = keys.map((key, i) => ({ key, origin: i % 2 ? 'e' : 'n', json: `{"n":${i}}` })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        expect(out).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every byte of lines that span reads of a run, longer than a read, and past a batch of the merge', async () => {
    const dir = join(root, String(n++));
    mkdirSync(dir);
    const sorter = new ExternalSorter(dir, 3000);
    const added = [];
    // 10,000 lines in four runs of up to 3000 (each run about 300 kB, so read in several pieces), one
    // line of 200 kB, and non-ASCII text whose bytes a read may cut inside a character.
    for (let i = 0; i < 10_000; i++) {
      const text = i === 4321 ? 'x'.repeat(200_000) : `é${'ш'.repeat(i % 37)}🙂 ${i}`;
      const line = { key: String((i * 7919) % 10_007).padStart(6, '0'), origin: 'n' as const, json: JSON.stringify({ text }) };
      added.push(line);
      await sorter.add(line);
    }
    const out = [];
    for await (const batch of sorter.sorted()) for (const line of batch) out.push({ key: line.key, origin: line.origin, json: line.line.toString().slice(0, -1) });
    expect(out).toEqual(added.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  });
});

describe('ExternalSorter.add', () => {
  it('refuses a line while the full run it filled is still being written (its buffer is reused)', async () => {
    const dir = join(root, String(n++));
    mkdirSync(dir);
    const sorter = new ExternalSorter(dir, 2);
    expect(sorter.add({ key: 'b', origin: 'n', json: '{}' })).toBeUndefined();
    const writing = sorter.add({ key: 'a', origin: 'n', json: '{}' });
    expect(writing).toBeInstanceOf(Promise);
    expect(() => sorter.add({ key: 'c', origin: 'n', json: '{}' })).toThrow(/awaited/);
    await writing;
    expect(sorter.add({ key: 'c', origin: 'n', json: '{}' })).toBeUndefined();
  });
});

describe('RunHeap', () => {
  it('pops numbers in order, replacing the top keeps the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (values) => {
        const heap = new RunHeap((a, b) => a < b);
        for (const v of values) heap.push(v);
        heap.replaceTop(heap.top() + 500);
        const out: number[] = [];
        while (heap.size > 0) {
          out.push(heap.top());
          heap.pop();
        }
        const sorted = [...values].sort((a, b) => a - b);
        sorted[0]! += 500;
        expect(out).toEqual(sorted.sort((a, b) => a - b));
      }),
    );
  });
});
