import { describe, expect, test } from 'vitest';
import { maxTableCells, summariseByDay } from './table-size.ts';

describe('summariseByDay', () => {
  const hours = Array.from({ length: 120 }, (_, h) => [`day ${Math.floor(h / 24)} ${h % 24}:00`, h % 24, 1]);
  const table = { columns: ['Hour', 'A', 'B'], rows: hours };
  const dayOf = hours.map((_, h) => `d${Math.floor(h / 24)}`);

  test('summariseByDay(small table) leaves it as it is', () => {
    const small = { columns: table.columns, rows: table.rows.slice(0, 24) };
    expect(summariseByDay(small, dayOf, (d) => d, 'per day')).toBe(small);
  });

  test(`summariseByDay(table over ${maxTableCells} cells) sums each day into one row and says so`, () => {
    expect(table.rows.length * table.columns.length).toBeGreaterThan(maxTableCells);
    expect(summariseByDay(table, dayOf, (d) => `Day ${d}`, 'per day')).toEqual({
      columns: ['Hour', 'A', 'B'],
      rows: ['d0', 'd1', 'd2', 'd3', 'd4'].map((d) => [`Day ${d}`, 276, 24]),
      note: 'per day',
    });
  });
});
