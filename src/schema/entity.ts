/** A party, agency, medium, NGO or person: `content/entities/<id>.md`. */
import { z } from 'zod';
import { SlugSchema, HttpUrlSchema } from './common.ts';

export const EntityKindSchema = z.enum(['party', 'agency', 'media', 'ngo', 'company', 'person', 'group', 'other']);

export const EntitySchema = z
  .object({
    kind: EntityKindSchema,
    name: z.string().min(1),
    /** Other spellings and transliterations (Xalil / Khalil), used to find mentions. */
    variants: z.array(z.string().min(1)).default([]),
    /** ISO 3166-1 alpha-2 country code. */
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as AZ or FR').optional(),
    url: HttpUrlSchema.optional(),
    /** Sources that establish what is said about the entity. */
    sources: z.array(SlugSchema).default([]),
  })
  .strict();

export type Entity = z.output<typeof EntitySchema>;
export type EntityKind = z.output<typeof EntityKindSchema>;
