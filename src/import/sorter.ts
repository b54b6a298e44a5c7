/**
 * External merge sort of serialised posts: memory holds one run, whatever the input size.
 * Runs are sorted in memory, written to disk, then merged; equal keys come out in the
 * order they went in, so the first-seen copy of a post wins.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/** A line going into the sorter. */
export interface SortedLine {
  key: string;
  /** `e` for a post already in the dataset, `n` for one from this import. */
  origin: 'e' | 'n';
  json: string;
}

/**
 * A line coming out of the merge: its JSON left as the UTF-8 bytes read from the run, with the line
 * break after it (what the posts file gets), never decoded again.
 */
export interface MergedLine {
  key: string;
  origin: 'e' | 'n';
  line: Buffer;
}

/** Sort key: creation time in milliseconds, then id (numeric ids compared as numbers). */
export function sortKey(createdAt: string, id: string): string {
  return sortKeyAt(Date.parse(createdAt), id);
}

/** `sortKey` from the time in milliseconds, when the caller has already read it. */
export function sortKeyAt(ms: number, id: string): string {
  return String(ms).padStart(15, '0') + (isDigits(id) ? id.padStart(20, '0') : JSON.stringify(id));
}

/** 1 to 20 ASCII digits (/^\d{1,20}$/ without the regular expression, on every row). */
function isDigits(id: string): boolean {
  const n = id.length;
  if (n === 0 || n > 20) return false;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The id's part of a sort key: one string per id, read without parsing the line. */
export function idOfKey(key: string): string {
  return key.slice(15);
}

// Each run is read 64 KiB at a time: memory for the merge is that times the number of runs.
const readSize = 1 << 16;
// Lines handed on per batch of the merge: one promise per batch instead of one per line.
const batchSize = 4096;

export class ExternalSorter {
  private runs: string[] = [];
  // The run being gathered: each line is encoded into `bytes` as it is added (key, origin, JSON), so no
  // string of it outlives the row (a run of strings would be copied by every minor collection until it
  // was written), and the run goes to disk as slices of those bytes in key order, never copied in JS.
  private keys: string[] = [];
  private starts: number[] = [];
  private bytes = Buffer.alloc(1 << 20);
  private used = 0;
  private writing = false;

  constructor(
    private readonly dir: string,
    private readonly runSize = 20_000,
  ) {}

  /**
   * Adds a line; a promise only when the run is full and being written (most lines need no await),
   * which the caller awaits before adding more: the run's buffer is filled again afterwards.
   */
  add(line: SortedLine): Promise<void> | undefined {
    if (this.writing) throw new Error('ExternalSorter.add before the run being written was awaited');
    const { key, json } = line;
    // A UTF-8 character is at most three bytes per UTF-16 unit. Keys and JSON hold no raw tab or line
    // break (JSON escapes them), so tabs and line breaks delimit.
    const most = (key.length + json.length) * 3 + 4;
    if (this.used + most > this.bytes.length) this.grow(most);
    const bytes = this.bytes;
    let at = this.used;
    this.keys.push(key);
    this.starts.push(at);
    at += bytes.write(key, at);
    bytes[at++] = 9;
    bytes[at++] = line.origin === 'e' ? 0x65 : 0x6e;
    bytes[at++] = 9;
    at += bytes.write(json, at);
    bytes[at++] = 10;
    this.used = at;
    return this.keys.length >= this.runSize ? this.flush() : undefined;
  }

  private grow(most: number): void {
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + most));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  private async flush(): Promise<void> {
    const { keys, starts, bytes } = this;
    const n = keys.length;
    if (n === 0) return;
    this.writing = true;
    starts.push(this.used);
    // Stable: equal keys keep the order they were added in.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const lines = order.map((i) => bytes.subarray(starts[i]!, starts[i + 1]!));
    const path = join(this.dir, `run-${this.runs.length}.txt`);
    const file = await open(path, 'w');
    try {
      await file.writev(lines);
    } finally {
      await file.close();
      this.writing = false;
    }
    // The buffer is filled again for the next run: the caller awaited this write before adding more,
    // and nothing else points into it.
    this.keys = [];
    this.starts = [];
    this.used = 0;
    this.runs.push(path);
  }

  /**
   * Every line added, in key order, in batches; on equal keys the earlier-added line comes first.
   * A batch's lines stay valid after the next batch is asked for (each read fills a new buffer).
   */
  async *sorted(): AsyncGenerator<MergedLine[]> {
    await this.flush();
    const sources = await Promise.all(this.runs.map(async (path) => new RunReader(await open(path, 'r'))));
    try {
      const heads: (MergedLine | undefined)[] = await Promise.all(sources.map((s) => s.next()));
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
      let batch: MergedLine[] = [];
      while (heap.size > 0) {
        const best = heap.top();
        batch.push(heads[best]!);
        const source = sources[best]!;
        heads[best] = source.nextInBuffer() ?? (await source.next());
        if (heads[best]) heap.replaceTop(best);
        else heap.pop();
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await Promise.all(sources.map((s) => s.close()));
    }
  }
}

/** The lines of one run file, split on their bytes; only a line that spans two reads is copied. */
class RunReader {
  private bytes = Buffer.alloc(0);
  private at = 0;
  private ended = false;

  constructor(private readonly file: FileHandle) {}

  /** The next line if it is already read; undefined when a read is needed (or the run is done). */
  nextInBuffer(): MergedLine | undefined {
    const bytes = this.bytes;
    const nl = bytes.indexOf(10, this.at);
    if (nl === -1) return undefined;
    const tab = bytes.indexOf(9, this.at);
    const line: MergedLine = {
      key: bytes.toString('utf8', this.at, tab),
      origin: bytes[tab + 1] === 0x65 ? 'e' : 'n',
      line: bytes.subarray(tab + 3, nl + 1),
    };
    this.at = nl + 1;
    return line;
  }

  async next(): Promise<MergedLine | undefined> {
    for (;;) {
      const line = this.nextInBuffer();
      if (line || this.ended) return line;
      // A fresh buffer for each read (lines handed on keep pointing into the last one), starting with
      // the part of a line the last read cut.
      const rest = this.bytes.length - this.at;
      const chunk = Buffer.allocUnsafe(rest + readSize);
      this.bytes.copy(chunk, 0, this.at);
      const { bytesRead } = await this.file.read(chunk, rest, readSize, null);
      if (bytesRead === 0) this.ended = true;
      this.bytes = chunk.subarray(0, rest + bytesRead);
      this.at = 0;
    }
  }

  close(): Promise<void> {
    return this.file.close();
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
