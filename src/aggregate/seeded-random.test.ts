/** The seeded generator behind the null model's shifts and the near-text hash seeds: uniform in [0, 1), repeatable. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

describe('seededRandom(seed)', () => {
  it('draws numbers in [0, 1), spread over the whole range, the same for the same seed', () => {
    const draws = Array.from({ length: 1000 }, seededRandom(17));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    // Each tenth of the range gets about a tenth of the draws.
    const tenths = Array.from({ length: 10 }, (_, k) => draws.filter((x) => Math.floor(x * 10) === k).length);
    expect(Math.min(...tenths)).toBeGreaterThan(60);
    expect(Array.from({ length: 1000 }, seededRandom(17))).toEqual(draws);
    expect(Array.from({ length: 1000 }, seededRandom(18))).not.toEqual(draws);
  });
});
