/**
 * A dossier on one platform account: `content/accounts/<platform>/<handle>.md`.
 * Its id is `<platform>/<file name>`; the dossier matches dataset posts by
 * `platformId` when known, otherwise by handle (case-insensitive).
 */
import { z } from 'zod';
import { DateSchema, PlatformSchema, SlugSchema } from './common.ts';

export const AccountStatusSchema = z.enum(['active', 'suspended', 'deleted', 'protected']);
export type AccountStatus = z.output<typeof AccountStatusSchema>;

export const ConfidenceSchema = z.enum(['confirmed', 'likely', 'possible']);

export const AffiliationSchema = z
  .object({
    /** The entity the account holder is tied to. */
    entity: SlugSchema,
    /** The role, in the words of the evidence ("regional deputy chair"). */
    role: z.string().min(1),
    /** Sources that establish the tie. At least one: an unsourced tie is not published. */
    sources: z.array(SlugSchema).min(1),
    confidence: ConfidenceSchema,
    from: DateSchema.optional(),
    to: DateSchema.optional(),
  })
  .strict();
export type Affiliation = z.output<typeof AffiliationSchema>;

export const StatusEventSchema = z
  .object({
    status: AccountStatusSchema,
    /** When the status was observed or reported. */
    date: DateSchema,
    source: SlugSchema,
  })
  .strict();
export type StatusEvent = z.output<typeof StatusEventSchema>;

export const SubjectClassSchema = z.enum(['public-figure', 'official', 'private']);
export type SubjectClass = z.output<typeof SubjectClassSchema>;

export const AccountSchema = z
  .object({
    platform: PlatformSchema,
    /** Handle without `@`; null when the handle is unknown (the account was deleted before capture). */
    handle: z
      .string()
      .regex(/^[A-Za-z0-9_.]{1,64}$/, 'a handle of letters, digits, `_` or `.`, without `@`')
      .nullable(),
    /** The platform's own numeric or opaque user id, when known. */
    platformId: z.string().min(1).optional(),
    displayName: z.string().min(1),
    /** The person or organisation behind the account (an entity id). */
    entity: SlugSchema.optional(),
    /** Private individuals are pseudonymised in every output. */
    subject: SubjectClassSchema,
    /** Name shown for a private individual instead of their handle and display name. */
    pseudonym: z.string().min(1).optional(),
    affiliations: z.array(AffiliationSchema).default([]),
    /** Oldest first. */
    status: z.array(StatusEventSchema).default([]),
  })
  .strict()
  .refine((a) => a.subject !== 'private' || a.pseudonym !== undefined, {
    message: 'a `pseudonym` for a private individual, who is never named in the report',
    path: ['pseudonym'],
  });

export type Account = z.output<typeof AccountSchema>;
