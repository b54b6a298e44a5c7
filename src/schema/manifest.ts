/** A dataset's manifest: `data/<case>/<dataset>/manifest.json`. Describes provenance and pins every file by hash. */
import { z } from 'zod';
import { HttpUrlSchema, InstantSchema, PlatformSchema, Sha256Schema } from './common.ts';
import { DataFilePathSchema } from './site-path.ts';

export const DataFileSchema = z
  .object({
    /** Path relative to the manifest's folder. */
    path: DataFilePathSchema,
    format: z.enum(['ndjson', 'json', 'csv', 'parquet']),
    /**
     * `posts` hold canonical posts; `accounts` hold account records found in the export; `columnar` is a
     * Parquet copy of a posts file (`npm run data -- parquet`), which the DuckDB engine reads in its place.
     */
    role: z.enum(['posts', 'accounts', 'columnar']).default('posts'),
    sha256: Sha256Schema,
    bytes: z.number().int().nonnegative().optional(),
    /** Of a `columnar` file: the posts file it was made from, and that file's SHA-256 when it was made. */
    source: z.object({ path: DataFilePathSchema, sha256: Sha256Schema }).strict().optional(),
  })
  .strict()
  .refine((f) => (f.role === 'columnar') === (f.format === 'parquet' && f.source !== undefined), {
    message: 'a `columnar` file in `parquet` format with its `source`, and no other file of either',
    path: ['role'],
  });
export type DataFile = z.output<typeof DataFileSchema>;

export const ManifestSchema = z
  .object({
    title: z.string().min(1),
    platform: PlatformSchema,
    collection: z
      .object({
        /** The tool that collected the data (TweetBinder, twarc2, Telegram Desktop…). */
        tool: z.string().min(1),
        query: z.string().min(1),
        from: InstantSchema,
        to: InstantSchema,
        collectedAt: InstantSchema,
        /** Finest time precision the source gives. */
        precision: z.enum(['second', 'minute', 'hour', 'day']).default('second'),
        inputs: z
          .array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha256Schema }).strict())
          .default([]),
      })
      .strict(),
    /** SPDX id or a short phrase, as the data's terms allow it to be shared. */
    licence: z.string().min(1),
    /** True when the posts are invented; the report shows a banner. */
    synthetic: z.boolean(),
    /** Why and how the data was made up; required when synthetic. */
    syntheticExplanation: z.string().min(1).optional(),
    /** What the dataset cannot show; listed on the methodology page. */
    limitations: z.array(z.string().min(1)).default([]),
    url: HttpUrlSchema.optional(),
    files: z.array(DataFileSchema).min(1),
  })
  .strict()
  .refine((m) => !m.synthetic || m.syntheticExplanation !== undefined, {
    message: 'a `syntheticExplanation` saying how the synthetic data was made',
    path: ['syntheticExplanation'],
  });

export type Manifest = z.output<typeof ManifestSchema>;
