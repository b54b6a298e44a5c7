import { describe, expect, test } from 'vitest';
import { binEnd, isLocalMidnight, timeTicks, zoneOffset } from './zone.ts';

describe('zone', () => {
  test('zoneOffset(time, zone) follows daylight saving time', () => {
    expect(zoneOffset(Date.UTC(2024, 0, 15), 'Europe/Paris')).toBe(3_600_000);
    expect(zoneOffset(Date.UTC(2024, 6, 15), 'Europe/Paris')).toBe(7_200_000);
    expect(zoneOffset(Date.UTC(2024, 4, 16), 'Asia/Baku')).toBe(4 * 3_600_000);
  });

  test('binEnd(day) is the next local midnight, 23 hours away when clocks go forward', () => {
    const march31 = Date.UTC(2024, 2, 30, 23); // Paris midnight, UTC+1
    expect(binEnd(march31, 'day', 'Europe/Paris')).toBe(Date.UTC(2024, 2, 31, 22));
    expect(binEnd(Date.UTC(2024, 4, 15, 20), 'day', 'Asia/Baku')).toBe(Date.UTC(2024, 4, 16, 20));
  });

  test('isLocalMidnight(time, zone) is judged in the zone, not in UTC', () => {
    expect(isLocalMidnight(Date.UTC(2024, 4, 15, 20), 'Asia/Baku')).toBe(true);
    expect(isLocalMidnight(Date.UTC(2024, 4, 16), 'Asia/Baku')).toBe(false);
  });

  test('timeTicks(day bins) centres at most 7 labelled ticks under their days', () => {
    const starts = Array.from({ length: 14 }, (_, i) => Date.UTC(2024, 4, 15, 20) + i * 86_400_000);
    const ticks = timeTicks(starts, 'day', 'en-GB', 'Asia/Baku');
    expect([...ticks.values()]).toEqual(['16 May', '18 May', '20 May', '22 May', '24 May', '26 May', '28 May']);
    expect([...ticks.keys()][0]).toBe(starts[0]! + 43_200_000);
  });
});
