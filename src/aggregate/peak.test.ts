import { describe, expect, it } from 'vitest';
import { peakOf } from './peak.ts';

describe('peakOf(counts)', () => {
  it('gives the highest count and every bin that reaches it, in order', () => {
    expect(peakOf([3, 7, 1, 7, 2])).toEqual({ value: 7, indices: [1, 3] });
    expect(peakOf(Int32Array.from([0, 5, 0]))).toEqual({ value: 5, indices: [1] });
  });

  it('finds no peak when nothing was counted', () => {
    expect(peakOf([0, 0, 0])).toEqual({ value: 0, indices: [] });
    expect(peakOf([])).toEqual({ value: 0, indices: [] });
  });
});
