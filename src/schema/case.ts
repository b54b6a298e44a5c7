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
import { AggregationSchema } from './aggregation.ts';
import { CoordinationSchema } from './coordination.ts';
import { SpdxLicenceSchema } from './licence.ts';

/** A hashtag as it is tracked: without `#`; variants and misspellings fold into it. */
export const TagSchema = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]+$/u, 'a hashtag of letters, digits or `_` (the `#` is optional)')
  .transform((s) => s.replace(/^#/, ''));

export const TrackedHashtagSchema = z
  .object({
    /** The hashtag as the report names it, without `#`; matched without regard to case. */
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
    /** The name as the byline shows it. */
    name: z.string().min(1),
    /** A page about the author. */
    url: HttpUrlSchema.optional(),
    /** ORCID iD, e.g. 0000-0002-1825-0097. */
    orcid: z.string().optional(),
    /** A desk or newsroom rather than a person: cited as one name, never split into given and family names. */
    organization: z.boolean().default(false),
  })
  .strict();

export const EventSchema = z
  .object({
    /** The day it happened (YYYY-MM-DD). */
    date: DateSchema,
    /** What happened, in at most 80 characters: it is written on the chart. */
    label: z.string().min(1).max(80, 'a label of at most 80 characters, short enough to annotate a chart'),
    /** Id of the source that reports it, in content/sources. */
    source: SlugSchema,
  })
  .strict();
export type CaseEvent = z.output<typeof EventSchema>;

export const CorrectionSchema = z
  .object({
    /** The day the correction was made. */
    date: DateSchema,
    /** What was wrong and what the report says now. */
    text: z.string().min(1),
  })
  .strict();
export type Correction = z.output<typeof CorrectionSchema>;

/** A finding that fact-checks a claim, published as schema.org ClaimReview. */
export const ClaimReviewSchema = z
  .object({
    /** Id of the finding heading that reviews the claim. */
    finding: SlugSchema,
    /** The claim as it was made, quoted or summarised. */
    claim: z.string().min(1),
    /** Where the claim first appeared. */
    appearance: z
      .object({
        /** Where it was seen. */
        url: HttpUrlSchema.optional(),
        /** The day it was first seen. */
        date: DateSchema.optional(),
        /** Who made it, as they are named publicly. */
        author: z.string().optional(),
        /** Id of the post in the case's data that made it. */
        post: z.string().optional(),
      })
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
    /** The report's headline, as readers and citations show it. */
    title: z.string().min(1),
    /** One or two sentences under the title, in listings, feeds and link previews. */
    summary: z.string().min(1),
    /** Who wrote the report, in byline order; each with a `name`. */
    authors: z.array(PersonSchema).min(1),
    /** The newsroom or organisation that publishes it. */
    publisher: z
      .object({
        /** The publisher's name. */
        name: z.string().min(1),
        /** The publisher's home page. */
        url: HttpUrlSchema.optional(),
      })
      .strict(),
    /** Day of first publication (YYYY-MM-DD); it cannot be later than today. */
    published: DateSchema,
    /** Day of the latest substantial change; no earlier than `published` or the latest correction. */
    updated: DateSchema.optional(),
    /**
     * Language of the report (e.g. `en`, `fr`): numbers, dates and the words the site writes around the report
     * (navigation, headings, charts) are in it. Those words exist in English, French, Russian, Azerbaijani and
     * Arabic; another language gets English ones. Arabic pages read right to left.
     */
    language: LanguageSchema,
    /** IANA zone (e.g. `Europe/Warsaw`): days and hours of timelines, figures and peaks are this zone's. */
    timeZone: TimeZoneSchema,
    /** The days the report covers, `from` and `to` included. Figures, charts, timelines, account pages and top accounts count only posts within it; the dataset may hold more. A figure's own from=/to= overrides it. */
    period: PeriodSchema,
    /** The hashtags the report tracks (without `#`): each gets a page, a timeline and its top accounts. */
    hashtags: z.array(TrackedHashtagSchema).min(1),
    /** Ids of folders under `data/<case>/`. */
    datasets: z.array(SlugSchema).min(1),
    /** Dated events marked on timelines, each with a short `label` and a `source`. */
    events: z.array(EventSchema).default([]),
    /** Dated notes of what changed since publication; shown on the report and never removed. */
    corrections: z.array(CorrectionSchema).default([]),
    /** Claims a finding fact-checks, published as machine-readable fact-checks (ClaimReview). */
    claims: z.array(ClaimReviewSchema).default([]),
    /** `draft` is shown in previews only; `published` goes on the site. */
    status: z.enum(['draft', 'published']),
    /** SPDX licence id of the report text, e.g. CC-BY-4.0. */
    licence: SpdxLicenceSchema,
    /** How many of the most active accounts get a page of their own. */
    topAccounts: z.number().int().min(0).max(100_000).default(50),
    /** Coordination analysis (who posted, reposted or linked the same thing within seconds, again and again); computed only when the block is present, `coordination: {}` for every default. */
    coordination: CoordinationSchema.optional(),
    /** Which engine computes the case's model: `{ engine: duckdb }` for DuckDB, embedded, out of core (docs/scale.md); Casefile itself when absent. */
    aggregation: AggregationSchema.optional(),
  })
  .strict()
  .refine((c) => c.updated === undefined || c.updated >= c.published, {
    message: 'an `updated` date on or after `published`',
    path: ['updated'],
  });

export type Case = z.output<typeof CaseSchema>;

/**
 * A translation of a case's prose: `content/cases/<case>/index.<language>.md` beside `index.md` (e.g.
 * `index.fr.md`). It has its own title, summary and body; everything else (datasets, period, figures' data,
 * findings, sources, authors, licence) is the original's. A finding's heading keeps the same `{#id}` in every language.
 */
export const CaseTranslationSchema = z
  .object({
    /** The report's headline in this language. */
    title: z.string().min(1),
    /** One or two sentences under the title, in this language. */
    summary: z.string().min(1),
    /** The sentence each tracked hashtag's page shows, by tag (without `#`); a tag left out shows the original's. */
    hashtags: z.record(z.string(), z.string().min(1)).default({}),
    /** The labels of the original's `events`, in the same order (at most 80 characters each: they are written on charts). */
    events: z.array(z.string().min(1).max(80, 'a label of at most 80 characters, short enough to annotate a chart')).optional(),
    /** The texts of the original's `corrections`, in the same order. */
    corrections: z.array(z.string().min(1)).optional(),
    /** `draft` keeps the translation in previews only, while the original is published. */
    status: z.enum(['draft', 'published']).default('published'),
  })
  .strict();
export type CaseTranslation = z.output<typeof CaseTranslationSchema>;
