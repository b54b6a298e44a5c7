/** A bibliography entry: `content/sources/<id>.md`. Cited in Markdown as `[@id]`. */
import { z } from 'zod';
import { DateSchema, HttpUrlSchema, LanguageSchema, PartialDateSchema, Sha256Schema } from './common.ts';

export const SourceSchema = z
  .object({
    /** What kind of document it is; decides how citations are formatted. */
    type: z.enum(['article', 'report', 'post', 'dataset', 'webpage', 'document', 'book', 'video']),
    title: z.string().min(1),
    /** Organisation that published it (newsroom, agency, platform). */
    publisher: z.string().min(1).optional(),
    /** Personal or corporate authors, as written in the source. */
    authors: z.array(z.string().min(1)).default([]),
    /** Publication date of the source: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is known. */
    date: PartialDateSchema.optional(),
    url: HttpUrlSchema,
    /** A copy that cannot change under us (Wayback Machine, archive.today, Perma.cc). */
    archiveUrl: HttpUrlSchema.optional(),
    /** When the editors last read the live page. */
    accessed: DateSchema,
    language: LanguageSchema.optional(),
    /** Digest of the archived copy, to prove which version was read. */
    sha256: Sha256Schema.optional(),
  })
  .strict();

export type Source = z.output<typeof SourceSchema>;
