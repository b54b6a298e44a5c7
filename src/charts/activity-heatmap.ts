/** When an account posts: a day-of-week by hour-of-day grid, darker where it posted more. */
import { escapeHtml } from './figure.ts';
import { formatters } from './messages.ts';
import { bands, num, writeSvg } from './svg-writer.ts';
import { chartWidth, cssVar, seriesColour } from './theme.ts';
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
const hourLabel = (h: number) => `${hourKey(h)}:00`;
/** 1 January 2024 was a Monday; weekday names come from `Intl` rather than a word list per language. */
const monday = Date.UTC(2024, 0, 1);
/** Lightest shade of a non-empty cell, so a single post still shows against empty cells. */
const minOpacity = 0.15;

// The layout Plot gave this chart (width 640, height 260, margins 56 left, 20 right, 12 top, 44 bottom,
// band padding 0.08), kept so the picture did not change when Plot was dropped for speed.
const height = 260;
const left = 56;
const right = chartWidth - 20;
const top = 12;
const bottom = height - 44;
const x = bands(hours.length, left, right, 0.08);
const y = bands(days.length, top, bottom, 0.08);
const hourTicks = [0, 6, 12, 18];

/** One `<rect>` per cell, the same on every heatmap: drawn behind the counts so empty hours still show the grid. */
const emptyCells = `<g style="fill:${cssVar.muted}" fill-opacity="0.12">${
  days.map((d) => hours.map((h) => cellRect(d, h, '')).join('')).join('')}</g>`;

function cellRect(day: number, hour: number, extra: string): string {
  return `<rect x="${x.at[hour]}" y="${y.at[day]}" width="${x.width}" height="${y.width}"${extra}/>`;
}

/** Axes and empty cells: the same for every heatmap in one language and time zone, so drawn once per pair. */
const frames = new Map<string, string>();

function drawFrame(dayLabel: (d: number) => string, axisLabel: string): string {
  const dayMid = (d: number) => num(y.at[d]! + y.width / 2);
  const hourMid = (h: number) => num(x.at[h]! + x.width / 2);
  const ticks = days.map((d) => `M${left - 6},${dayMid(d)}h6`).join('') + hourTicks.map((h) => `M${hourMid(h)},${bottom}v6`).join('');
  return `<path fill="none" stroke="currentColor" d="${ticks}"/>`
    + `<g text-anchor="end">${days.map((d) => `<text x="${left - 9}" y="${dayMid(d)}" dy="0.32em">${escapeHtml(dayLabel(d))}</text>`).join('')}</g>`
    + hourTicks.map((h) => `<text x="${hourMid(h)}" y="${bottom + 9}" dy="0.71em">${hourLabel(h)}</text>`).join('')
    + `<text x="${num((left + right) / 2)}" y="${height - 3}">${escapeHtml(axisLabel)}</text>`
    + emptyCells;
}

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

  let filled = '';
  for (const { day, hour, count } of cells) {
    if (count > 0) filled += cellRect(day, hour, ` fill-opacity="${num(minOpacity + (1 - minOpacity) * count / max)}"`);
  }
  const frameKey = `${locale}\u0000${timeZone}`;
  let axes = frames.get(frameKey);
  if (axes === undefined) {
    axes = drawFrame((d) => weekday(d, 'short'), m.zoneLabel(m.hourOfDay, timeZone));
    frames.set(frameKey, axes);
  }
  const body = `${axes}<g style="fill:${seriesColour(0)}">${filled}</g>`;
  const svg = writeSvg({ id: input.id, kind: 'activity-heatmap', title, description, height }, body);
  return { svg, title, description, table, data };

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
