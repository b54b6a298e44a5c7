/**
 * X API v2 responses: pages (`data`, `includes`, `meta`, and twarc2's `__twarc`), or flattened
 * tweets (`twarc2 flatten`: author and referenced tweets inlined).
 */
import { sniffJson } from './detect.ts';
import { parseJson, quoteBigIntegers } from './json.ts';
import { streamJson } from './json-stream.ts';
import { compact, count, httpOnly, invalidRow, isRecord, metricsAt, postLanguage, str } from './row.ts';
import { readLines } from './text.ts';
import { isInstant } from './time.ts';
import type { AccountObservation, ReaderContext, Row, RowPost } from './types.ts';

type Json = Record<string, unknown>;

interface Lookup {
  user(id: string | undefined): Json | undefined;
  tweet(id: string | undefined): Json | undefined;
  media(tweet: Json): Json[];
}

/**
 * Every way an X API v2 export is saved: one JSON value per line (twarc2 pages, flattened tweets),
 * pretty-printed response documents one after another (`curl … | jq .`, Postman), or a JSON array
 * of pages or tweets. Lines are parsed one by one so a bad line is reported and the rest still read.
 */
export async function* readXApiV2(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const layout = (await sniffJson(file)).layout;
  if (layout === 'lines') {
    for await (const { text, line } of readLines(file, ctx.displayPath, ctx.onBytes)) {
      if (text.trim() === '') continue;
      const parsed = parseJson(quoteBigIntegers(text), ctx.displayPath, line);
      if (parsed.ok) yield* fromValue(parsed.value, line, ctx);
      else yield { type: 'invalid', diagnostic: parsed.diagnostic };
    }
    return;
  }
  const selection = layout === 'array' ? { paths: ['$.*'], depth: 1 } : { paths: ['$'], depth: 0, many: true };
  for await (const { value, line } of streamJson(file, ctx.displayPath, ctx.onBytes, selection)) yield* fromValue(value, line, ctx);
}

/** One response page (`data`, `includes`, `meta`) or one flattened tweet, found at `line`. */
function* fromValue(value: unknown, line: number, ctx: ReaderContext): Generator<Row> {
  if (!isRecord(value) || (!('data' in value) && typeof value.id !== 'string')) {
    yield invalidRow(ctx.displayPath, { line, column: 1 }, 'line', value, 'an API response page (`data`) or a flattened tweet (`id`)');
    return;
  }
  const retrievedAt = noteTwarc(value.__twarc, ctx);
  if ('data' in value) {
    const tweets = Array.isArray(value.data) ? value.data : [value.data];
    const lookup = pageLookup(isRecord(value.includes) ? value.includes : {});
    for (const tweet of tweets) yield convert(tweet, lookup, retrievedAt, ctx, line);
  } else {
    yield convert(value, flatLookup(value), retrievedAt, ctx, line);
  }
}

/** Keep twarc's request metadata as provenance: the query, the version, the latest retrieval time. */
function noteTwarc(twarc: unknown, ctx: ReaderContext): string | undefined {
  if (!isRecord(twarc)) return undefined;
  const retrievedAt = typeof twarc.retrieved_at === 'string' && isInstant(twarc.retrieved_at) ? twarc.retrieved_at : undefined;
  const p = ctx.provenance;
  if (retrievedAt && (!p.collectedAt || Date.parse(retrievedAt) > Date.parse(p.collectedAt))) p.collectedAt = retrievedAt;
  if (typeof twarc.version === 'string') p.tool = `twarc2 ${twarc.version} (X API v2)`;
  if (typeof twarc.url === 'string' && !p.query) {
    try {
      const url = new URL(twarc.url);
      p.query = url.searchParams.get('query') ?? `${url.pathname}`;
    } catch {
      p.query = twarc.url;
    }
  }
  return retrievedAt;
}

function pageLookup(includes: Json): Lookup {
  const byId = (list: unknown, key: string): Map<string, Json> =>
    new Map((Array.isArray(list) ? list : []).filter(isRecord).map((item) => [String(item[key]), item]));
  const users = byId(includes.users, 'id');
  const tweets = byId(includes.tweets, 'id');
  const media = byId(includes.media, 'media_key');
  return {
    user: (id) => (id ? users.get(id) : undefined),
    tweet: (id) => (id ? tweets.get(id) : undefined),
    media: (tweet) => {
      const keys = isRecord(tweet.attachments) && Array.isArray(tweet.attachments.media_keys) ? tweet.attachments.media_keys : [];
      return keys.map((key) => media.get(String(key))).filter((m): m is Json => m !== undefined);
    },
  };
}

/** A flattened tweet carries its author, its referenced tweets and its media inline. */
function flatLookup(root: Json): Lookup {
  const users = new Map<string, Json>();
  const tweets = new Map<string, Json>();
  const visit = (tweet: Json): void => {
    if (isRecord(tweet.author) && typeof tweet.author.id === 'string') users.set(tweet.author.id, tweet.author);
    for (const ref of Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets.filter(isRecord) : []) {
      if (typeof ref.id === 'string' && typeof ref.text === 'string') {
        tweets.set(ref.id, ref);
        visit(ref);
      }
    }
  };
  visit(root);
  return {
    user: (id) => (id ? users.get(id) : undefined),
    tweet: (id) => (id ? tweets.get(id) : undefined),
    media: (tweet) =>
      isRecord(tweet.attachments) && Array.isArray(tweet.attachments.media) ? tweet.attachments.media.filter(isRecord) : [],
  };
}

const refKinds = [
  ['retweeted', 'repost'],
  ['quoted', 'quote'],
  ['replied_to', 'reply'],
] as const;

const mediaTypes: Record<string, string> = { photo: 'photo', video: 'video', animated_gif: 'gif' };

function convert(raw: unknown, lookup: Lookup, retrievedAt: string | undefined, ctx: ReaderContext, line: number): Row {
  const file = ctx.displayPath;
  if (!isRecord(raw)) return invalidRow(file, { line, column: 1 }, 'data', raw, 'a tweet object');
  const id = str(raw.id);
  if (!id || !/^\d+$/.test(id)) return invalidRow(file, { line, column: 1 }, 'id', raw.id, 'a tweet id of digits');
  const authorId = str(raw.author_id);
  if (!authorId) return invalidRow(file, { line, column: 1 }, `author_id of tweet ${id}`, raw.author_id, 'the author’s user id');
  if (typeof raw.created_at !== 'string' || !isInstant(raw.created_at)) {
    return invalidRow(file, { line, column: 1 }, `created_at of tweet ${id}`, raw.created_at, 'a UTC timestamp like 2024-05-16T09:30:12.000Z');
  }
  const changes: string[] = [];
  const refs = Array.isArray(raw.referenced_tweets) ? raw.referenced_tweets.filter(isRecord) : [];
  let kind: 'post' | 'repost' | 'quote' | 'reply' = 'post';
  let ref: { id: string; authorId?: string } | undefined;
  for (const [type, k] of refKinds) {
    const found = refs.find((r) => r.type === type && str(r.id));
    if (found) {
      kind = k;
      const refAuthor = str(lookup.tweet(str(found.id))?.author_id) ?? (k === 'reply' ? str(raw.in_reply_to_user_id) : undefined);
      ref = compact({ id: str(found.id)!, authorId: refAuthor });
      break;
    }
  }

  // A retweet's own text is cut to "RT @user: …"; the whole text is on the retweeted tweet.
  let source: Json = raw;
  if (kind === 'repost') {
    const original = lookup.tweet(ref?.id);
    if (original) source = original;
    else changes.push('retweet text truncated: original not in the export');
  }
  const note = isRecord(source.note_tweet) ? source.note_tweet : undefined;
  const text = typeof note?.text === 'string' ? note.text : source.text;
  if (typeof text !== 'string') return invalidRow(file, { line, column: 1 }, `text of tweet ${id}`, text, 'the tweet’s text');
  const entities = isRecord(note?.entities) ? note.entities : isRecord(source.entities) ? source.entities : {};
  const list = (key: string, field: string): unknown[] =>
    (Array.isArray(entities[key]) ? entities[key] : []).filter(isRecord).map((e) => e[field]);
  const urls = (Array.isArray(entities.urls) ? entities.urls : []).filter(isRecord).map((u) => u.expanded_url ?? u.url);

  const author = lookup.user(authorId);
  const handle = str(author?.username);
  const counts = isRecord(raw.public_metrics) ? raw.public_metrics : {};
  const metrics = metricsAt(
    { reposts: counts.retweet_count, quotes: counts.quote_count, replies: counts.reply_count, likes: counts.like_count, views: counts.impression_count },
    retrievedAt ?? ctx.observedAt,
    changes,
  );
  const post = compact({
    id,
    platform: 'x',
    url: handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`,
    author: compact({ id: authorId, handle: handle ?? null, name: str(author?.name) }),
    createdAt: raw.created_at,
    precision: 'second',
    text,
    lang: postLanguage(raw.lang),
    kind,
    ref,
    hashtags: list('hashtags', 'tag').filter((t): t is string => typeof t === 'string'),
    mentions: list('mentions', 'username').filter((m): m is string => typeof m === 'string'),
    urls: httpOnly(urls, changes),
    media: lookup.media(source).map((m) => compact({ type: mediaTypes[String(m.type)] ?? 'photo', url: mediaUrl(m, changes) })),
    metrics,
  });
  const accounts = [author, lookup.user(ref?.authorId)]
    .filter((u): u is Json => u !== undefined)
    .map((u) => observation(u, retrievedAt ?? ctx.observedAt));
  if (!author) accounts.push({ id: authorId });
  const row: RowPost = { type: 'post', file, line, post, accounts, changes };
  return row;
}

function mediaUrl(media: Json, changes: string[]): string | undefined {
  const candidate = media.url ?? media.preview_image_url;
  return candidate === undefined ? undefined : httpOnly([candidate], changes)[0];
}

function observation(user: Json, seenAt: string | undefined): AccountObservation {
  const metrics = isRecord(user.public_metrics) ? user.public_metrics : {};
  return compact({
    id: String(user.id),
    handle: str(user.username) ?? null,
    name: str(user.name),
    description: str(user.description),
    followers: count(metrics.followers_count) ?? undefined,
    following: count(metrics.following_count) ?? undefined,
    createdAt: typeof user.created_at === 'string' && isInstant(user.created_at) ? user.created_at : undefined,
    location: str(user.location),
    seenAt,
  });
}
