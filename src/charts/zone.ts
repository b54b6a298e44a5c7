/**
 * Calendar arithmetic and labels in an IANA time zone. Plot's time scales only know UTC and the host's
 * zone, so charts plot epoch milliseconds on linear scales and label them here.
 */
import { zoneClock } from '../locale/zone-clock.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat`; building one is slow and charts format many ticks. */
export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, timeZone, options]);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** Offset of `timeZone` from UTC at instant `time`, in ms (positive east of Greenwich). */
export function zoneOffset(time: number, timeZone: string): number {
  return zoneClock(timeZone).offset(time);
}

const hour = 3_600_000;
const day = 24 * hour;

/** End of the bin starting at `start`: the next local midnight for days, which is 23 or 25 hours away across DST. */
export function binEnd(start: number, bin: 'day' | 'hour', timeZone: string): number {
  if (bin === 'hour') return start + hour;
  return start + day - (zoneOffset(start + day, timeZone) - zoneOffset(start, timeZone));
}

/** Start of the bin before the one starting at `start`: the previous local midnight for days. */
export function binBefore(start: number, bin: 'day' | 'hour', timeZone: string): number {
  if (bin === 'hour') return start - hour;
  return start - day + (zoneOffset(start, timeZone) - zoneOffset(start - day, timeZone));
}

/** Label of a bin start: `16 May 2024`, or `16 May 2024, 09:00` for hours. */
export function formatBin(start: number, bin: 'day' | 'hour', locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, bin === 'day'
    ? { day: 'numeric', month: 'long', year: 'numeric' }
    : { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
}

/** Short tick label: `16 May`, or `16 May 09:00` for hours. */
export function formatTick(start: number, bin: 'day' | 'hour', locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, bin === 'day'
    ? { day: 'numeric', month: 'short' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
}

/** A date and time to the minute, for single instants in descriptions and tables. */
export function formatInstant(time: number, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(time);
}

/** `16–22 May 2024`: the span of days from the first to the last instant, in the locale's range style. */
export function formatDayRange(from: number, to: number, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(from, to);
}

/** At most `max` evenly spaced items of `values`, always starting with the first, so axes keep few ticks. */
export function thin<T>(values: T[], max: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / max));
  return values.filter((_, i) => i % step === 0);
}

/** Whether `time` is a local midnight in `timeZone`. */
export function isLocalMidnight(time: number, timeZone: string): boolean {
  return (time + zoneOffset(time, timeZone)) % day === 0;
}

/**
 * Tick positions and labels for bins starting at `starts`: days centred under their bins; hours ticked at
 * local midnights when the bins span days, else at a few hours. At most `max` ticks, so labels keep apart
 * at the width the chart is drawn.
 */
export function timeTicks(starts: number[], bin: 'day' | 'hour', locale: string, timeZone: string, max = 7): Map<number, string> {
  if (bin === 'day') {
    return new Map(thin(starts, max).map((s) => [(s + binEnd(s, 'day', timeZone)) / 2, formatTick(s, 'day', locale, timeZone)]));
  }
  const midnights = starts.filter((s) => isLocalMidnight(s, timeZone));
  if (midnights.length >= 2) return new Map(thin(midnights, max).map((s) => [s, formatTick(s, 'day', locale, timeZone)]));
  return new Map(thin(starts, Math.max(2, max - 1)).map((s) => [s, formatTick(s, 'hour', locale, timeZone)]));
}

/** The x axis of a chart over time: local ticks from `timeTicks`, labelled with the zone they are in. */
export function timeAxis(domain: [number, number], ticks: Map<number, string>, label: string) {
  return {
    type: 'linear' as const,
    domain,
    ticks: [...ticks.keys()],
    tickFormat: (t: number) => ticks.get(t) ?? '',
    label,
    labelAnchor: 'center' as const,
    labelOffset: 36,
    labelArrow: 'none' as const,
  };
}
