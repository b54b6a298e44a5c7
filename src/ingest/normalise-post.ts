/**
 * From a validated post to the NormalisedPost aggregation reads: hashtags folded (NFC, `#` stripped,
 * lower case) with aliases mapped to the tracked tag as the case spells it; time as epoch ms.
 */
import type { Platform, PostKind, Precision, TrackedHashtag } from '../schema/index.ts';
import { instantOf } from './instant.ts';
import type { RawPost } from './is-post.ts';
import type { PostFields } from './scan-post.ts';

/** A post after normalisation: what aggregation works on. Defined here, where it is made, so the stages
 * that read it (aggregate, model, markdown, pages) all look down to it. */
export interface NormalisedPost {
  id: string;
  platform: Platform;
  authorId: string;
  handle: string | null;
  name?: string;
  /** Epoch ms, UTC. */
  time: number;
  precision: Precision;
  kind: PostKind;
  refId?: string;
  refAuthorId?: string;
  /** Normalised: NFC, `#` stripped, case-folded, then aliases mapped to the tracked tag as the case spells it. */
  tags: string[];
  text: string;
  /** The language of `text` (BCP 47) when the export knew it: pages mark the text with it. */
  lang?: string;
  mediaHashes: string[];
  /** Links in the post, as written; only coordination reads them. */
  urls?: string[];
  url?: string;
  availability?: 'available' | 'deleted' | 'suspended' | 'withheld' | 'unknown';
  archives: { url: string; archivedAt?: string; sha256?: string }[];
  /** Dataset id and 1-based line (NDJSON) or element index (JSON) the post came from. */
  dataset: string;
  line: number;
  /** Repo-relative path of the file the post came from, for diagnostics that point back at it. */
  file?: string;
}

export interface PostOrigin {
  dataset: string;
  file: string;
  line: number;
}

export type PostNormaliser = (post: RawPost, origin: PostOrigin) => NormalisedPost;

/**
 * Takes each validated post of one file: the fields aggregation reads, its line (or element index),
 * and `whole()` for the post as read, which may parse it again, so it is for the few posts a model keeps whole.
 */
export type RawPostSink = (fields: PostFields, line: number, whole: () => RawPost) => void;

/** Case-folded form of a hashtag as written, used to compare tags. */
export function foldTag(tag: string): string {
  return tag.replace(/^#+/, '').normalize('NFC').toLowerCase();
}

/** Maps a written hashtag to its tracked spelling, or its folded form; memoised since few distinct tags recur. */
export function tagNormaliser(hashtags: readonly Pick<TrackedHashtag, 'tag' | 'aliases'>[]): (tag: string) => string {
  const tracked = new Map<string, string>();
  for (const h of hashtags) {
    for (const alias of h.aliases) tracked.set(foldTag(alias), h.tag);
  }
  // The tag itself wins over another tag's alias of the same folded spelling.
  for (const h of hashtags) tracked.set(foldTag(h.tag), h.tag);
  const memo = new Map<string, string>();
  return (tag) => {
    let out = memo.get(tag);
    // Stryker disable next-line ConditionalExpression: `true` is equivalent (recomputing gives the same tag; the memo only saves time); `false` would return no tag, which every test catches
    if (out === undefined) {
      const folded = foldTag(tag);
      out = tracked.get(folded) ?? folded;
      memo.set(tag, out);
    }
    return out;
  };
}

export function postNormaliser(hashtags: readonly Pick<TrackedHashtag, 'tag' | 'aliases'>[]): PostNormaliser {
  const normaliseTag = tagNormaliser(hashtags);
  return (p, origin) => {
    const tags: string[] = [];
    if (p.hashtags) {
      for (const written of p.hashtags) {
        const tag = normaliseTag(written);
        if (tag !== '' && !tags.includes(tag)) tags.push(tag);
      }
    }
    const post: NormalisedPost = {
      id: p.id,
      platform: p.platform,
      authorId: p.author.id,
      handle: p.author.handle ?? null,
      time: instantOf(p.createdAt),
      precision: p.precision ?? 'second',
      kind: p.kind,
      tags,
      text: p.text,
      mediaHashes: mediaHashesOf(p) ?? [],
      urls: p.urls ?? [],
      archives: p.archives ?? [],
      dataset: origin.dataset,
      file: origin.file,
      line: origin.line,
    };
    if (p.author.name !== undefined) post.name = p.author.name;
    if (p.lang !== undefined) post.lang = p.lang;
    if (p.ref !== undefined) {
      post.refId = p.ref.id;
      if (p.ref.authorId !== undefined) post.refAuthorId = p.ref.authorId;
    }
    if (p.url !== undefined) post.url = p.url;
    if (p.availability !== undefined) post.availability = p.availability.status;
    return post;
  };
}

/**
 * What aggregation reads of a post that JSON.parse and the checks passed, as the scanner reads it
 * from bytes; `time` is its `createdAt` in epoch ms when the check already has it.
 */
export function fieldsOf(p: RawPost, time = instantOf(p.createdAt)): PostFields {
  return {
    id: p.id,
    platform: p.platform,
    authorId: p.author.id,
    handle: p.author.handle ?? null,
    name: p.author.name,
    time,
    kind: p.kind,
    refId: p.ref?.id,
    refAuthorId: p.ref?.authorId,
    text: p.text,
    hashtags: p.hashtags,
    urls: p.urls,
    url: p.url,
    mediaHashes: mediaHashesOf(p),
  };
}

/** The sha256 of each media item that has one, in order; undefined when none has. */
function mediaHashesOf(p: RawPost): string[] | undefined {
  let hashes: string[] | undefined;
  if (p.media !== undefined) for (const m of p.media) if (m.sha256 !== undefined) (hashes ??= []).push(m.sha256);
  return hashes;
}
