/**
 * External merge sort of serialised posts: memory holds one run, whatever the input size.
 * Runs are sorted in memory, written to disk, then merged; equal keys come out in the
 * order they went in, so the first-seen copy of a post wins.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { readLines } from './text.ts';

export interface SortedLine {
  key: string;
  /** `e` for a post already in the dataset, `n` for one from this import. */
  origin: 'e' | 'n';
  json: string;
}

/** Sort key: creation time in milliseconds, then id (numeric ids compared as numbers). */
export function sortKey(createdAt: string, id: string): string {
  const ms = String(Date.parse(createdAt)).padStart(15, '0');
  return ms + (/^\d{1,20}$/.test(id) ? id.padStart(20, '0') : JSON.stringify(id));
}

/** The id's part of a sort key: one string per id, read without parsing the line. */
export function idOfKey(key: string): string {
  return key.slice(15);
}

export class ExternalSorter {
  private buffer: SortedLine[] = [];
  private runs: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly runSize = 20_000,
  ) {}

  async add(line: SortedLine): Promise<void> {
    this.buffer.push(line);
    if (this.buffer.length >= this.runSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const lines = this.buffer.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.buffer = [];
    const path = join(this.dir, `run-${this.runs.length}.txt`);
    const out = createWriteStream(path);
    for (const { key, origin, json } of lines) {
      if (!out.write(`${key}\t${origin}\t${json}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    this.runs.push(path);
  }

  /** Every line added, in key order; on equal keys the earlier-added line comes first. */
  async *sorted(): AsyncGenerator<SortedLine> {
    await this.flush();
    const sources = this.runs.map((path) => readLines(path, path, () => {})[Symbol.asyncIterator]());
    const heads: (SortedLine | undefined)[] = await Promise.all(sources.map((s) => nextLine(s)));
    // A k-way merge over a binary heap of run numbers: each line written costs log(runs) comparisons,
    // not a scan of every run's head. Runs hold lines in the order added, so on equal keys the lower
    // run number comes first.
    const before = (a: number, b: number): boolean => {
      const x = heads[a]!.key;
      const y = heads[b]!.key;
      return x < y || (x === y && a < b);
    };
    const heap = new RunHeap(before);
    for (let i = 0; i < heads.length; i++) if (heads[i]) heap.push(i);
    while (heap.size > 0) {
      const best = heap.top();
      yield heads[best]!;
      heads[best] = await nextLine(sources[best]!);
      if (heads[best]) heap.replaceTop(best);
      else heap.pop();
    }
  }
}

/** A binary min-heap of run numbers, ordered by `before`. */
export class RunHeap {
  private readonly items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  top(): number {
    return this.items[0]!;
  }

  push(item: number): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) this.replaceTop(last);
  }

  /** Put `item` in the top's place (the top's run has a new head, or `item` replaces it) and restore the order. */
  replaceTop(item: number): void {
    const items = this.items;
    items[0] = item;
    const n = items.length;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && this.before(items[right]!, items[left]!) ? right : left;
      if (!this.before(items[child]!, items[i]!)) return;
      [items[i], items[child]] = [items[child]!, items[i]!];
      i = child;
    }
  }
}

async function nextLine(source: AsyncIterator<{ text: string }>): Promise<SortedLine | undefined> {
  const next = await source.next();
  if (next.done) return undefined;
  const text = next.value.text;
  const tab = text.indexOf('\t');
  return { key: text.slice(0, tab), origin: text[tab + 1] === 'e' ? 'e' : 'n', json: text.slice(tab + 3) };
}

/**
 * Compact set of 64-bit fingerprints of post ids (8 bytes a post instead of a string per post).
 * It only flags ids that may have been seen: a hit is confirmed against the real ids afterwards.
 */
export class FingerprintSet {
  private table = new Uint32Array(1 << 16);
  private size = 0;

  /** Adds `id`; true if its fingerprint was already present. */
  add(id: string): boolean {
    if ((this.size + 1) * 2 > this.table.length / 2) this.grow();
    const [a, b] = fingerprint(id);
    return this.insert(a, b);
  }

  private insert(a: number, b: number): boolean {
    const slots = this.table.length / 2;
    for (let slot = a & (slots - 1); ; slot = (slot + 1) & (slots - 1)) {
      const x = this.table[slot * 2]!;
      const y = this.table[slot * 2 + 1]!;
      if (x === 0 && y === 0) {
        this.table[slot * 2] = a;
        this.table[slot * 2 + 1] = b;
        this.size++;
        return false;
      }
      if (x === a && y === b) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}

/** Two independent 32-bit FNV-1a variants; (0, 0) marks an empty slot, so it is remapped. */
function fingerprint(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  a >>>= 0;
  b >>>= 0;
  return a === 0 && b === 0 ? [1, 0] : [a, b];
}
