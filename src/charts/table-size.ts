/**
 * Keeps a chart's data table light: a page lists at most `maxTableCells` cells of one chart's numbers;
 * beyond that the rows are summed per day and the CSV download keeps every row.
 */
import type { ChartTable } from './types.ts';

export const maxTableCells = 300;

/**
 * `table` as it is when small enough; otherwise one row per day (`dayOf[i]` is row i's day key, in order),
 * first cell `dayLabel(day)`, other cells the day's sums, with `note` saying so.
 */
export function summariseByDay(table: ChartTable, dayOf: string[], dayLabel: (day: string) => string, note: string): ChartTable {
  if (table.rows.length * table.columns.length <= maxTableCells) return table;
  const days = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    const day = dayOf[i]!;
    const sums = days.get(day) ?? days.set(day, new Array<number>(row.length - 1).fill(0)).get(day)!;
    row.slice(1).forEach((cell, c) => (sums[c]! += Number(cell)));
  });
  return { columns: table.columns, rows: [...days].map(([day, sums]) => [dayLabel(day), ...sums]), note };
}
