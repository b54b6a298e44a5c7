/**
 * Content keys for normalised texts without keeping every text: each text is reduced to a 64-bit
 * hash (two independent 32-bit FNV-1a variants, collision odds about 1 in 10^7 at 10^9 text pairs)
 * in an open-addressing table on typed arrays. A text is kept only once a second post repeats it.
 */
/** Printable ASCII words separated by single spaces: normalising it is lower-casing it. */
const PLAIN = /^[!-~]+(?: [!-~]+)*$/;

export class TextKeys {
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashA = new Int32Array(1 << 15);
  private hashB = new Int32Array(1 << 15);
  private counts = new Int32Array(1 << 15);
  size = 0;
  /** Text of each key that more than one post shares. */
  readonly repeated = new Map<number, string>();

  /**
   * Key of `text` once normalised (`normaliseText`), or -1 when that is empty. The common text,
   * printable ASCII words with single spaces, only needs lower-casing: a regex tells it apart
   * faster than a scan in JavaScript (BENCHMARKS.md, "Plain text keys"), and its copy is kept only if a post repeats it.
   */
  key(text: string): number {
    return this.keyOfNormal(PLAIN.test(text) ? text.toLowerCase() : normaliseText(text));
  }

  /** Room for `keys` distinct texts in all, so a large input neither rehashes nor copies its hashes as it grows. */
  reserve(keys: number): void {
    if (keys > this.hashA.length) this.growKeys(keys);
    let slots = this.slots.length;
    while (keys * 2 > slots) slots *= 2;
    if (slots > this.slots.length) this.rehash(slots);
  }

  private keyOfNormal(text: string): number {
    if (text === '') return -1;
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    return this.slot(a, b, text);
  }

  private slot(a: number, b: number, text: string): number {
    const mask = this.slots.length - 1;
    for (let s = a & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0) {
        const fresh = this.size++;
        if (fresh === this.hashA.length) this.growKeys();
        this.hashA[fresh] = a;
        this.hashB[fresh] = b;
        this.counts[fresh] = 1;
        this.slots[s] = fresh;
        if (this.size * 2 > this.slots.length) this.rehash();
        return fresh;
      }
      if (this.hashA[id] === a && this.hashB[id] === b) {
        if (++this.counts[id]! === 2) this.repeated.set(id, text);
        return id;
      }
    }
  }

  private growKeys(n = this.hashA.length * 2): void {
    for (const name of ['hashA', 'hashB', 'counts'] as const) {
      const next = new Int32Array(n);
      next.set(this[name]);
      this[name] = next;
    }
  }

  private rehash(length = this.slots.length * 2): void {
    const slots = new Int32Array(length).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = this.hashA[id]! & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
  }
}

/** Whitespace other than one space: only then can collapsing change the text (the test costs far less than the replace). */
const ODD_SPACE = /[^\S ]|\s\s/;

/** Text compared for "same content": whitespace collapsed, trimmed, NFC, case-folded. */
export function normaliseText(text: string): string {
  return (ODD_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim().normalize('NFC').toLowerCase();
}
