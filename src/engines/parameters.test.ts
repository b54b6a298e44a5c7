import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneClock } from '../locale/zone-clock.ts';
import { coveredZone, zoneOffsets } from './parameters.ts';

/** Zones whose offsets change by an hour, by half an hour (Lord Howe), by two hours (Troll), or sit on quarter hours. */
const ZONES = ['Europe/Paris', 'Australia/Lord_Howe', 'Antarctica/Troll', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Noumea', 'Asia/Baku', 'UTC'];
const YEAR = 365 * 86_400_000;

describe('zoneOffsets', () => {
  it('covers every instant from the first post to the last, each stretch at the offset the clock gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: 3 * YEAR }), (zone, min, span) => {
        const clock = zoneClock(zone);
        const range = { min, max: min + span };
        const stretches = zoneOffsets(clock, range.min, range.max);
        expect(coveredZone(stretches, clock, range)).toBe(stretches);
      }),
      { numRuns: 60 },
    );
  });

  it('a cover with a gap, a hole at either end or a missed offset change is refused', () => {
    const clock = zoneClock('Europe/Paris');
    // 2024: summer time from 31 March to 27 October.
    const range = { min: Date.UTC(2024, 2, 1), max: Date.UTC(2024, 11, 1) };
    const good = zoneOffsets(clock, range.min, range.max);
    expect(good.map((z) => z.offset_ms / 3_600_000)).toEqual([1, 2, 1]);
    expect(() => coveredZone(good.slice(1), clock, range)).toThrow(/not covered/);
    expect(() => coveredZone(good.slice(0, -1), clock, range)).toThrow(/not covered/);
    expect(() => coveredZone([good[0]!, { ...good[1]!, from_ms: good[1]!.from_ms + 900_000 }, good[2]!], clock, range)).toThrow(/do not meet/);
    expect(() => coveredZone([{ ...good[0]!, to_ms: good[1]!.to_ms }, good[2]!], clock, range)).toThrow(/offset change/);
    expect(() => coveredZone([], clock, range)).toThrow(/not covered/);
  });
});
