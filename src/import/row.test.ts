import { describe, expect, it } from 'vitest';
import { metricsAt } from './row.ts';

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
