/**
 * Building blocks shared by every schema: dates, URLs, ids and time zones.
 * Each refinement says what it expected, because the checker turns the message
 * into "Unexpected X, expected Y" for the editor.
 */
import { z } from 'zod';

/** Lowercase slug used for ids of sources, entities, datasets and findings. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, 'a lowercase id of letters, digits and single dashes (like `rferl-2024`)');

/** Accept a YAML date (js-yaml turns `2024-05-16` into a Date) or an ISO string; output `YYYY-MM-DD`. */
export const DateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ invalid_type_error: 'a date written as YYYY-MM-DD', required_error: 'a date written as YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD')
    .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isRealDate(s), 'a calendar date that exists (YYYY-MM-DD)'),
);

/**
 * A day, a month or a year (`2022-09-14`, `2022-09`, `2022`): newspapers and reports often give only a
 * month. YAML reads a bare year as a number; it is taken as the year.
 */
export const PartialDateSchema = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 10)
      : typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999
        ? String(value)
        : value,
  z
    .string({ invalid_type_error: 'a date written as YYYY-MM-DD, YYYY-MM or YYYY', required_error: 'a date written as YYYY-MM-DD, YYYY-MM or YYYY' })
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, 'a date written as YYYY-MM-DD, YYYY-MM or YYYY')
    .refine((s) => s.length < 10 || isRealDate(s), 'a calendar date that exists (YYYY-MM-DD)'),
);

/** An instant with an explicit UTC offset: a timestamp without one is ambiguous across time zones. */
export const InstantSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z
    .string({
      invalid_type_error: 'a timestamp like 2024-05-16T09:30:00+04:00',
      required_error: 'a timestamp like 2024-05-16T09:30:00+04:00',
    })
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/,
      'a timestamp with a UTC offset, like 2024-05-16T09:30:00+04:00 or …Z',
    )
    // Only judged once the shape is right, so a malformed value is reported once.
    .refine((s) => !/^\d{4}-\d{2}-\d{2}T/.test(s) || (!Number.isNaN(Date.parse(s)) && isRealDate(s.slice(0, 10))), 'a timestamp that exists'),
);

/** Only http(s) links are ever emitted: anything else (javascript:, data:) is refused at the door. */
export const HttpUrlSchema = z
  .string({ invalid_type_error: 'an http(s) URL', required_error: 'an http(s) URL' })
  .refine((s) => isHttpUrl(s), 'an http(s) URL such as https://example.org/page');

export const Sha256Schema = z
  .string()
  .regex(/^[a-f0-9]{64}$/, 'a SHA-256 digest: 64 lowercase hexadecimal characters');

/** IANA time zone, validated against the zones this Node.js knows. */
export const TimeZoneSchema = z
  .string()
  .refine((s) => isTimeZone(s), 'an IANA time zone such as Asia/Baku or Pacific/Noumea');

/** BCP 47 language tag, e.g. `en`, `fr`, `en-GB`. */
export const LanguageSchema = z
  .string()
  .refine((s) => {
    try {
      return Intl.getCanonicalLocales(s).length === 1;
    } catch {
      return false;
    }
  }, 'a BCP 47 language tag such as en or fr');

export const PlatformSchema = z.enum(['x', 'telegram', 'facebook', 'instagram', 'tiktok', 'youtube', 'vk', 'other']);
export type Platform = z.output<typeof PlatformSchema>;

/**
 * A count from a platform (likes, reposts, followers): a whole number JavaScript holds exactly, so a
 * 1e300 or a 17-digit figure is an error at its line instead of a number changed in the released data.
 */
export const CountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Inclusive span of calendar days. */
export const PeriodSchema = z
  .object({
    /** The first day (YYYY-MM-DD). */
    from: DateSchema,
    /** The last day, included. */
    to: DateSchema,
  })
  .strict()
  // Compared only when both are days: a misspelt `from` is its own error, not also a wrong `to`.
  .refine((p) => !(isDay(p.from) && isDay(p.to)) || p.from <= p.to, { message: 'a period whose `from` is on or before its `to`', path: ['to'] });

function isDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s);
}

export type Period = z.output<typeof PeriodSchema>;

export function isRealDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * An absolute http(s) URL as written, with no whitespace or control character: the URL parser drops
 * tabs and newlines and encodes the rest silently, so `https://x.com/a\u0007b` would pass it and
 * publish an address that is not the one in the data.
 */
export function isHttpUrl(s: string): boolean {
  if (/[\s\x00-\x1f\x7f]/.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const zones = new Set(Intl.supportedValuesOf('timeZone'));
export function isTimeZone(s: string): boolean {
  if (zones.has(s) || s === 'UTC') return true;
  try {
    // Aliases (e.g. Europe/Kiev) are valid IANA names even when not listed as canonical.
    new Intl.DateTimeFormat('en', { timeZone: s });
    return s.includes('/');
  } catch {
    return false;
  }
}
