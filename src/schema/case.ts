/** The report of one investigation: `content/cases/<case>/index.md`. */
import { z } from 'zod';
import {
  DateSchema,
  HttpUrlSchema,
  LanguageSchema,
  PeriodSchema,
  SlugSchema,
  TimeZoneSchema,
} from './common.ts';

/** A hashtag as it is tracked: without `#`; variants and misspellings fold into it. */
export const TagSchema = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]+$/u, 'a hashtag of letters, digits or `_` (the `#` is optional)')
  .transform((s) => s.replace(/^#/, ''));

export const TrackedHashtagSchema = z
  .object({
    tag: TagSchema,
    /** Misspellings and variants counted as this tag (e.g. RecognizeNewCalendonia). */
    aliases: z.array(TagSchema).default([]),
    /** One sentence shown on the hashtag's page. */
    description: z.string().optional(),
  })
  .strict();
export type TrackedHashtag = z.output<typeof TrackedHashtagSchema>;

export const PersonSchema = z
  .object({
    name: z.string().min(1),
    url: HttpUrlSchema.optional(),
    orcid: z.string().optional(),
    /** A desk or newsroom rather than a person: cited as one name, never split into given and family names. */
    organization: z.boolean().default(false),
  })
  .strict();

export const EventSchema = z
  .object({
    date: DateSchema,
    label: z.string().min(1).max(80, 'a label of at most 80 characters, short enough to annotate a chart'),
    source: SlugSchema,
  })
  .strict();
export type CaseEvent = z.output<typeof EventSchema>;

export const CorrectionSchema = z.object({ date: DateSchema, text: z.string().min(1) }).strict();
export type Correction = z.output<typeof CorrectionSchema>;

/** A finding that fact-checks a claim, published as schema.org ClaimReview. */
export const ClaimReviewSchema = z
  .object({
    /** Id of the finding heading that reviews the claim. */
    finding: SlugSchema,
    claim: z.string().min(1),
    /** Where the claim first appeared. */
    appearance: z
      .object({ url: HttpUrlSchema.optional(), date: DateSchema.optional(), author: z.string().optional(), post: z.string().optional() })
      .strict(),
    /** Verdict in words, e.g. "False", "Misleading". */
    rating: z.string().min(1),
    /** 1 (false) to 5 (true), for the machine-readable rating. */
    ratingValue: z.number().int().min(1).max(5),
  })
  .strict();
export type ClaimReview = z.output<typeof ClaimReviewSchema>;

export const CaseSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    authors: z.array(PersonSchema).min(1),
    publisher: z.object({ name: z.string().min(1), url: HttpUrlSchema.optional() }).strict(),
    published: DateSchema,
    updated: DateSchema.optional(),
    language: LanguageSchema,
    /** Timelines are binned and labelled in this zone. */
    timeZone: TimeZoneSchema,
    period: PeriodSchema,
    hashtags: z.array(TrackedHashtagSchema).min(1),
    /** Ids of folders under `data/<case>/`. */
    datasets: z.array(SlugSchema).min(1),
    events: z.array(EventSchema).default([]),
    corrections: z.array(CorrectionSchema).default([]),
    claims: z.array(ClaimReviewSchema).default([]),
    status: z.enum(['draft', 'published']),
    /** SPDX licence id of the report text, e.g. CC-BY-4.0. */
    licence: z.string().min(1),
    /** How many of the most active accounts get a page of their own. */
    topAccounts: z.number().int().min(0).max(100_000).default(50),
  })
  .strict()
  .refine((c) => c.updated === undefined || c.updated >= c.published, {
    message: 'an `updated` date on or after `published`',
    path: ['updated'],
  });

export type Case = z.output<typeof CaseSchema>;
