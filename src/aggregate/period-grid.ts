/**
 * The case period cut into local hour and day bins. Every bin boundary in every zone falls on a
 * UTC quarter hour, so a post's bins are one table lookup: slot = floor((t - start) / 15 min).
 */
import { localDay, localHour, localWeekday, zoneClock, type ZoneClock } from '../locale/zone-clock.ts';

const QUARTER = 900_000;

export interface PeriodGrid {
  clock: ZoneClock;
  start: number;
  end: number;
  hourStarts: number[];
  hourLabels: string[];
  dayStarts: number[];
  dayLabels: string[];
  /** The local day and the local hour before the period: a timeline's lead-in bins. */
  leadDay: { start: number; label: string };
  leadHour: { start: number; label: string };
  /** Hour bin of each quarter-hour slot. */
  hourOfSlot: Int32Array;
  /** Day bin of each quarter-hour slot. */
  dayOfSlot: Int32Array;
  /** Local weekday * 24 + local hour of each slot (Monday = 0). */
  cellOfSlot: Uint8Array;
  /** Local day number (days since 1970-01-01, local) of each slot. */
  localDayOfSlot: Int32Array;
}

const grids = new Map<string, PeriodGrid>();

/** Grids are pure functions of their arguments and cheap to keep: memoised per process. */
export function periodGrid(timeZone: string, from: string, to: string): PeriodGrid {
  const key = `${timeZone} ${from} ${to}`;
  let grid = grids.get(key);
  if (grid === undefined) {
    grid = makeGrid(timeZone, from, to);
    grids.set(key, grid);
  }
  return grid;
}

function makeGrid(timeZone: string, from: string, to: string): PeriodGrid {
  const clock = zoneClock(timeZone);
  const start = clock.startOfDay(from);
  const end = clock.startOfDay(nextDay(to));
  const slots = Math.max(0, Math.round((end - start) / QUARTER));
  const hourOfSlot = new Int32Array(slots);
  const dayOfSlot = new Int32Array(slots);
  const cellOfSlot = new Uint8Array(slots);
  const localDayOfSlot = new Int32Array(slots);
  const hourStarts: number[] = [];
  const hourLabels: string[] = [];
  const dayStarts: number[] = [];
  const dayLabels: string[] = [];
  let lastHour = '';
  let lastDay = '';
  for (let s = 0; s < slots; s++) {
    const t = start + s * QUARTER;
    const wall = clock.wall(t);
    cellOfSlot[s] = localWeekday(wall) * 24 + localHour(wall);
    localDayOfSlot[s] = localDay(wall);
    const iso = new Date(wall).toISOString();
    const hourLabel = iso.slice(0, 13);
    const dayLabel = iso.slice(0, 10);
    // A new hour starts on the local hour, including an hour repeated after a DST fall-back.
    if (hourLabel !== lastHour || iso.slice(14, 16) === '00') {
      hourStarts.push(t);
      hourLabels.push(hourLabel);
      lastHour = hourLabel;
    }
    if (dayLabel !== lastDay) {
      dayStarts.push(t);
      dayLabels.push(dayLabel);
      lastDay = dayLabel;
    }
    hourOfSlot[s] = hourStarts.length - 1;
    dayOfSlot[s] = dayStarts.length - 1;
  }
  const dayBefore = previousDay(from);
  const leadDay = { start: clock.startOfDay(dayBefore), label: dayBefore };
  const leadHourStart = start - 4 * QUARTER;
  const leadHour = { start: leadHourStart, label: new Date(clock.wall(leadHourStart)).toISOString().slice(0, 13) };
  return { clock, start, end, hourStarts, hourLabels, dayStarts, dayLabels, leadDay, leadHour, hourOfSlot, dayOfSlot, cellOfSlot, localDayOfSlot };
}

/** Slot of instant `t`, or -1 outside the period. */
export function slotOf(grid: PeriodGrid, t: number): number {
  if (t < grid.start || t >= grid.end) return -1;
  return Math.floor((t - grid.start) / QUARTER);
}

export function nextDay(ymd: string): string {
  return addDays(ymd, 1);
}

function previousDay(ymd: string): string {
  return addDays(ymd, -1);
}

function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
