/**
 * Near-duplicate texts (the `near-text` signal): texts normalised as for `text`, their character
 * 5-gram sets summarised by MinHash with fixed seeds, candidate pairs found by banding, and every
 * candidate verified by the exact similarity 1 − edit distance ÷ longer length. Verified pairs are
 * joined transitively; a post's key is the smallest text of its group, so copies that differ by a
 * word or a misspelling share one key.
 */
import type { PostKind } from '../../schema/index.ts';
import { seededRandom } from '../seeded-random.ts';
import { components } from './clusters.ts';
import { MIN_TEXT_LENGTH, normaliseCoText } from './normalise.ts';

/** Printed in params.json beside the normalisation versions. */
export const NEAR_TEXT_METHOD = 'minhash-5gram-32x2-levenshtein-1';

const SHINGLE = 5;
const BANDS = 16;
const ROWS = 2;
const HASHES = BANDS * ROWS;
/** Fixed multipliers and offsets: the same texts give the same candidates on every run. */
const SEEDS = (() => {
  const rnd = seededRandom(5);
  return Array.from({ length: HASHES }, () => [(Math.floor(rnd() * 2 ** 31) * 2 + 1) | 0, Math.floor(rnd() * 2 ** 32) | 0] as const);
})();

/** Per post, the key of its near-duplicate group ('' for none: a repost, a short text, an account left out). */
export function nearTextKeys(
  posts: readonly { text: string; kind: PostKind }[],
  keep: Uint8Array,
  account: Int32Array,
  similarity: number,
): string[] {
  const textOf = posts.map((p, i) => {
    if (p.kind === 'repost' || keep[account[i]!] === 0) return '';
    const t = normaliseCoText(p.text);
    return [...t].length >= MIN_TEXT_LENGTH ? t : '';
  });
  const texts = [...new Set(textOf.filter((t) => t !== ''))].sort();
  const index = new Map(texts.map((t, k) => [t, k]));
  const buckets = new Map<string, number[]>();
  texts.forEach((text, k) => {
    const signature = minHash(text);
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${signature.subarray(band * ROWS, band * ROWS + ROWS).join(',')}`;
      const list = buckets.get(key);
      if (list === undefined) buckets.set(key, [k]);
      else list.push(k);
    }
  });
  const verified: { a: number; b: number }[] = [];
  const tried = new Set<number>();
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!;
        const b = list[y]!;
        const code = a * texts.length + b;
        if (tried.has(code)) continue;
        tried.add(code);
        if (textSimilarity(texts[a]!, texts[b]!) >= similarity) verified.push({ a, b });
      }
    }
  }
  const root = components(texts.length, verified);
  // Texts are sorted, so each group's root (its smallest index) is its smallest text.
  return textOf.map((t) => (t === '' ? '' : texts[root[index.get(t)!]!]!));
}

/** 1 − Levenshtein distance ÷ the longer length, over UTF-16 code units (1 for two empty texts). */
export function textSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let prev = new Int32Array(b.length + 1);
  let next = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, next] = [next, prev];
  }
  return 1 - prev[b.length]! / longer;
}

function minHash(text: string): Int32Array {
  const signature = new Int32Array(HASHES).fill(0x7fffffff);
  for (let s = 0; s + SHINGLE <= Math.max(text.length, SHINGLE); s++) {
    let h = 0x811c9dc5;
    for (let c = s; c < Math.min(s + SHINGLE, text.length); c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
    for (let k = 0; k < HASHES; k++) {
      const [mul, add] = SEEDS[k]!;
      const v = (Math.imul(h, mul) + add) | 0;
      if (v < signature[k]!) signature[k] = v;
    }
  }
  return signature;
}
