import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, parseInstant } from './instant.ts';

describe('parseInstant(s)', () => {
  it('parseInstant(s) agrees with Date.parse over every four-digit year, leap days and offsets included', () => {
    const date = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    const offset = fc.constantFrom('Z', '+00:00', '+05:45', '-03:30', '+14:00', '-12:00');
    fc.assert(
      fc.property(fc.oneof(date, fc.constantFrom(new Date('2000-02-29T12:00:00Z'), new Date('1600-02-29T00:00:00Z'), new Date('1900-03-01T00:00:00Z'))), offset, fc.boolean(), (d, o, withMs) => {
        const iso = d.toISOString().slice(0, withMs ? 23 : 19) + o;
        expect(parseInstant(iso)).toBe(Date.parse(iso));
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  it('parseInstant(s) refuses what the schema refuses, and what it leaves to zod', () => {
    for (const s of ['2024-02-30T10:00:00Z', '2024-05-16 10:00:00Z', '2024-05-16T10:00:00', '2024-05-16T24:00:00Z', '0099-01-01T00:00:00Z']) {
      expect(parseInstant(s)).toBeNaN();
    }
  });

  it('instantOf(s) reads with Date.parse the years before 1000 that parseInstant leaves to zod', () => {
    expect(instantOf('0099-01-01T00:00:00Z')).toBe(Date.parse('0099-01-01T00:00:00Z'));
    expect(instantOf('2024-05-16T10:00:00+04:00')).toBe(Date.parse('2024-05-16T06:00:00Z'));
  });
});
