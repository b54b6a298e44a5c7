import { describe, expect, test } from 'vitest';
import { activityHeatmap, type ActivityHeatmapInput } from './activity-heatmap.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';

/** Office hours on weekdays, a little in the evenings, a burst on Thursday at 09:00. */
const dayHour: number[][] = Array.from({ length: 7 }, (_, day) =>
  Array.from({ length: 24 }, (_, hour) => (day < 5 && hour >= 9 && hour < 18 ? 3 : hour >= 20 && hour < 23 ? 1 : 0)));
dayHour[3]![9] = 42;

const input: ActivityHeatmapInput = { id: 'activity', label: '@esmirakhalil', dayHour, timeZone: 'Asia/Baku', locale: 'en-GB' };

describe('activityHeatmap', () => {
  test('activityHeatmap(dayHour) matches its snapshot', () => {
    assertSvgSnapshot('activity-heatmap', activityHeatmap(input).svg);
  });

  test('activityHeatmap(dayHour).description names the busiest slot, day and hour', () => {
    expect(activityHeatmap(input).description).toBe(
      'Posts by @esmirakhalil by day of week and hour of day in Asia/Baku time: 195 posts in total. '
      + 'The busiest hour was Thursday 09:00–10:00, with 42 posts. The busiest day of the week was Thursday (69 posts). '
      + 'The busiest hour of the day was 09:00 (54 posts).',
    );
  });

  test('activityHeatmap(dayHour, fr) names days in French', () => {
    expect(activityHeatmap({ ...input, locale: 'fr' }).description).toContain('L’heure la plus active a été jeudi 09:00–10:00, avec 42 publications.');
  });

  test('activityHeatmap(dayHour).table is the 7 × 24 grid', () => {
    const { table, data } = activityHeatmap(input);
    expect(table.columns).toHaveLength(25);
    expect(table.rows.map((r) => r.slice(1))).toEqual(dayHour);
    expect(table.rows.map((r) => r[0])).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(data[3]!['h09']).toBe(42);
    expect(Object.keys(data[0]!)).toEqual(['day', ...Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`)]);
  });

  test('activityHeatmap(many tied hours) summarises the tie instead of listing it', () => {
    const flat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 1));
    expect(activityHeatmap({ ...input, dayHour: flat }).description).toContain('168 different hours of the week tie as the busiest, with 1 post each.');
  });

  test('activityHeatmap(dayHour) is byte-identical across renders', () => {
    expect(activityHeatmap(input).svg).toBe(activityHeatmap(structuredClone(input)).svg);
  });
});
