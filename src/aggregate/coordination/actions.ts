/**
 * Posts turned into actions: for each signal, every post's key (the thing it shares with others), with
 * the posts of each key in time order. Posts live in typed columns; keys are interned once per signal
 * and grouped by a counting sort, so nothing per post stays on the JavaScript heap.
 */
import type { CoordinationSignal, PostKind } from '../../schema/index.ts';
import { compare } from '../cascades.ts';
import { grown } from '../id-keys.ts';
import { coLinkKey, coTextKey, hashtagSetKey, MIN_HASHTAGS } from './normalise.ts';

/** No key: one shared empty list, not one per post. */
const NONE: readonly string[] = [];

/** What coordination reads of a post. */
export interface CoordinationPost {
  id: string;
  accountId: string;
  /** Epoch ms, UTC. */
  time: number;
  kind: PostKind;
  /** The post reposted, quoted or replied to. */
  refId?: string;
  /** Author of that post, as the post states it. */
  refAuthorId?: string;
  text: string;
  urls: readonly string[];
  hashtags: readonly string[];
  /** The post's own address, when the data states one: the report links the posts its tables name. */
  url?: string;
}

/** The posts of one signal grouped by key: key k's posts are `post[start[k] .. start[k + 1])`, earliest first. */
export interface SignalActions {
  signal: CoordinationSignal;
  /** Each key as normalised (a post id, a text, a URL, a hashtag set). */
  keys: string[];
  start: Int32Array;
  post: Int32Array;
}

/** Posts as columns: the account of each post (an index into `accounts`, sorted by id) and its time. */
export interface PostColumns {
  ids: readonly string[];
  /** Per post, the author of the post it refers to, when stated. */
  refAuthorIds: readonly (string | undefined)[];
  accounts: string[];
  account: Int32Array;
  time: Float64Array;
  /** Posts of each account in the whole input. */
  postsOf: Int32Array;
}

export function postColumns(posts: readonly CoordinationPost[]): PostColumns {
  const accounts = [...new Set(posts.map((p) => p.accountId))].sort(compare);
  const index = new Map(accounts.map((a, k) => [a, k]));
  const account = new Int32Array(posts.length);
  const time = new Float64Array(posts.length);
  const postsOf = new Int32Array(accounts.length);
  posts.forEach((p, i) => {
    const a = index.get(p.accountId)!;
    account[i] = a;
    time[i] = p.time;
    postsOf[a]!++;
  });
  return { ids: posts.map((p) => p.id), refAuthorIds: posts.map((p) => p.refAuthorId), accounts, account, time, postsOf };
}

/**
 * The keys a post shares under each exact signal; '' is no key. A repost's text, links and tags are
 * the original's, so it acts only through `repost`; `near-text` starts from the `text` normalisation.
 */
export function keysOf(post: CoordinationPost, signal: Exclude<CoordinationSignal, 'near-text'>): readonly string[] {
  const repost = post.kind === 'repost';
  switch (signal) {
    case 'repost':
      return repost && post.refId !== undefined ? [post.refId] : [];
    case 'reply':
      return post.kind === 'reply' && post.refId !== undefined ? [post.refId] : [];
    case 'text':
      return repost ? [] : [coTextKey(post.text)];
    case 'link':
      return repost || post.urls.length === 0 ? NONE : post.urls.length === 1 ? [coLinkKey(post.urls[0]!)] : [...new Set(post.urls.map(coLinkKey))];
    case 'hashtags':
      // Fewer tags than a set needs make no key, whatever their spelling: no need to normalise them.
      return repost || post.hashtags.length < MIN_HASHTAGS ? NONE : [hashtagSetKey(post.hashtags)];
  }
}

/**
 * Groups posts by key. `keyOf(i)` lists post i's keys; posts of accounts left out (`keep` false) and
 * empty keys make no action, so an empty link column never ties everyone without a link together.
 */
export function groupActions(
  signal: CoordinationSignal,
  columns: PostColumns,
  keep: Uint8Array,
  keyOf: (i: number) => readonly string[],
): SignalActions {
  const index = new Map<string, number>();
  const keys: string[] = [];
  let keyOfAction = new Int32Array(1024);
  let postOfAction = new Int32Array(1024);
  let n = 0;
  for (let i = 0; i < columns.account.length; i++) {
    if (keep[columns.account[i]!] === 0) continue;
    for (const key of keyOf(i)) {
      if (key === '') continue;
      let k = index.get(key);
      if (k === undefined) {
        k = keys.push(key) - 1;
        index.set(key, k);
      }
      if (n === keyOfAction.length) {
        keyOfAction = grown(keyOfAction, n * 2);
        postOfAction = grown(postOfAction, n * 2);
      }
      keyOfAction[n] = k;
      postOfAction[n++] = i;
    }
  }
  const start = new Int32Array(keys.length + 1);
  for (let x = 0; x < n; x++) start[keyOfAction[x]! + 1]!++;
  for (let k = 0; k < keys.length; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keys.length);
  const post = new Int32Array(n);
  for (let x = 0; x < n; x++) post[fill[keyOfAction[x]!]!++] = postOfAction[x]!;
  const { time, ids } = columns;
  // Time order, then id order: the result never depends on the order the posts were read in.
  const byTime = (x: number, y: number): number => time[x]! - time[y]! || compare(ids[x]!, ids[y]!);
  for (let k = 0; k < keys.length; k++) if (start[k + 1]! - start[k]! > 1) post.subarray(start[k]!, start[k + 1]!).sort(byTime);
  return { signal, keys, start, post };
}
