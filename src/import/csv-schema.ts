/**
 * What a CSV mapping file may say: its keys, the columns it can name and its schema, listed once here;
 * the mapping's errors, `--init-mapping` and the guide all quote them. Apart from the
 * reader (csv.ts), so the import stage's shared types can name a mapping without importing the reader.
 */
import { z } from 'zod';
import { PlatformSchema, TimeZoneSchema } from '../schema/common.ts';
import { PostKindSchema, PrecisionSchema } from '../schema/post.ts';
import { compilePattern, type TimePattern } from './time-pattern.ts';

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
