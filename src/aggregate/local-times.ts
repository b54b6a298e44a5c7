/** Each post's local weekday-hour cell and local day, from the period grid's tables (the clock only outside the period). */
import type { PeriodGrid } from './period-grid.ts';
import type { PostTable } from './post-table.ts';
import { localDay, localHour, localWeekday } from '../locale/zone-clock.ts';

export interface LocalTimes {
  /** Weekday (Monday = 0) * 24 + hour. */
  cell: Uint8Array;
  /** Days since 1970-01-01 in local wall time. */
  day: Int32Array;
}

export function localTimes(table: PostTable, grid: PeriodGrid, slot: Int32Array): LocalTimes {
  const n = table.size;
  const cell = new Uint8Array(n);
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = slot[i]!;
    if (s >= 0) {
      cell[i] = grid.cellOfSlot[s]!;
      day[i] = grid.localDayOfSlot[s]!;
    } else {
      const wall = grid.clock.wall(table.time[i]!);
      cell[i] = localWeekday(wall) * 24 + localHour(wall);
      day[i] = localDay(wall);
    }
  }
  return { cell, day };
}
