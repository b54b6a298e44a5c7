/**
 * snscrape JSONL (twitter-search, twitter-user): one tweet per line, with the retweeted and quoted
 * tweets nested whole. Ids are written as JSON numbers beyond 2^53, so they are quoted before parsing.
 */
import { parseJson, quoteBigIntegers } from './json.ts';
import { compact, count, httpOnly, invalidRow, isRecord, metricsAt, postLanguage, str } from './row.ts';
import { readLines } from './text.ts';
import { isInstant, toIso } from './time.ts';
import type { AccountObservation, ReaderContext, Row } from './types.ts';

type Json = Record<string, unknown>;

const mediaTypes: Record<string, 'photo' | 'video' | 'gif'> = {
  'snscrape.modules.twitter.Photo': 'photo',
  'snscrape.modules.twitter.Video': 'video',
  'snscrape.modules.twitter.Gif': 'gif',
};

export async function* readSnscrape(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  for await (const { text, line } of readLines(file, display, ctx.onBytes)) {
    if (text.trim() === '') continue;
    const parsed = parseJson(quoteBigIntegers(text), display, line);
    if (!parsed.ok) {
      yield { type: 'invalid', diagnostic: parsed.diagnostic };
      continue;
    }
    const tweet = parsed.value;
    if (!isRecord(tweet)) {
      yield invalidRow(display, { line, column: 1 }, 'line', tweet, 'a tweet object');
      continue;
    }
    const id = str(tweet.id);
    if (!id || !/^\d+$/.test(id)) {
      yield invalidRow(display, { line, column: 1 }, 'id', tweet.id, 'a tweet id of digits');
      continue;
    }
    const user = isRecord(tweet.user) ? tweet.user : undefined;
    const authorId = str(user?.id);
    if (!user || !authorId) {
      yield invalidRow(display, { line, column: 1 }, 'user.id', user?.id, 'the author’s user id');
      continue;
    }
    const createdAt = instant(tweet.date);
    if (!createdAt) {
      yield invalidRow(display, { line, column: 1 }, 'date', tweet.date, 'a timestamp with offset like 2024-05-16T09:30:12+00:00');
      continue;
    }
    const changes: string[] = [];
    const retweeted = isRecord(tweet.retweetedTweet) ? tweet.retweetedTweet : undefined;
    const quoted = isRecord(tweet.quotedTweet) ? tweet.quotedTweet : undefined;
    const replyTo = str(tweet.inReplyToTweetId);
    let kind: 'post' | 'repost' | 'quote' | 'reply' = 'post';
    let ref: { id: string; authorId?: string } | undefined;
    if (retweeted && str(retweeted.id)) {
      kind = 'repost';
      ref = compact({ id: str(retweeted.id)!, authorId: str(isRecord(retweeted.user) ? retweeted.user.id : undefined) });
    } else if (quoted && str(quoted.id)) {
      kind = 'quote';
      ref = compact({ id: str(quoted.id)!, authorId: str(isRecord(quoted.user) ? quoted.user.id : undefined) });
    } else if (replyTo) {
      kind = 'reply';
      ref = compact({ id: replyTo, authorId: str(isRecord(tweet.inReplyToUser) ? tweet.inReplyToUser.id : undefined) });
    }
    // A retweet's own content is cut; the nested tweet holds it whole. Older snscrape names it `content`.
    const source = retweeted ?? tweet;
    const content = source.rawContent ?? source.content;
    if (typeof content !== 'string') {
      yield invalidRow(display, { line, column: 1 }, 'rawContent', content, 'the tweet’s text (`rawContent`, or `content` in older versions)');
      continue;
    }
    const links = Array.isArray(source.links)
      ? source.links.filter(isRecord).map((l) => l.url)
      : Array.isArray(source.outlinks)
        ? source.outlinks
        : [];
    const mentioned = Array.isArray(source.mentionedUsers) ? source.mentionedUsers.filter(isRecord) : [];
    const handle = str(user.username);
    const url = typeof tweet.url === 'string' ? httpOnly([tweet.url], changes)[0] : undefined;
    yield {
      type: 'post',
      file: display,
      line,
      changes,
      post: compact({
        id,
        platform: 'x',
        url,
        author: compact({ id: authorId, handle: handle ?? null, name: str(user.displayname) }),
        createdAt,
        precision: 'second',
        text: content,
        lang: postLanguage(tweet.lang),
        kind,
        ref,
        hashtags: Array.isArray(source.hashtags) ? source.hashtags.filter((h): h is string => typeof h === 'string') : [],
        mentions: mentioned.map((u) => str(u.username)).filter((u): u is string => u !== undefined),
        urls: httpOnly(links, changes),
        media: (Array.isArray(source.media) ? source.media.filter(isRecord) : []).map((m) =>
          compact({
            type: mediaTypes[String(m._type)] ?? 'photo',
            url: httpOnly([m.fullUrl ?? m.thumbnailUrl ?? m.previewUrl], changes)[0],
          }),
        ),
        metrics: metricsAt(
          { reposts: tweet.retweetCount, quotes: tweet.quoteCount, replies: tweet.replyCount, likes: tweet.likeCount, views: tweet.viewCount },
          ctx.observedAt,
          changes,
        ),
      }),
      accounts: [user, isRecord(retweeted?.user) ? retweeted.user : undefined, isRecord(quoted?.user) ? quoted.user : undefined]
        .filter((u): u is Json => u !== undefined)
        .map((u) => observation(u, ctx.observedAt)),
    };
  }
}

/** snscrape writes `2024-05-16T09:30:12+00:00`; normalised to `Z` like the other formats. */
function instant(value: unknown): string | undefined {
  return typeof value === 'string' && isInstant(value) ? toIso(Date.parse(value)) : undefined;
}

function observation(user: Json, seenAt: string | undefined): AccountObservation {
  return compact({
    id: String(user.id),
    handle: str(user.username) ?? null,
    name: str(user.displayname),
    description: str(user.rawDescription) ?? str(user.description) ?? str(user.renderedDescription),
    followers: count(user.followersCount) ?? undefined,
    following: count(user.friendsCount) ?? undefined,
    createdAt: instant(user.created),
    location: str(user.location),
    seenAt,
  });
}
