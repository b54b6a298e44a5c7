import './drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import { cascadeChart, type CascadeInput } from './cascade.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';

const minute = 60_000;
/** 16 May 2024, 09:12 in Baku (UTC+4). */
const root = Date.UTC(2024, 4, 16, 5, 12);

const input: CascadeInput = {
  id: 'cascade-montage',
  rootLabel: '@esmirakhalil',
  rootTime: root,
  // Given out of order on purpose: the chart sorts by time.
  amplifiers: [3, 1, 2, 2, 8, 15, 15, 40, 95, 150].map((m) => ({ time: root + m * minute })),
  timeZone: 'Asia/Baku',
  locale: 'en-GB',
};

describe('cascadeChart', () => {
  test('cascadeChart(amplifiers) matches its snapshot', () => {
    const { svg } = cascadeChart(input);
    assertSvgSnapshot('cascade-narrow', svg.narrow);
    assertSvgSnapshot('cascade-wide', svg.wide);
  });

  test('cascadeChart(amplifiers).description states size, first delay and half time in the zone', () => {
    expect(cascadeChart(input).description).toBe(
      'Cumulative reposts and quotes of the post by @esmirakhalil, first posted 16 May 2024 at 09:12 (Azerbaijan Standard Time). '
      + 'It reached 10 within 2.5 hours; the first came after 1 minute, and half of them within 8 minutes.',
    );
  });

  test('cascadeChart(amplifiers, fr) describes in French', () => {
    expect(cascadeChart({ ...input, locale: 'fr' }).description).toContain('Elle a atteint 10 en 2,5\u00a0heures');
  });

  test('cascadeChart(amplifiers).table is the cumulative step points from the root', () => {
    const { table, data } = cascadeChart(input);
    expect(table.columns).toEqual(['#', 'Time (Azerbaijan Standard Time)', 'Minutes since the original post', 'Reposts and quotes so far']);
    expect(table.rows.map((r) => r[2])).toEqual([0, 1, 2, 2, 3, 8, 15, 15, 40, 95, 150]);
    expect(table.rows.map((r) => r[3])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(data[1]).toEqual({ n: 1, time: '2024-05-16T05:13:00.000Z', minutesSinceRoot: 1, cumulative: 1 });
  });

  test('cascadeChart(no amplifiers) says none were found', () => {
    const none = cascadeChart({ ...input, amplifiers: [] });
    expect(none.description).toContain('No reposts or quotes of it were found');
    expect(none.unavailable).toBe('No reposts or quotes of it were found in the dataset.');
    expect(none.svg).toEqual({ narrow: '', wide: '' });
  });

  test('cascadeChart(hostile root label) escapes it', () => {
    const svg = cascadeChart({ ...input, rootLabel: '<script>alert(1)</script>' }).svg.wide;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  test('cascadeChart(amplifiers) is byte-identical across renders', () => {
    expect(cascadeChart(input).svg).toEqual(cascadeChart(structuredClone(input)).svg);
  });
});
