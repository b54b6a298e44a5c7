/**
 * Any CSV of posts, read through a mapping file that names its columns (JSON, `//` comments allowed):
 * `{"platform": "x", "columns": {"id": "Tweet Id", "authorId": "User Id", "time": "Date", "text": "Text"}}`.
 * The keys and what each means are listed once, in csv-schema.ts; the mapping's errors, `--init-mapping`
 * and the guide all quote them.
 */
import { PostKindSchema } from '../schema/post.ts';
import { cellPosition, readCsvRecords } from './csv-records.ts';
import { compact, httpOnly, invalidRow, postLanguage } from './row.ts';
import type { CsvMapping } from './csv-schema.ts';
import { fromUnixMillis, fromUnixSeconds, fromWallTime, isInstant, toIso } from './time.ts';
import type { ReaderContext, Row } from './types.ts';

// Hashtags and mentions as the platforms link them: letters, digits and underscores after # or @.
const hashtagPattern = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const mentionPattern = /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9_]{1,30})\b/gu;

/** Hashtags and mentions taken from a post's text, each once, in order. */
export function tagsInText(text: string): { hashtags: string[]; mentions: string[] } {
  return {
    hashtags: [...new Set([...text.matchAll(hashtagPattern)].map((m) => m[1]!))],
    mentions: [...new Set([...text.matchAll(mentionPattern)].map((m) => m[1]!))],
  };
}

export async function* readCsv(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  const mapping = ctx.mapping;
  if (!mapping) throw new Error('the csv reader needs a mapping');
  const names = mapping.columns;
  for await (const record of readCsvRecords(file, display, ctx.onBytes, ctx.delimiter)) {
    const { values, line } = record;
    const get = (key: keyof CsvMapping['columns']): string => {
      const name = names[key];
      return name === undefined ? '' : (values[name] ?? '');
    };
    const time = parseTime(get('time'), mapping);
    if (typeof time !== 'string') {
      yield invalidRow(display, await cellPosition(file, record, names.time, ctx.delimiter), names.time, get('time'), time.expected, time.hint);
      continue;
    }
    const rawKind = get('kind');
    const kind = rawKind === '' ? 'post' : (mapping.kinds[rawKind] ?? PostKindSchema.safeParse(rawKind).data);
    if (!kind) {
      yield invalidRow(
        display,
        await cellPosition(file, record, names.kind, ctx.delimiter),
        names.kind ?? 'kind',
        rawKind,
        'post, repost, quote or reply (or a value listed in the mapping’s `kinds`)',
        kindsHint(rawKind, mapping.kinds),
      );
      continue;
    }
    const refId = get('refId');
    let found: ReturnType<typeof tagsInText> | undefined;
    const fromText = () => (found ??= tagsInText(get('text')));
    const list = (cell: string, prefix: string): string[] =>
      cell
        .split(mapping.hashtagSeparator)
        .map((item) => item.trim().replace(prefix, ''))
        .filter((item) => item !== '');
    const changes: string[] = [];
    const handle = get('handle').replace(/^@/, '');
    yield {
      type: 'post',
      file: display,
      line,
      changes,
      post: compact({
        id: get('id'),
        platform: mapping.platform,
        url: httpOnly([get('url')], changes)[0],
        author: compact({ id: get('authorId'), handle: names.handle ? handle || null : undefined, name: get('name') || undefined }),
        createdAt: time,
        precision: mapping.precision,
        text: get('text'),
        lang: postLanguage(get('lang')),
        kind,
        ref: kind === 'post' || refId === '' ? undefined : compact({ id: refId, authorId: get('refAuthorId') || undefined }),
        hashtags: names.hashtags ? list(get('hashtags'), '#') : fromText().hashtags,
        mentions: names.mentions ? list(get('mentions'), '@') : fromText().mentions,
      }),
      accounts: [compact({ id: get('authorId'), handle: names.handle ? handle || null : undefined, name: get('name') || undefined })],
    };
  }
}

/** Words exports use for each kind, to guess what a value the mapping does not list stands for. */
const kindWords: [RegExp, string][] = [
  [/quot/i, 'quote'],
  [/repl|comment|answer/i, 'reply'],
  [/re-?tweet|repost|share|forward|boost|^rt$/i, 'repost'],
];

/**
 * The mapping's `kinds` with the unknown value added as the kind its name suggests (a post when nothing
 * does), written as the line to put in the mapping.
 */
function kindsHint(value: string, kinds: Record<string, string>): string {
  const guess = kindWords.find(([pattern]) => pattern.test(value))?.[1] ?? 'post';
  const entries = Object.entries({ ...kinds, [value]: guess }).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `Say in the mapping which kind \`${value}\` stands for: "kinds": { ${entries.join(', ')} }. Or fix the row, or pass --skip-invalid to leave it out and report it.`;
}

function parseTime(text: string, mapping: CsvMapping): string | { expected: string; hint?: string } {
  const value = text.trim();
  if (mapping.timeFormat === 'unix-seconds') return fromUnixSeconds(value) ?? { expected: 'Unix seconds' };
  if (mapping.timeFormat === 'unix-ms') return fromUnixMillis(value) ?? { expected: 'Unix milliseconds' };
  if (mapping.pattern) {
    const wall = mapping.pattern.read(value);
    const iso = wall && fromWallTime(wall, mapping.timeZone!)?.iso;
    return iso ?? { expected: `a time written as \`${mapping.timeFormat}\``, hint: 'Check the mapping’s `timeFormat` against this cell.' };
  }
  const iso = value.replace(' ', 'T');
  if (isInstant(iso)) return toIso(Date.parse(iso));
  if (!mapping.timeZone) {
    return {
      expected: 'a time with a UTC offset, like 2024-05-16T09:30:00+11:00',
      hint: 'The time has no offset: add the zone it was written in to the mapping, e.g. "timeZone": "Pacific/Noumea".',
    };
  }
  return fromWallTime(value, mapping.timeZone)?.iso ?? { expected: 'a time like 2024-05-16 09:30:00' };
}
