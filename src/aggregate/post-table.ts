/**
 * The only per-post state aggregation keeps: a few typed columns (about 40 bytes a post plus its
 * id in a Map), so a million posts fit in well under the memory budget while every aggregate,
 * including cascades and figure filters, can be computed after the single pass over the input.
 */
import type { Platform } from '../schema/index.ts';
import { KIND_CODE } from './kinds.ts';
import { TextKeys } from './text-keys.ts';
import type { NormalisedPost } from './model.ts';

export interface Author {
  id: string;
  platform: Platform;
  handle: string | null;
  name?: string;
  /** Time of the post the handle and name were taken from: the latest wins. */
  seen: number;
  posts: number;
}

export class PostTable {
  size = 0;
  time = new Float64Array(1024);
  author = new Int32Array(1024);
  kind = new Uint8Array(1024);
  /** Author of the referenced post as the post states it, or -1. */
  refAuthor = new Int32Array(1024);
  /** Content key of the normalised text, or -1 (reposts and empty texts). */
  textKey = new Int32Array(1024);
  /** Tags of post i are tagList[tagStart[i] .. tagStart[i + 1]). */
  tagStart = new Int32Array(1025);
  tagList = new Int32Array(2048);
  tagCount = 0;
  /** Media hashes as (post, key) pairs. */
  media = new Int32Array(256);
  mediaCount = 0;
  /** Where each post came from: line (or element index) and an index into `files`. */
  line = new Int32Array(1024);
  file = new Int32Array(1024);
  files: { dataset: string; file?: string }[] = [];
  private fileIndex = new Map<string, number>();
  ids: string[] = [];
  refIds: (string | undefined)[] = [];
  index = new Map<string, number>();
  authors: Author[] = [];
  authorIndex = new Map<string, number>();
  tags: string[] = [];
  tagIndex = new Map<string, number>();
  texts = new TextKeys();
  mediaKeys: string[] = [];
  mediaIndex = new Map<string, number>();

  constructor(tracked: readonly string[]) {
    for (const tag of tracked) this.internTag(tag);
  }

  /** Appends a post; returns its index, or the index of the earlier post with the same id. */
  add(p: NormalisedPost): { index: number; duplicate: boolean } {
    const seen = this.index.get(p.id);
    if (seen !== undefined) return { index: seen, duplicate: true };
    const i = this.size;
    if (i === this.time.length) this.grow();
    this.size++;
    this.index.set(p.id, i);
    this.ids.push(p.id);
    this.refIds.push(p.refId);
    this.time[i] = p.time;
    this.line[i] = p.line;
    const origin = `${p.dataset}\u0000${p.file ?? ''}`;
    let f = this.fileIndex.get(origin);
    if (f === undefined) {
      f = this.files.push(p.file === undefined ? { dataset: p.dataset } : { dataset: p.dataset, file: p.file }) - 1;
      this.fileIndex.set(origin, f);
    }
    this.file[i] = f;
    const a = this.internAuthor(p.authorId, p.platform);
    const author = this.authors[a]!;
    author.posts++;
    if (author.posts === 1 || p.time >= author.seen) {
      author.seen = p.time;
      if (p.handle !== null || author.handle === null) author.handle = p.handle;
      if (p.name !== undefined) author.name = p.name;
    }
    this.author[i] = a;
    this.kind[i] = KIND_CODE[p.kind];
    this.refAuthor[i] = p.refAuthorId === undefined ? -1 : this.internAuthor(p.refAuthorId, p.platform);
    this.textKey[i] = p.kind === 'repost' ? -1 : this.internText(p.text);
    for (const tag of p.tags) {
      if (this.tagCount === this.tagList.length) this.tagList = grown(this.tagList, this.tagList.length * 2);
      this.tagList[this.tagCount++] = this.internTag(tag);
    }
    this.tagStart[i + 1] = this.tagCount;
    for (const hash of p.mediaHashes) {
      if (this.mediaCount + 2 > this.media.length) this.media = grown(this.media, this.media.length * 2);
      let k = this.mediaIndex.get(hash);
      if (k === undefined) {
        k = this.mediaKeys.push(hash) - 1;
        this.mediaIndex.set(hash, k);
      }
      this.media[this.mediaCount++] = i;
      this.media[this.mediaCount++] = k;
    }
    return { index: i, duplicate: false };
  }

  internAuthor(id: string, platform: Platform): number {
    let a = this.authorIndex.get(id);
    if (a === undefined) {
      a = this.authors.push({ id, platform, handle: null, seen: -Infinity, posts: 0 }) - 1;
      this.authorIndex.set(id, a);
    }
    return a;
  }

  internTag(tag: string): number {
    let t = this.tagIndex.get(tag);
    if (t === undefined) {
      t = this.tags.push(tag) - 1;
      this.tagIndex.set(tag, t);
    }
    return t;
  }

  private internText(text: string): number {
    const key = normaliseText(text);
    return key === '' ? -1 : this.texts.key(key);
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = grown(this.time, n);
    this.author = grown(this.author, n);
    this.kind = grown(this.kind, n);
    this.refAuthor = grown(this.refAuthor, n);
    this.textKey = grown(this.textKey, n);
    this.line = grown(this.line, n);
    this.file = grown(this.file, n);
    this.tagStart = grown(this.tagStart, n + 1);
  }
}

/** Text compared for "same content": whitespace collapsed, trimmed, NFC, case-folded. */
export function normaliseText(text: string): string {
  // Most texts are ASCII with single spaces: only lower-casing is needed, and the scan is cheaper than the regex.
  let plain = true;
  for (let k = 0, prev = 32; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 126 || (c < 32) || (c === 32 && prev === 32)) {
      plain = false;
      break;
    }
    prev = c;
  }
  if (plain && text.charCodeAt(text.length - 1) !== 32) return text.toLowerCase();
  return text.replace(/\s+/g, ' ').trim().normalize('NFC').toLowerCase();
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
