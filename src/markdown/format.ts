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
