/**
 * Exact interning of id strings without keeping them as JS strings: each id's UTF-16 code units go
 * into one growing typed-array arena, found again through an open-addressing table of hashes.
 * Post ids in a Map cost as much CPU again as parsing them (BENCHMARKS.md, "Ids off the heap": the live
 * strings and the Map's store slow every GC); here they are off-heap and the GC never visits them.
 */
export class IdKeys {
  /** Pairs (hash, key + 1), 0 in the second for an empty slot: a probe reads one cache line, not two arrays. */
  private slots = new Int32Array(1 << 13);
  /** Code units of key k are chars[start[k] .. start[k + 1]). */
  private start = new Int32Array((1 << 11) + 1);
  private chars = new Uint16Array(1 << 14);
  /** Byte view of `chars` for `text`, dropped whenever `chars` is replaced. */
  private view: Buffer | undefined;
  size = 0;

  /** Key of `id`, added when new. */
  key(id: string): number {
    return this.lookup(id, true);
  }

  /** Key of `id`, or -1 when it was never added. */
  find(id: string): number {
    return this.lookup(id, false);
  }

  /**
   * Room for `keys` keys in all, their code units sized on those added so far: a table told its size
   * up front never rehashes or copies its arena, which at ten million ids cost more than the lookups.
   */
  reserve(keys: number): void {
    if (keys + 1 > this.start.length) this.start = grown(this.start, keys + 1);
    const perKey = this.size > 0 ? this.start[this.size]! / this.size : 8;
    const chars = Math.ceil(keys * perKey);
    if (chars > this.chars.length) {
      this.chars = grown(this.chars, chars);
      this.view = undefined;
    }
    let slots = this.slots.length;
    while (keys * 4 > slots) slots *= 2;
    if (slots > this.slots.length) this.rehash(slots);
  }

  /** The id of key `k`, as a fresh string. */
  text(k: number): string {
    // A Buffer over the arena decodes code units natively: about twice as fast as fromCharCode.apply on a subarray.
    this.view ??= Buffer.from(this.chars.buffer, this.chars.byteOffset, this.chars.byteLength);
    return this.view.toString('utf16le', this.start[k]! * 2, this.start[k + 1]! * 2);
  }

  private lookup(id: string, add: boolean): number {
    const n = id.length;
    let h = 0x811c9dc5 ^ n;
    for (let c = 0; c < n; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
    h ^= h >>> 16;
    const mask = (this.slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[2 * s + 1]! - 1;
      if (k < 0) {
        if (!add) return -1;
        this.insert(id, h, s);
        return this.size - 1;
      }
      if (this.slots[2 * s] === h && this.equals(k, id)) return k;
    }
  }

  private equals(k: number, id: string): boolean {
    const from = this.start[k]!;
    if (this.start[k + 1]! - from !== id.length) return false;
    for (let c = 0; c < id.length; c++) if (this.chars[from + c] !== id.charCodeAt(c)) return false;
    return true;
  }

  private insert(id: string, h: number, slot: number): void {
    const k = this.size++;
    if (k + 1 === this.start.length) this.start = grown(this.start, k * 2 + 1);
    const from = this.start[k]!;
    const to = from + id.length;
    if (to > this.chars.length) {
      this.chars = grown(this.chars, Math.max(to, this.chars.length * 2));
      this.view = undefined;
    }
    for (let c = 0; c < id.length; c++) this.chars[from + c] = id.charCodeAt(c);
    this.start[k + 1] = to;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = k + 1;
    // At most half full, so probes stay short.
    if (this.size * 4 > this.slots.length) this.rehash();
  }

  private rehash(length = this.slots.length * 2): void {
    const slots = new Int32Array(length);
    const mask = (slots.length >> 1) - 1;
    for (let old = 0; old < this.slots.length; old += 2) {
      if (this.slots[old + 1] === 0) continue;
      let s = this.slots[old]! & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = this.slots[old]!;
      slots[2 * s + 1] = this.slots[old + 1]!;
    }
    this.slots = slots;
  }
}

export function grown<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
