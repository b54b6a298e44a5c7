/** Locale formatting shared by notes, figures and evidence cards. */
import { dateTimeFormat } from '../locale/intl.ts';
import { zoneClock } from '../locale/zone-clock.ts';

/** A calendar date (`YYYY-MM-DD`), as a date in words: it names a day, not an instant, so no zone applies. */
export function formatCalendarDate(ymd: string, locale: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number | undefined, number | undefined];
  // A source may be dated by its month or year only: say no more than it does.
  const parts: Intl.DateTimeFormatOptions = { ...(d !== undefined ? { day: 'numeric' } : {}), ...(m !== undefined ? { month: 'long' } : {}), year: 'numeric' };
  return dateTimeFormat(locale, { ...parts, timeZone: 'UTC' }).format(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
}

/** An inclusive span of calendar days (`YYYY-MM-DD`) as one range in words ("16–22 May 2024"). */
export function formatPeriod(period: { from: string; to: string }, locale: string): string {
  const at = (ymd: string) => {
    const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(
    at(period.from),
    at(period.to),
  );
}

/**
 * The same span cut for prose that names its two ends ("du 16 au 22 mai 2024", "from May 16 to 22, 2024"):
 * `start` (with what both ends share before it), `end`, and what both share after it, as the locale's
 * range format places them. `single` when the span is one day (no ends to name).
 */
export function formatPeriodParts(period: { from: string; to: string }, locale: string): { single: boolean; start: string; end: string; after: string } {
  const at = (ymd: string) => {
    const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  const parts = dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRangeToParts(at(period.from), at(period.to));
  let start = '';
  let end = '';
  let after = '';
  let started = false;
  for (const part of parts) {
    if (part.source === 'startRange') {
      start += part.value;
      started = true;
    } else if (part.source === 'endRange') end += part.value;
    // Shared by both ends: before them it leads the start ("May "), after them it follows the end (" mai 2024");
    // between them it is the separator the prose replaces with its own words.
    else if (!started) start += part.value;
    else if (end !== '') after += part.value;
  }
  return end === '' ? { single: true, start, end: '', after: '' } : { single: false, start, end, after };
}

/** An instant in `timeZone`, to the minute, with the zone's short name (`GMT+4`, `UTC`). */
export function formatInstantNamed(time: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).format(time);
}

/** A day in `timeZone`, in words. */
export function formatDay(time: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(time);
}

/** Wall-clock fields of `time` in `timeZone`, as `YYYY-MM-DDTHH:mm:ss`. */
export function localIso(time: number, timeZone: string): string {
  const parts = dateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(time);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** Epoch ms of local midnight starting `ymd` in `timeZone` (its first instant when DST skips midnight). */
export function localMidnight(ymd: string, timeZone: string): number {
  return zoneClock(timeZone).startOfDay(ymd);
}
