/**
 * X/Twitter information-operations archive CSV (the transparency releases): one tweet per record,
 * minute-precision UTC times, Python-repr lists, float counts, hashed ids for small accounts.
 */
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readCsvRecords } from './csv-records.ts';
import { parsePythonList } from './python-list.ts';
import { compact, count, httpOnly, invalidRow, metricsAt } from './row.ts';
import type { ReaderContext, Row } from './types.ts';

const hashed = /^[0-9a-f]{64}$/i;
// Handles as X allows them: mentions are taken from the text, since `user_mentions` holds user ids.
const mentionPattern = /(?<![\w@])@(\w{1,15})\b/g;

export async function* readIoArchive(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  for await (const { values: r, line } of readCsvRecords(file, display, ctx.onBytes, ctx.delimiter)) {
    const column = (name: string): string => r[name] ?? '';
    const missing = ['tweetid', 'userid', 'tweet_time', 'tweet_text'].find((name) => !(name in r));
    if (missing) {
      const header = Object.keys(r).map((c) => `\`${c}\``).join(', ');
      throw new DiagnosticError([
        diagnostic({
          file: display,
          ruleId: 'import/csv-header',
          message: `Unexpected a header without \`${missing}\`, expected the columns of an information-operations archive (tweetid, userid, tweet_time, tweet_text…)`,
          actual: header,
          hint: `The header is: ${header}. If this is another kind of CSV, import it with a mapping (see “Importing a CSV” in docs/editing.md).`,
        }),
      ]);
    }
    const id = column('tweetid');
    if (!/^\d+$/.test(id)) {
      yield invalidRow(display, line, 1, 'tweetid', id, 'a tweet id of digits');
      continue;
    }
    const time = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/.exec(column('tweet_time'));
    if (!time) {
      yield invalidRow(display, line, 1, 'tweet_time', column('tweet_time'), 'a UTC time like 2019-03-12 14:05');
      continue;
    }
    const changes: string[] = [];
    const lists: Record<string, string[]> = {};
    let badList: string | undefined;
    for (const name of ['hashtags', 'urls']) {
      const parsed = parsePythonList(column(name));
      if (parsed === null) badList ??= name;
      else lists[name] = parsed;
    }
    if (badList) {
      yield invalidRow(display, line, 1, badList, column(badList), "a Python list like ['a', 'b'] or []");
      continue;
    }
    const counts: Record<string, number | undefined> = {};
    let badCount: string | undefined;
    for (const name of ['retweet_count', 'quote_count', 'reply_count', 'like_count', 'follower_count', 'following_count']) {
      const n = count(column(name));
      if (n === null) badCount ??= name;
      else counts[name] = n;
    }
    if (badCount) {
      yield invalidRow(display, line, 1, badCount, column(badCount), 'a whole count such as 12 or 12.0, or nothing');
      continue;
    }
    const isRetweet = column('is_retweet');
    if (isRetweet !== 'True' && isRetweet !== 'False' && isRetweet !== '') {
      yield invalidRow(display, line, 1, 'is_retweet', isRetweet, '`True` or `False`');
      continue;
    }
    let kind: 'post' | 'repost' | 'quote' | 'reply' = 'post';
    let ref: { id: string; authorId?: string } | undefined;
    if (isRetweet === 'True') {
      if (!column('retweet_tweetid')) {
        yield invalidRow(display, line, 1, 'retweet_tweetid', '', 'the retweeted tweet’s id when is_retweet is True');
        continue;
      }
      kind = 'repost';
      ref = compact({ id: column('retweet_tweetid'), authorId: column('retweet_userid') || undefined });
    } else if (column('quoted_tweet_tweetid')) {
      kind = 'quote';
      ref = { id: column('quoted_tweet_tweetid') };
    } else if (column('in_reply_to_tweetid')) {
      kind = 'reply';
      ref = compact({ id: column('in_reply_to_tweetid'), authorId: column('in_reply_to_userid') || undefined });
    }

    const userId = column('userid');
    const pseudonymous = hashed.test(userId);
    const screenName = column('user_screen_name');
    const handle = pseudonymous || hashed.test(screenName) || !screenName ? null : screenName;
    const displayName = column('user_display_name');
    const name = displayName && !hashed.test(displayName) ? displayName : undefined;
    const text = column('tweet_text');
    if (time[3] === undefined) changes.push('time to the minute only (as the archive gives it)');
    const observedAt = ctx.observedAt;
    const created = /^\d{4}-\d{2}-\d{2}$/.test(column('account_creation_date')) ? `${column('account_creation_date')}T00:00:00Z` : undefined;

    yield {
      type: 'post',
      file: display,
      line,
      changes,
      post: compact({
        id,
        platform: 'x',
        // A link to a hashed account's tweet would undo the archive's pseudonymisation.
        url: pseudonymous ? undefined : `https://x.com/${handle ?? 'i/web'}/status/${id}`,
        author: compact({ id: userId, handle, name }),
        createdAt: `${time[1]}T${time[2]}${time[3] ?? ':00'}Z`,
        precision: time[3] === undefined ? 'minute' : 'second',
        text,
        lang: column('tweet_language') || undefined,
        kind,
        ref,
        hashtags: lists.hashtags,
        mentions: [...new Set([...text.matchAll(mentionPattern)].map((m) => m[1]!))],
        urls: httpOnly(lists.urls ?? [], changes),
        metrics: metricsAt(
          { reposts: counts.retweet_count, quotes: counts.quote_count, replies: counts.reply_count, likes: counts.like_count },
          observedAt,
          changes,
        ),
      }),
      accounts: [
        compact({
          id: userId,
          handle,
          name,
          description: column('user_profile_description') || undefined,
          followers: counts.follower_count,
          following: counts.following_count,
          createdAt: created,
          location: column('user_reported_location') || undefined,
          seenAt: observedAt,
        }),
      ],
    };
  }
}
