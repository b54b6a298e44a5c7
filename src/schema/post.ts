/**
 * The canonical post: one line of a dataset's NDJSON (or one element of a JSON array).
 * Every importer writes this shape; the reader validates it and the aggregation reads it.
 */
import { z } from 'zod';
import { CountSchema, HttpUrlSchema, InstantSchema, LanguageSchema, PlatformSchema, Sha256Schema } from './common.ts';

export const PostKindSchema = z.enum(['post', 'repost', 'quote', 'reply']);
export type PostKind = z.output<typeof PostKindSchema>;

export const PrecisionSchema = z.enum(['second', 'minute', 'hour', 'day']);
export type Precision = z.output<typeof PrecisionSchema>;

export const PostAuthorSchema = z
  .object({
    /** Stable platform id, or a pseudonymous hash in information-operations archives. */
    id: z.string().min(1),
    handle: z.string().min(1).nullable().optional(),
    name: z.string().optional(),
  })
  .strict();

export const PostSchema = z
  .object({
    id: z.string().min(1),
    platform: PlatformSchema,
    url: HttpUrlSchema.optional(),
    author: PostAuthorSchema,
    /** ISO 8601 with an offset; read with `precision` (minute-precision sources end in `:00`). */
    createdAt: InstantSchema,
    precision: PrecisionSchema.default('second'),
    text: z.string(),
    /** The language of `text` as a BCP 47 tag (`fr`, `en-GB`); absent when the export does not know it. */
    lang: LanguageSchema.optional(),
    kind: PostKindSchema,
    /** The post this one reposts, quotes or replies to. */
    ref: z.object({ id: z.string().min(1), authorId: z.string().min(1).optional() }).strict().optional(),
    /** As written, without `#`; normalised by the reader. */
    hashtags: z.array(z.string()).default([]),
    mentions: z.array(z.string()).default([]),
    urls: z.array(z.string()).default([]),
    media: z
      .array(
        z
          .object({
            type: z.enum(['photo', 'video', 'gif', 'audio', 'document']),
            sha256: Sha256Schema.optional(),
            url: HttpUrlSchema.optional(),
          })
          .strict(),
      )
      .default([]),
    metrics: z
      .object({
        reposts: CountSchema.optional(),
        quotes: CountSchema.optional(),
        replies: CountSchema.optional(),
        likes: CountSchema.optional(),
        views: CountSchema.optional(),
        observedAt: InstantSchema,
      })
      .strict()
      .optional(),
    /** Whether the post could still be seen when last checked. */
    availability: z
      .object({ status: z.enum(['available', 'deleted', 'suspended', 'withheld', 'unknown']), observedAt: InstantSchema })
      .strict()
      .optional(),
    /** Archived copies; evidence cards link these, never the live platform. */
    archives: z
      .array(z.object({ url: HttpUrlSchema, archivedAt: InstantSchema.optional(), sha256: Sha256Schema.optional() }).strict())
      .default([]),
  })
  .strict()
  .refine((p) => (p.kind === 'post') === (p.ref === undefined), {
    message: 'a `ref` on every repost, quote and reply, and none on an original post',
    path: ['ref'],
  });

export type Post = z.output<typeof PostSchema>;

/** An account record found in an export (handle history, followers), in a dataset's accounts file. */
export const AccountRecordSchema = z
  .object({
    id: z.string().min(1),
    platform: PlatformSchema,
    handle: z.string().nullable().optional(),
    name: z.string().optional(),
    handles: z.array(z.object({ handle: z.string(), seenAt: InstantSchema }).strict()).default([]),
    description: z.string().optional(),
    followers: CountSchema.optional(),
    following: CountSchema.optional(),
    createdAt: InstantSchema.optional(),
    location: z.string().optional(),
  })
  .strict();
export type AccountRecord = z.output<typeof AccountRecordSchema>;
