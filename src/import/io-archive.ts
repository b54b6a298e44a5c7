/**
 * X/Twitter information-operations archive CSV (the transparency releases): one tweet per record,
 * minute-precision UTC times, Python-repr lists, float counts, hashed ids for small accounts.
 */
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { cellPosition, readCsvRecords } from './csv-records.ts';
import { parsePythonList } from './python-list.ts';
import { count, httpOnly, invalidRow, metricsAt, postLanguage } from './row.ts';
import type { AccountObservation, ReaderContext, Row } from './types.ts';

const hashed = /^[0-9a-f]{64}$/i;
// Handles as X allows them: mentions are taken from the text, since `user_mentions` holds user ids.
const mentionPattern = /(?<![\w@])@(\w{1,15})\b/g;

const timePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?$/;
const countColumns = ['retweet_count', 'quote_count', 'reply_count', 'like_count', 'follower_count', 'following_count'] as const;

/**
 * Every row makes its post and account in the schema's field order with no undefined member, so the
 * canonical JSON is written without a copy (canonical.ts) and no object is built only to be filtered:
 * this loop runs once per row of archives of millions.
 */
export async function* readIoArchive(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  const observedAt = ctx.observedAt;
  let headerChecked = false;
  for await (const record of readCsvRecords(file, display, ctx.onBytes, ctx.delimiter)) {
    const { values: r, line } = record;
    const cell = (name: string) => cellPosition(file, record, name, ctx.delimiter);
    const column = (name: string): string => r[name] ?? '';
    // csv-parse gives every record the header's columns, so the first record tells for all.
    if (!headerChecked) {
      checkHeader(r, display);
      headerChecked = true;
    }
    const id = r['tweetid'] ?? '';
    if (!digits.test(id)) {
      yield invalidRow(display, await cell('tweetid'), 'tweetid', id, 'a tweet id of digits');
      continue;
    }
    const tweetTime = r['tweet_time'] ?? '';
    if (!timePattern.test(tweetTime)) {
      yield invalidRow(display, await cell('tweet_time'), 'tweet_time', tweetTime, 'a UTC time like 2019-03-12 14:05');
      continue;
    }
    const hashtags = parsePythonList(r['hashtags'] ?? '');
    const urlList = parsePythonList(r['urls'] ?? '');
    if (hashtags === null || urlList === null) {
      const badList = hashtags === null ? 'hashtags' : 'urls';
      yield invalidRow(display, await cell(badList), badList, column(badList), "a Python list like ['a', 'b'] or []");
      continue;
    }
    const reposts = count(r['retweet_count']);
    const quotes = count(r['quote_count']);
    const replies = count(r['reply_count']);
    const likes = count(r['like_count']);
    const followers = count(r['follower_count']);
    const following = count(r['following_count']);
    if (reposts === null || quotes === null || replies === null || likes === null || followers === null || following === null) {
      const badCount = countColumns.find((name) => count(r[name]) === null)!;
      yield invalidRow(display, await cell(badCount), badCount, column(badCount), 'a whole count such as 12 or 12.0, or nothing');
      continue;
    }
    const isRetweet = r['is_retweet'] ?? '';
    if (isRetweet !== 'True' && isRetweet !== 'False' && isRetweet !== '') {
      yield invalidRow(display, await cell('is_retweet'), 'is_retweet', isRetweet, '`True` or `False`');
      continue;
    }
    let kind: 'post' | 'repost' | 'quote' | 'reply' = 'post';
    let ref: { id: string; authorId?: string } | undefined;
    if (isRetweet === 'True') {
      const refId = r['retweet_tweetid'] ?? '';
      if (!refId) {
        yield invalidRow(display, await cell('retweet_tweetid'), 'retweet_tweetid', '', 'the retweeted tweet’s id when is_retweet is True');
        continue;
      }
      kind = 'repost';
      ref = refTo(refId, r['retweet_userid']);
    } else if (r['quoted_tweet_tweetid']) {
      kind = 'quote';
      ref = { id: r['quoted_tweet_tweetid'] };
    } else if (r['in_reply_to_tweetid']) {
      kind = 'reply';
      ref = refTo(r['in_reply_to_tweetid'], r['in_reply_to_userid']);
    }

    const userId = r['userid'] ?? '';
    const pseudonymous = hashed.test(userId);
    const screenName = r['user_screen_name'] ?? '';
    const handle = pseudonymous || !screenName || hashed.test(screenName) ? null : screenName;
    const displayName = r['user_display_name'];
    const name = displayName && !hashed.test(displayName) ? displayName : undefined;
    const text = r['tweet_text'] ?? '';
    const seconds = tweetTime.length > 16;
    const changes: string[] = seconds ? [] : ['time to the minute only (as the archive gives it)'];
    const creation = r['account_creation_date'] ?? '';

    const author: { id: string; handle: string | null; name?: string } = { id: userId, handle };
    if (name !== undefined) author.name = name;
    const post: Record<string, unknown> = { id, platform: 'x' };
    // A link to a hashed account's tweet would undo the archive's pseudonymisation.
    if (!pseudonymous) post.url = `https://x.com/${handle ?? 'i/web'}/status/${id}`;
    post.author = author;
    post.createdAt = `${tweetTime.slice(0, 10)}T${tweetTime.slice(11, 16)}${seconds ? tweetTime.slice(16) : ':00'}Z`;
    post.precision = seconds ? 'second' : 'minute';
    post.text = text;
    const lang = postLanguage(r['tweet_language']);
    if (lang !== undefined) post.lang = lang;
    post.kind = kind;
    if (ref) post.ref = ref;
    post.hashtags = hashtags;
    post.mentions = text.includes('@') ? mentionsIn(text) : [];
    post.urls = httpOnly(urlList, changes);
    post.media = [];
    const metrics = metricsAt({ reposts, quotes, replies, likes }, observedAt, changes);
    if (metrics) post.metrics = metrics;
    post.archives = [];

    const account: AccountObservation = { id: userId, handle };
    if (name !== undefined) account.name = name;
    if (r['user_profile_description']) account.description = r['user_profile_description'];
    if (followers !== undefined) account.followers = followers;
    if (following !== undefined) account.following = following;
    if (creation.length === 10 && datePattern.test(creation)) account.createdAt = `${creation}T00:00:00Z`;
    if (r['user_reported_location']) account.location = r['user_reported_location'];
    if (observedAt !== undefined) account.seenAt = observedAt;

    yield { type: 'post', file: display, line, changes, post, accounts: [account] };
  }
}

/** The handles mentioned in a text, each once, in order of first mention (no iterator, Set or spread: once per row). */
function mentionsIn(text: string): string[] {
  const found: string[] = [];
  mentionPattern.lastIndex = 0;
  for (let m = mentionPattern.exec(text); m !== null; m = mentionPattern.exec(text)) if (!found.includes(m[1]!)) found.push(m[1]!);
  return found;
}

const digits = /^\d+$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function refTo(id: string, authorId: string | undefined): { id: string; authorId?: string } {
  return authorId ? { id, authorId } : { id };
}

function checkHeader(r: Record<string, string>, display: string): void {
  const missing = ['tweetid', 'userid', 'tweet_time', 'tweet_text'].find((name) => !(name in r));
  if (!missing) return;
  const header = Object.keys(r).map((c) => `\`${c}\``).join(', ');
  throw new DiagnosticError([
    diagnostic({
      file: display,
      ruleId: 'import/csv-header',
      message: `Unexpected a header without \`${missing}\`, expected the columns of an information-operations archive (tweetid, userid, tweet_time, tweet_text…).`,
      actual: header,
      hint: `The header is: ${header}. If this is another kind of CSV, import it with a mapping (see “Importing a CSV” in docs/editing.md).`,
    }),
  ]);
}
