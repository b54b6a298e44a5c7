import { describe, expect, it } from 'vitest';
import { localDay, localHour, localWeekday, zoneClock } from './zone-clock.ts';

const at = (iso: string) => Date.parse(iso);

describe('zoneClock(timeZone)', () => {
  it('localWeekday(wall) counts Monday as 0 and Sunday as 6, in the local calendar', () => {
    const utc = zoneClock('UTC');
    // 1970-01-01 was a Thursday; 2024-05-13 a Monday; 2024-05-19 a Sunday; 1969-12-29 a Monday.
    expect(localWeekday(utc.wall(at('1970-01-01T12:00:00Z')))).toBe(3);
    expect(localWeekday(utc.wall(at('2024-05-13T00:00:00Z')))).toBe(0);
    expect(localWeekday(utc.wall(at('2024-05-19T23:59:59Z')))).toBe(6);
    expect(localWeekday(utc.wall(at('1969-12-29T08:00:00Z')))).toBe(0);
  });

  it('localWeekday and localHour read the zone\'s wall clock: Thursday 22:30 UTC is Friday 02:30 in Baku', () => {
    const wall = zoneClock('Asia/Baku').wall(at('2024-05-16T22:30:00Z'));
    expect([localWeekday(wall), localHour(wall)]).toEqual([4, 2]);
    const paris = zoneClock('Europe/Paris').wall(at('2024-05-16T22:30:00Z'));
    expect([localWeekday(paris), localHour(paris)]).toEqual([4, 0]);
    expect(localDay(paris)).toBe(localDay(wall));
  });

  it('startOfDay(ymd) is local midnight, and skips to 01:00 when DST removes midnight', () => {
    expect(zoneClock('Asia/Baku').startOfDay('2024-05-16')).toBe(at('2024-05-15T20:00:00Z'));
    // Chile moved clocks from 00:00 to 01:00 on 2024-09-08.
    expect(zoneClock('America/Santiago').startOfDay('2024-09-08')).toBe(at('2024-09-08T04:00:00Z'));
  });
});
