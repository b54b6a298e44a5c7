/**
 * Local calendar arithmetic in one IANA zone, without a date library: the UTC offset comes from
 * Intl.DateTimeFormat and is cached per UTC hour, since offsets only change at DST transitions.
 * The one time-zone module: aggregation (its hot path), the importers' wall times, chart bins and the
 * prose's dates all ask it, so a post, its bin and its figure can never disagree about a zone.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface ZoneClock {
  timeZone: string;
  /** Offset of local wall time from UTC at instant `t`, in ms. */
  offset(t: number): number;
  /** Local wall time at `t` expressed as if it were UTC (so getUTC* gives local fields). */
  wall(t: number): number;
  /** The instant the local date `ymd` (YYYY-MM-DD) begins; skips forward over a midnight lost to DST. */
  startOfDay(ymd: string): number;
}

const clocks = new Map<string, ZoneClock>();

/** The clock of `timeZone`, shared: its offset cache serves every aggregation of the process. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = makeClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function makeClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const exact = (t: number): number => {
    const f: Record<string, number> = {};
    for (const p of format.formatToParts(t)) if (p.type !== 'literal') f[p.type] = Number(p.value);
    const whole = Math.floor(t / 1000) * 1000;
    return Date.UTC(f['year']!, f['month']! - 1, f['day']!, f['hour']!, f['minute']!, f['second']!) - whole;
  };
  // formatToParts is slow beside arithmetic (BENCHMARKS.md, "Zone offsets"): memoise the offset at each UTC hour start.
  const atHour = new Map<number, number>();
  const hourly = (h: number): number => {
    let o = atHour.get(h);
    if (o === undefined) {
      o = exact(h * HOUR);
      atHour.set(h, o);
    }
    return o;
  };
  // Transitions fall on quarter hours; an hour whose two ends disagree is resolved exactly.
  const offset = (t: number): number => {
    const h = Math.floor(t / HOUR);
    const o = hourly(h);
    return o === hourly(h + 1) ? o : exact(t);
  };
  const wall = (t: number): number => t + offset(t);
  const startOfDay = (ymd: string): number => {
    const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
    const midnight = Date.UTC(y, m - 1, d);
    // Offsets lie within ±14 h: scan quarter hours from the earliest candidate to the first local instant of the day.
    for (let t = midnight - 15 * HOUR; t <= midnight + 15 * HOUR; t += 15 * 60_000) {
      if (wall(t) >= midnight) return t;
    }
    return midnight - offset(midnight);
  };
  return { timeZone, offset, wall, startOfDay };
}

/** Local day number (days since 1970-01-01 in local wall time). */
export function localDay(wallTime: number): number {
  return Math.floor(wallTime / DAY);
}

/** Local hour of day, 0..23. */
export function localHour(wallTime: number): number {
  return Math.floor((wallTime - localDay(wallTime) * DAY) / HOUR);
}

/** Day of week with Monday = 0 .. Sunday = 6 (1970-01-01 was a Thursday). */
export function localWeekday(wallTime: number): number {
  return (((localDay(wallTime) + 3) % 7) + 7) % 7;
}
