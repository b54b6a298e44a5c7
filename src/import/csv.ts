/**
 * Any CSV of posts, read through a mapping file that names its columns (JSON, `//` comments allowed):
 * `{"platform": "x", "columns": {"id": "Tweet Id", "authorId": "User Id", "time": "Date", "text": "Text"}}`.
 * The keys and what each means are listed once here; the mapping's errors, `--init-mapping` and the
 * guide all quote them.
 */
import { z } from 'zod';
import { PlatformSchema, TimeZoneSchema } from '../schema/common.ts';
import { PostKindSchema, PrecisionSchema } from '../schema/post.ts';
import { readCsvRecords } from './csv-records.ts';
import { compact, httpOnly, invalidRow } from './row.ts';
import { compilePattern, type TimePattern } from './time-pattern.ts';
import { fromUnixMillis, fromUnixSeconds, fromWallTime, isInstant, toIso } from './time.ts';
import type { ReaderContext, Row } from './types.ts';

/** The columns a mapping can name, with what each holds; the first four are required. */
export const columnKeys = {
  id: 'the post’s id, unique in the platform',
  authorId: 'the author’s account id (a handle will do when the export has no ids)',
  time: 'when the post was published',
  text: 'the post’s text',
  handle: 'the author’s handle, with or without @',
  name: 'the author’s display name',
  kind: 'post, repost, quote or reply (other values translated by `kinds`)',
  refId: 'the id of the post reposted, quoted or replied to',
  refAuthorId: 'the account id of that post’s author',
  url: 'a link to the post',
  lang: 'the post’s language code',
  hashtags: 'the post’s hashtags (without this column they are taken from the text)',
  mentions: 'the handles the post mentions (without this column they are taken from the text)',
} as const;
export type ColumnKey = keyof typeof columnKeys;
export const requiredColumns: readonly ColumnKey[] = ['id', 'authorId', 'time', 'text'];

/** The mapping's own keys, with what each says. */
export const mappingKeys = {
  platform: `where the posts were published: ${PlatformSchema.options.map((p) => `\`${p}\``).join(', ')}`,
  columns: 'which CSV column holds each field (the header’s names, exactly)',
  timeFormat: 'how times are written: `iso` (the default), `unix-seconds`, `unix-ms`, or a pattern like `dd.MM.yyyy HH:mm`',
  timeZone: 'the zone of times written without an offset, like `Europe/Warsaw`; needed with a pattern',
  precision: 'how precise the times are: `second`, `minute`, `hour` or `day` (a pattern without seconds means `minute`)',
  delimiter: 'the field delimiter; read from the header when not given',
  hashtagSeparator: 'what separates the items of the hashtags and mentions columns (a space by default)',
  kinds: 'values of the kind column mapped to post, repost, quote or reply, like `{"RT": "repost"}`',
} as const;

const column = z.string().min(1, 'the name of a column in the CSV’s header');
const namedTimeFormats = ['iso', 'unix-seconds', 'unix-ms'] as const;

export const CsvMappingSchema = z
  .object({
    platform: PlatformSchema,
    delimiter: z.string().length(1).optional(),
    columns: z
      .object({
        id: column,
        authorId: column,
        time: column,
        text: column,
        handle: column.optional(),
        name: column.optional(),
        kind: column.optional(),
        refId: column.optional(),
        refAuthorId: column.optional(),
        url: column.optional(),
        lang: column.optional(),
        hashtags: column.optional(),
        mentions: column.optional(),
      })
      .strict(),
    hashtagSeparator: z.string().min(1).default(' '),
    kinds: z.record(PostKindSchema).default({}),
    timeFormat: z.string().min(1).default('iso'),
    timeZone: TimeZoneSchema.optional(),
    precision: PrecisionSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ((namedTimeFormats as readonly string[]).includes(m.timeFormat)) return;
    const compiled = compilePattern(m.timeFormat);
    if (typeof compiled === 'string') {
      ctx.addIssue({ code: 'custom', path: ['timeFormat'], message: `\`iso\`, \`unix-seconds\`, \`unix-ms\` or a date pattern (${compiled})` });
    } else if (!m.timeZone) {
      ctx.addIssue({ code: 'custom', path: ['timeFormat'], message: 'a `timeZone` beside a pattern, since the times it reads have no offset' });
    }
  })
  .transform((m) => {
    const pattern = (namedTimeFormats as readonly string[]).includes(m.timeFormat) ? undefined : (compilePattern(m.timeFormat) as TimePattern);
    return { ...m, pattern, precision: m.precision ?? (pattern && !pattern.seconds ? ('minute' as const) : ('second' as const)) };
  });
export type CsvMapping = z.output<typeof CsvMappingSchema>;

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
  for await (const { values, line } of readCsvRecords(file, display, ctx.onBytes, ctx.delimiter)) {
    const get = (key: keyof CsvMapping['columns']): string => {
      const name = names[key];
      return name === undefined ? '' : (values[name] ?? '');
    };
    const time = parseTime(get('time'), mapping);
    if (typeof time !== 'string') {
      yield invalidRow(display, line, 1, names.time, get('time'), time.expected, time.hint);
      continue;
    }
    const rawKind = get('kind');
    const kind = rawKind === '' ? 'post' : (mapping.kinds[rawKind] ?? PostKindSchema.safeParse(rawKind).data);
    if (!kind) {
      yield invalidRow(display, line, 1, names.kind ?? 'kind', rawKind, 'post, repost, quote or reply (or a value listed in the mapping’s `kinds`)');
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
        lang: get('lang') || undefined,
        kind,
        ref: kind === 'post' || refId === '' ? undefined : compact({ id: refId, authorId: get('refAuthorId') || undefined }),
        hashtags: names.hashtags ? list(get('hashtags'), '#') : fromText().hashtags,
        mentions: names.mentions ? list(get('mentions'), '@') : fromText().mentions,
      }),
      accounts: [compact({ id: get('authorId'), handle: names.handle ? handle || null : undefined, name: get('name') || undefined })],
    };
  }
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
