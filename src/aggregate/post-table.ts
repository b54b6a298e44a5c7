/**
 * The only per-post state aggregation keeps: typed columns (about 50 bytes a post, ids included in
 * an off-heap arena), so a million posts fit in well under the memory budget and add almost nothing
 * for the garbage collector to visit, while every aggregate, including cascades and figure
 * filters, can be computed after the single pass over the input.
 */
import type { PostFields } from '../ingest/scan-post.ts';
import type { Platform } from '../schema/index.ts';
import { grown, IdKeys } from './id-keys.ts';
import { KIND_CODE, REPOST } from './kinds.ts';
import { TextKeys } from './text-keys.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';

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
  /** Key in `keys` of the post's id, and of its ref's id or -1. */
  idKey = new Int32Array(1024);
  refKey = new Int32Array(1024);
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
  /** Posts kept from each of `files`. */
  filePosts: number[] = [];
  private fileIndex = new Map<string, number>();
  /** Post ids and ref ids; `postOfKey[k]` is the post with id k, or -1 (a ref to a post not seen). */
  keys = new IdKeys();
  postOfKey = new Int32Array(1024).fill(-1);
  authors: Author[] = [];
  private authorKeys = new IdKeys();
  tags: string[] = [];
  tagIndex = new Map<string, number>();
  texts = new TextKeys();
  mediaKeys: string[] = [];
  mediaIndex = new Map<string, number>();

  constructor(tracked: readonly string[]) {
    for (const tag of tracked) this.internTag(tag);
  }

  /** Index into `files` of a dataset's file, registered on first use. */
  source(dataset: string, file: string | undefined): number {
    const origin = `${dataset}\u0000${file ?? ''}`;
    let f = this.fileIndex.get(origin);
    if (f === undefined) {
      f = this.files.push(file === undefined ? { dataset } : { dataset, file }) - 1;
      this.filePosts.push(0);
      this.fileIndex.set(origin, f);
    }
    return f;
  }

  /**
   * Sizes every column, and the id and text tables, for `posts` posts in all (tags by the posts read
   * so far). Doubling as posts arrive copies each column about once over and rehashes the tables at
   * sizes where every probe misses the cache: at ten million posts that cost a tenth of the ingest,
   * and made it grow faster than the posts (BENCHMARKS.md, "Ten million posts").
   */
  reserve(posts: number): void {
    if (posts > this.time.length) this.resize(posts);
    this.keys.reserve(posts);
    this.fitKeys(posts);
    this.texts.reserve(posts);
    const tags = this.size > 0 ? Math.ceil((posts * this.tagCount) / this.size) : 0;
    if (tags > this.tagList.length) this.tagList = grown(this.tagList, tags);
  }

  /** Id of post i. */
  id(i: number): string {
    return this.keys.text(this.idKey[i]!);
  }

  /** Key of an id (registering it), for ids asked about before the posts are read. */
  idKeyOf(id: string): number {
    const k = this.keys.key(id);
    this.fitKeys();
    return k;
  }

  /** Appends a post; returns its index, or -1 - the index of the earlier post with the same id. */
  add(p: NormalisedPost): number {
    const i = this.begin(p.id, p.platform, p.authorId, p.handle, p.name, p.time, KIND_CODE[p.kind], p.refId, p.refAuthorId, p.text, this.source(p.dataset, p.file), p.line);
    if (i < 0) return i;
    for (const tag of p.tags) this.pushTag(this.internTag(tag));
    this.end(i, p.mediaHashes);
    return i;
  }

  /**
   * `add` for a validated post's fields as read, without building its NormalisedPost: the same
   * columns, with `tagOf` giving the table's index of a written hashtag (-1 when it folds to nothing).
   */
  addFields(p: PostFields, source: number, line: number, tagOf: (written: string) => number): number {
    const i = this.begin(p.id, p.platform, p.authorId, p.handle, p.name, p.time, KIND_CODE[p.kind], p.refId, p.refAuthorId, p.text, source, line);
    if (i < 0) return i;
    if (p.hashtags !== undefined) {
      const from = this.tagCount;
      for (const written of p.hashtags) {
        const t = tagOf(written);
        if (t < 0) continue;
        let repeated = false;
        for (let k = from; k < this.tagCount; k++) if (this.tagList[k] === t) repeated = true;
        if (!repeated) this.pushTag(t);
      }
    }
    this.end(i, p.mediaHashes);
    return i;
  }

  private begin(
    id: string,
    platform: Platform,
    authorId: string,
    handle: string | null,
    name: string | undefined,
    time: number,
    kind: number,
    refId: string | undefined,
    refAuthorId: string | undefined,
    text: string,
    source: number,
    line: number,
  ): number {
    const key = this.keys.key(id);
    this.fitKeys();
    const first = this.postOfKey[key]!;
    if (first >= 0) return -1 - first;
    const i = this.size;
    if (i === this.time.length) this.resize(this.time.length * 2);
    this.size++;
    this.postOfKey[key] = i;
    this.idKey[i] = key;
    this.refKey[i] = refId === undefined ? -1 : this.idKeyOf(refId);
    this.time[i] = time;
    this.line[i] = line;
    this.file[i] = source;
    this.filePosts[source]!++;
    const a = this.internAuthor(authorId, platform);
    const author = this.authors[a]!;
    author.posts++;
    if (author.posts === 1 || time >= author.seen) {
      author.seen = time;
      // Compared first so an unchanged handle or name does not keep this post's copy alive.
      if ((handle !== null || author.handle === null) && author.handle !== handle) author.handle = handle;
      if (name !== undefined && author.name !== name) author.name = name;
    }
    this.author[i] = a;
    this.kind[i] = kind;
    this.refAuthor[i] = refAuthorId === undefined ? -1 : this.internAuthor(refAuthorId, platform);
    this.textKey[i] = kind === REPOST ? -1 : this.texts.key(text);
    return i;
  }

  private pushTag(t: number): void {
    if (this.tagCount === this.tagList.length) this.tagList = grown(this.tagList, this.tagList.length * 2);
    this.tagList[this.tagCount++] = t;
  }

  private end(i: number, mediaHashes: readonly string[] | undefined): void {
    this.tagStart[i + 1] = this.tagCount;
    if (mediaHashes === undefined) return;
    for (const hash of mediaHashes) {
      if (this.mediaCount + 2 > this.media.length) this.media = grown(this.media, this.media.length * 2);
      let k = this.mediaIndex.get(hash);
      if (k === undefined) {
        k = this.mediaKeys.push(hash) - 1;
        this.mediaIndex.set(hash, k);
      }
      this.media[this.mediaCount++] = i;
      this.media[this.mediaCount++] = k;
    }
  }

  internAuthor(id: string, platform: Platform): number {
    const a = this.authorKeys.key(id);
    if (a === this.authors.length) this.authors.push({ id, platform, handle: null, seen: -Infinity, posts: 0 });
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

  private fitKeys(keys = this.keys.size): void {
    if (keys <= this.postOfKey.length) return;
    const next = new Int32Array(Math.max(keys, this.postOfKey.length * 2)).fill(-1);
    next.set(this.postOfKey);
    this.postOfKey = next;
  }

  private resize(n: number): void {
    this.time = grown(this.time, n);
    this.author = grown(this.author, n);
    this.kind = grown(this.kind, n);
    this.refAuthor = grown(this.refAuthor, n);
    this.textKey = grown(this.textKey, n);
    this.idKey = grown(this.idKey, n);
    this.refKey = grown(this.refKey, n);
    this.line = grown(this.line, n);
    this.file = grown(this.file, n);
    this.tagStart = grown(this.tagStart, n + 1);
  }
}
