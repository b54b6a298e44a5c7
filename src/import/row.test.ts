import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, metricsAt } from './row.ts';

describe('metricsAt(raw, observedAt, changes)', () => {
  it('keeps the counts an export gives, with the time they were observed', () => {
    const changes: string[] = [];
    expect(metricsAt({ reposts: '12.0', likes: 3, views: '' }, '2024-05-23T10:00:00Z', changes)).toEqual({
      reposts: 12,
      likes: 3,
      observedAt: '2024-05-23T10:00:00Z',
    });
    expect(changes).toEqual([]);
  });

  it('drops counts without an observation time, and says so', () => {
    const changes: string[] = [];
    expect(metricsAt({ reposts: 1 }, undefined, changes)).toBeUndefined();
    expect(changes).toEqual(['metrics dropped: no observation time (pass --observed-at)']);
  });

  it('gives nothing and reports nothing when the export has no count', () => {
    const changes: string[] = [];
    expect(metricsAt({ reposts: undefined, likes: -1 }, undefined, changes)).toBeUndefined();
    expect(changes).toEqual([]);
  });
});

describe('count(value)', () => {
  it('reads any string as Number would: a whole non-negative count, undefined when empty, null otherwise', () => {
    const reference = (v: string) => (v === '' ? undefined : Number.isInteger(Number(v)) && Number(v) >= 0 ? Number(v) : null);
    const numeric = fc.string({ unit: fc.constantFrom(...'0123456789.0-e+ '.split('')), maxLength: 18 });
    fc.assert(fc.property(fc.oneof(numeric, fc.nat().map((n) => `${n}.0`), fc.string()), (v) => {
      expect(count(v)).toBe(reference(v));
    }), { seed: 7, numRuns: 5000 });
    expect([count('12'), count('12.0'), count('0.0'), count('.0'), count('12.5'), count('-1.0'), count(3)]).toEqual([12, 12, 0, 0, null, null, 3]);
  });
});
