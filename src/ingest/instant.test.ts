import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.ts';

describe('parseInstant(s)', () => {
  it('parseInstant(s) agrees with Date.parse over every four-digit year, leap days and offsets included', () => {
    const date = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    const offset = fc.constantFrom('Z', '+00:00', '+05:45', '-03:30', '+14:00', '-12:00');
    fc.assert(
      fc.property(fc.oneof(date, fc.constantFrom(new Date('2000-02-29T12:00:00Z'), new Date('1600-02-29T00:00:00Z'), new Date('1900-03-01T00:00:00Z'))), offset, (d, o) => {
        const iso = d.toISOString().slice(0, 23) + o;
        expect(parseInstant(iso)).toBe(Date.parse(iso));
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});
