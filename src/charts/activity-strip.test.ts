import './drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import { activityStrip, type ActivityStripInput } from './activity-strip.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';

const hour = 3_600_000;
/** Local midnight of 16 May 2024 in Baku (UTC+4). */
const may16 = Date.UTC(2024, 4, 15, 20);

const input: ActivityStripInput = {
  id: 'strip',
  label: '@quiet',
  // Three within half an hour (they must not overlap), one two days later.
  times: [may16 + 9 * hour, may16 + 9.2 * hour, may16 + 9.4 * hour, may16 + 57 * hour],
  period: [may16, may16 + 7 * 24 * hour],
  timeZone: 'Asia/Baku',
  locale: 'en-GB',
};

const circles = (svg: string) => [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="(\d+)"/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);

describe('activityStrip', () => {
  test('activityStrip(times) matches its snapshots', () => {
    const { svg } = activityStrip(input);
    assertSvgSnapshot('activity-strip-narrow', svg.narrow);
    assertSvgSnapshot('activity-strip-wide', svg.wide);
  });

  test('activityStrip(times) draws one dot per post, none overlapping another', () => {
    for (const svg of Object.values(activityStrip(input).svg)) {
      const dots = circles(svg);
      expect(dots).toHaveLength(4);
      for (const [i, a] of dots.entries()) {
        for (const b of dots.slice(i + 1)) expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(a[2] + b[2]);
      }
    }
  });

  test('activityStrip(times) lists every time in its description and table', () => {
    const chart = activityStrip(input);
    expect(chart.description).toBe('@quiet has 4 posts in the data, at 16 May 2024 at 09:00, 16 May 2024 at 09:12, 16 May 2024 at 09:24 and 18 May 2024 at 09:00 (Azerbaijan Standard Time).');
    expect(chart.table.rows).toHaveLength(4);
    expect(chart.data[3]).toEqual({ n: 4, time: '2024-05-18T05:00:00.000Z' });
  });

  test('activityStrip(a post before the period) widens the axis to show it', () => {
    const early = activityStrip({ ...input, times: [may16 - 30 * hour, ...input.times] });
    expect(circles(early.svg.wide)[0]![0]).toBeGreaterThan(0);
    expect(early.svg.wide).toContain('>14 May<');
  });
});
