/** When an account posts: a day-of-week by hour-of-day grid, darker where it posted more. */
import * as Plot from '@observablehq/plot';
import { formatters } from './messages.ts';
import { finishSvg, plot } from './svg.ts';
import { cssVar, seriesColour } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { dateFormat } from './zone.ts';

export interface ActivityHeatmapInput {
  id: string;
  /** The account's name or handle, untrusted. */
  label: string;
  /** Counts by local day of week (Monday first) and local hour. */
  dayHour: number[][];
  timeZone: string;
  locale: string;
}

const days = [0, 1, 2, 3, 4, 5, 6];
const hours = Array.from({ length: 24 }, (_, h) => h);
/** Stable, locale-free day keys for downloads. */
const dayKeys = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hourKey = (h: number) => String(h).padStart(2, '0');
/** 1 January 2024 was a Monday; weekday names come from `Intl` rather than a word list per language. */
const monday = Date.UTC(2024, 0, 1);
/** Lightest shade of a non-empty cell, so a single post still shows against empty cells. */
const minOpacity = 0.15;

/** Sums, and the indices holding the largest sum (all of them on a tie). */
function busiest(values: number[]): { max: number; at: number[] } {
  const max = Math.max(...values);
  return { max, at: values.flatMap((v, i) => (v === max ? [i] : [])) };
}

export function activityHeatmap(input: ActivityHeatmapInput): ChartOutput {
  const { timeZone, locale } = input;
  const f = formatters(locale);
  const { m } = f;
  const counts = days.map((d) => hours.map((h) => input.dayHour[d]?.[h] ?? 0));
  const weekday = (d: number, width: 'short' | 'long') => dateFormat(locale, 'UTC', { weekday: width }).format(monday + d * 86_400_000);
  const hourLabel = (h: number) => `${hourKey(h)}:00`;
  const total = counts.flat().reduce((s, n) => s + n, 0);
  const max = Math.max(1, ...counts.flat());
  const cells = days.flatMap((day) => hours.map((hour) => ({ day, hour, count: counts[day]![hour]! })));

  const title = m.heatmapTitle(input.label);
  const description = describe();
  const table = {
    columns: [m.day, ...hours.map(hourKey)],
    rows: days.map((d) => [weekday(d, 'long'), ...counts[d]!]),
  };
  // `h09`, not `09`: keys that read as integers would be reordered ahead of `day` by JavaScript objects.
  const data = days.map((d) => ({ day: dayKeys[d]!, ...Object.fromEntries(hours.map((h) => [`h${hourKey(h)}`, counts[d]![h]!])) }));

  const svg = plot({
    height: 260,
    marginLeft: 56,
    marginTop: 12,
    marginBottom: 44,
    x: { type: 'band', domain: hours, ticks: [0, 6, 12, 18], tickFormat: hourLabel, label: m.zoneLabel(m.hourOfDay, timeZone), labelAnchor: 'center', padding: 0.08 },
    y: { type: 'band', domain: days, tickFormat: (d: number) => weekday(d, 'short'), label: null, padding: 0.08 },
    opacity: { type: 'linear', domain: [0, max], range: [minOpacity, 1] },
    marks: [
      Plot.cell(cells, { x: 'hour', y: 'day', fill: cssVar.muted, fillOpacity: 0.12 }),
      Plot.cell(cells.filter((c) => c.count > 0), { x: 'hour', y: 'day', fill: seriesColour(0), fillOpacity: 'count' }),
    ],
  });
  return { svg: finishSvg(svg, input.id, title, description, 'activity-heatmap'), title, description, table, data };

  function describe(): string {
    const intro = m.heatmapIntro(input.label, timeZone, f.posts(total));
    if (total === 0) return `${intro} ${m.noData}`;
    const slot = busiest(cells.map((c) => c.count));
    const slots = slot.at.map((i) => `${weekday(cells[i]!.day, 'long')} ${hourLabel(cells[i]!.hour)}–${hourLabel((cells[i]!.hour + 1) % 24)}`);
    const day = busiest(counts.map((row) => row.reduce((s, n) => s + n, 0)));
    const hour = busiest(hours.map((h) => counts.reduce((s, row) => s + row[h]!, 0)));
    return [
      intro,
      slots.length > 3 ? m.heatmapBusiestTied(slots.length, f.posts(slot.max)) : m.heatmapBusiest(f.list(slots), f.posts(slot.max)),
      m.heatmapBusiestDay(f.list(day.at.map((d) => weekday(d, 'long'))), f.posts(day.max)),
      m.heatmapBusiestHour(f.list(hour.at.map(hourLabel)), f.posts(hour.max)),
    ].join(' ');
  }
}
