/**
 * Any CSV of posts, read through a mapping file that names its columns:
 * `{"platform": "x", "columns": {"id": "Tweet Id", "authorId": "User Id", "time": "Date", "text": "Text"}}`.
 */
import { z } from 'zod';
import { PlatformSchema, TimeZoneSchema } from '../schema/common.ts';
import { PostKindSchema, PrecisionSchema } from '../schema/post.ts';
import { readCsvRecords } from './csv-records.ts';
import { compact, httpOnly, invalidRow } from './row.ts';
import { fromUnixMillis, fromUnixSeconds, fromWallTime, isInstant, toIso } from './time.ts';
import type { ReaderContext, Row } from './types.ts';

const column = z.string().min(1);

export const CsvMappingSchema = z
  .object({
    platform: PlatformSchema.default('other'),
    /** Read from the header when not given. */
    delimiter: z.string().length(1).optional(),
    columns: z
      .object({
        id: column,
        authorId: column,
        handle: column.optional(),
        name: column.optional(),
        time: column,
        text: column,
        kind: column.optional(),
        refId: column.optional(),
        refAuthorId: column.optional(),
        url: column.optional(),
        lang: column.optional(),
        hashtags: column.optional(),
      })
      .strict(),
    /** Splits the hashtags column; `#` prefixes are removed. */
    hashtagSeparator: z.string().min(1).default(' '),
    /** Values of the kind column mapped to canonical kinds, e.g. `{"RT": "repost"}`; canonical names always work. */
    kinds: z.record(PostKindSchema).default({}),
    timeFormat: z.enum(['iso', 'unix-seconds', 'unix-ms']).default('iso'),
    /** Zone of times written without an offset; without it such a time fails the import. */
    timeZone: TimeZoneSchema.optional(),
    precision: PrecisionSchema.default('second'),
  })
  .strict();
export type CsvMapping = z.output<typeof CsvMappingSchema>;

export async function* readCsv(file: string, ctx: ReaderContext): AsyncGenerator<Row> {
  const display = ctx.displayPath;
  const mapping = ctx.mapping;
  if (!mapping) throw new Error('the csv reader needs a mapping');
  const names = mapping.columns;
  for await (const { values, line } of readCsvRecords(file, display, ctx.onBytes, ctx.delimiter)) {
    const missing = Object.values(names).find((name) => name !== undefined && !(name in values));
    if (missing) {
      yield invalidRow(display, 1, 1, 'header', missing, `a column \`${missing}\` as the mapping names it`);
      return;
    }
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
        hashtags: get('hashtags')
          .split(mapping.hashtagSeparator)
          .map((tag) => tag.trim().replace(/^#/, ''))
          .filter((tag) => tag !== ''),
      }),
      accounts: [compact({ id: get('authorId'), handle: names.handle ? handle || null : undefined, name: get('name') || undefined })],
    };
  }
}

function parseTime(text: string, mapping: CsvMapping): string | { expected: string; hint?: string } {
  const value = text.trim();
  if (mapping.timeFormat === 'unix-seconds') return fromUnixSeconds(value) ?? { expected: 'Unix seconds' };
  if (mapping.timeFormat === 'unix-ms') return fromUnixMillis(value) ?? { expected: 'Unix milliseconds' };
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
