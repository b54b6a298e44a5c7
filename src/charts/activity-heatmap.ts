/**
 * When an account posts: rows by hour of day, darker where it posted more, with a key to the shades.
 * Rows are days of the week when the case period has every weekday at least twice (a weekly habit can
 * show), otherwise the period's dates in order (`chart-build` decides and gives the rows).
 */
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { localeFormat } from '../locale/messages.ts';
import { bands, num, placed, svgMarkup, writeSvg, type SvgMarkup } from './svg-writer.ts';
import { charWidth, cssVar, fontSize, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { dateFormat } from './zone.ts';
import { activityStrip } from './activity-strip.ts';
import { chartKind, textOption } from './kind.ts';

export interface HeatmapRow {
  /** Stable, locale-free key for downloads: `Mon` or `2024-05-16`. */
  key: string;
  /** Short axis label (`Mon`, `16 May`) and long label for the table and description. */
  label: string;
  long: string;
  /** 24 counts, local hour 0..23. */
  hours: number[];
}

export interface ActivityHeatmapInput {
  id: string;
  /** The account's name or handle, untrusted. */
  label: string;
  by: 'weekday' | 'date';
  rows: HeatmapRow[];
  timeZone: string;
  locale: string;
}

const hours = Array.from({ length: 24 }, (_, h) => h);
const hourKey = (h: number) => String(h).padStart(2, '0');
const hourLabel = (h: number) => `${hourKey(h)}:00`;
/** 1 January 2024 was a Monday; weekday names come from `Intl` rather than a word list per language. */
const monday = Date.UTC(2024, 0, 1);
const weekdayKeys = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Lightest shade of a non-empty cell, so a single post still shows against empty cells. */
const minOpacity = 0.15;
const hourTicks = [0, 6, 12, 18];

/** Rows Monday to Sunday from 7 x 24 counts by local weekday (Monday = 0) and hour. */
export function weekdayRows(dayHour: number[][], locale: string): HeatmapRow[] {
  const weekday = (d: number, width: 'short' | 'long') => dateFormat(locale, 'UTC', { weekday: width }).format(monday + d * 86_400_000);
  return weekdayKeys.map((key, d) => ({ key, label: weekday(d, 'short'), long: weekday(d, 'long'), hours: hours.map((h) => dayHour[d]?.[h] ?? 0) }));
}

/** One row per date of `dates` (`2024-05-16`, local), with the counts `dateHour` has for it. */
export function dateRows(dates: string[], dateHour: { date: string; hours: number[] }[], locale: string): HeatmapRow[] {
  const byDate = new Map(dateHour.map((d) => [d.date, d.hours]));
  return dates.map((date) => {
    const at = Date.parse(`${date}T00:00:00Z`);
    return {
      key: date,
      label: dateFormat(locale, 'UTC', { day: 'numeric', month: 'short' }).format(at),
      long: dateFormat(locale, 'UTC', { day: 'numeric', month: 'long', year: 'numeric' }).format(at),
      hours: hours.map((h) => byDate.get(date)?.[h] ?? 0),
    };
  });
}

interface Geometry {
  width: number;
  left: number;
  top: number;
  bottom: number;
  x: { at: number[]; width: number };
  y: { at: number[]; width: number };
}

function geometry(layout: Layout, rows: number): Geometry {
  const narrow = layout.name === 'narrow';
  const left = narrow ? 56 : 64;
  const top = 4;
  const bottom = top + rows * (narrow ? 18 : 26);
  return { width: layout.width, left, top, bottom, x: bands(24, left, layout.width - (narrow ? 4 : 16), 0.08), y: bands(rows, top, bottom, 0.08) };
}

/**
 * A cell as a subpath (`M x,y h w v h h -w z`): the cells of a heatmap are drawn as one path per shade rather
 * than a `<rect>` each: the same squares in a third of the characters a cell, which halves a heatmap's SVG
 * (BENCHMARKS.md, "Pages without copies").
 */
const cellPath = (g: Geometry, row: number, hour: number): string => `M${g.x.at[hour]},${g.y.at[row]}h${g.x.width}v${g.y.width}h-${g.x.width}z`;

/** Axes and empty cells: the same for every heatmap with the same rows, language, zone and layout, so drawn once. */
const frames = new Map<string, SvgMarkup>();
/**
 * Each cell's subpath by layout and number of rows, then by cell (row × 24 + hour): the same in every heatmap
 * with those rows, so worked out once a build.
 */
const cells = new Map<string, string[]>();
/** Keys to the shades, by language, layout, number of rows and largest count (a handful per build). */
const keys = new Map<string, SvgMarkup>();

function drawFrame(g: Geometry, labels: string[], axisLabel: readonly string[], grid: readonly string[]): SvgMarkup {
  const rowMid = (r: number) => num(g.y.at[r]! + g.y.width / 2);
  const hourMid = (h: number) => num(g.x.at[h]! + g.x.width / 2);
  const ticks = labels.map((_, r) => `M${g.left - 6},${rowMid(r)}h6`).join('') + hourTicks.map((h) => `M${hourMid(h)},${g.bottom}v6`).join('');
  return svgMarkup([
    s('path', { fill: 'none', stroke: 'currentColor', d: ticks }),
    s('g', { 'text-anchor': 'end' }, labels.map((l, r) => s('text', { x: g.left - 9, y: rowMid(r), dy: '0.32em' }, l))),
    ...hourTicks.map((h) => s('text', { x: hourMid(h), y: g.bottom + 9, dy: '0.71em' }, hourLabel(h))),
    ...axisLabel.map((line, i) => s('text', { x: num((g.left + g.width) / 2), y: g.bottom + 40 + i * lineHeight }, line)),
    s('path', { style: `fill:${cssVar.muted}`, 'fill-opacity': '0.12', d: grid.join('') }),
  ]);
}

const shadeOf = (count: number, max: number) => minOpacity + (1 - minOpacity) * count / max;
const opacity = (count: number, max: number) => num(shadeOf(count, max));

const swatch = 18;
/** Space under the hour axis: its ticks and a line of label, then the key's title and swatches. */
const keyTop = 52;
const lineHeight = fontSize + 3;

/**
 * The hour axis's label: "Hour of day (zone)" on one line where it fits, centred under the drawing;
 * otherwise the zone's name on a line of its own (a long name, "Azerbaijan Standard Time", outruns a phone's
 * 288-unit drawing beside the words before it).
 */
function axisLines(g: Geometry, what: string, oneLine: string, zone: string): string[] {
  const half = (oneLine.length * charWidth) / 2;
  const centre = (g.left + g.width) / 2;
  return centre - half >= 0 && centre + half <= g.width ? [oneLine] : [what, zone];
}
const keyHeight = fontSize + 6 + swatch + 4 + fontSize + 8;

/** The key to the shades: an empty cell, then up to five counts from 1 to the largest, each under its swatch. */
function drawKey(g: Geometry, top: number, max: number, title: string, number: (n: number) => string): Element {
  const n = Math.min(5, max);
  const steps = [0, ...new Set(Array.from({ length: n }, (_, i) => Math.round(1 + (i * (max - 1)) / Math.max(1, n - 1))))];
  const y = g.bottom + top;
  const key: ElementContent[] = [s('text', { x: g.left, y, dy: '0.71em', 'text-anchor': 'start' }, title)];
  steps.forEach((count, i) => {
    const x = g.left + i * (swatch + 16);
    const fill = count === 0 ? { style: `fill:${cssVar.muted}`, 'fill-opacity': '0.12' } : { style: `fill:${seriesColour(0)}`, 'fill-opacity': opacity(count, max) };
    key.push(
      s('rect', { x, y: y + fontSize + 6, width: swatch, height: swatch, ...fill }),
      s('text', { x: num(x + swatch / 2), y: y + fontSize + 6 + swatch + 4, dy: '0.71em' }, number(count)),
    );
  });
  return s('g', { class: 'cf-chart-key' }, key);
}

export function activityHeatmap(input: ActivityHeatmapInput): ChartOutput {
  const { timeZone, locale, rows } = input;
  const f = localeFormat(locale);
  const { t } = f;
  const total = rows.reduce((s, r) => s + r.hours.reduce((a, b) => a + b, 0), 0);
  const max = Math.max(1, ...rows.flatMap((r) => r.hours));

  const title = input.by === 'weekday' ? t('chart.heatmapTitle', { label: input.label }) : t('chart.heatmapDateTitle', { label: input.label });
  const description = describe();
  const table = { columns: [input.by === 'weekday' ? t('chart.day') : t('chart.date'), ...hours.map(hourKey)], rows: rows.map((r) => [r.long, ...r.hours]) };
  // `h09`, not `09`: keys that read as integers would be reordered ahead of `day` by JavaScript objects.
  const data = rows.map((r) => ({ [input.by === 'weekday' ? 'day' : 'date']: r.key, ...Object.fromEntries(hours.map((h) => [`h${hourKey(h)}`, r.hours[h]!])) }));
  if (total === 0) return { svg: { narrow: '', wide: '' }, unavailable: t('chart.heatmapEmpty', { label: input.label }), title, description, table, data };
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const g = geometry(layout, rows.length);
    const frameKey = [locale, timeZone, layout.name, ...rows.map((r) => r.label)].join('\u0000');
    const what = t('chart.hourOfDay');
    const label = axisLines(g, what, t('chart.zoneLabel', { what, timeZone }), t('md.zone', { timeZone }).trim());
    const top = keyTop + (label.length - 1) * lineHeight;
    const gridKey = `${layout.name} ${rows.length}`;
    let grid = cells.get(gridKey);
    if (grid === undefined) {
      grid = rows.flatMap((_, row) => hours.map((hour) => cellPath(g, row, hour)));
      cells.set(gridKey, grid);
    }
    let axes = frames.get(frameKey);
    if (axes === undefined) {
      axes = drawFrame(g, rows.map((r) => r.label), label, grid);
      frames.set(frameKey, axes);
    }
    // The filled cells, one path per shade, in the order of their first cell.
    const shades = new Map<number, string[]>();
    rows.forEach((r, row) => r.hours.forEach((count, hour) => {
      if (count === 0) return;
      const subpaths = shades.get(count) ?? [];
      subpaths.push(grid[row * 24 + hour]!);
      shades.set(count, subpaths);
    }));
    const filled = [...shades].map(([count, subpaths]) => s('path', { 'fill-opacity': opacity(count, max), d: subpaths.join('') }));
    // The key depends only on the largest count, the language and the layout: drawn once for each.
    const keyKey = [locale, layout.name, rows.length, max, top].join('\u0000');
    let key = keys.get(keyKey);
    if (key === undefined) {
      key = svgMarkup([drawKey(g, top, max, t('chart.heatmapKey'), f.number)]);
      keys.set(keyKey, key);
    }
    const height = g.bottom + top + keyHeight;
    return writeSvg({ id: input.id, kind: 'activity-heatmap', layout, title, description, height }, [placed(axes), s('g', { style: `fill:${seriesColour(0)}` }, filled), placed(key)]);
  }

  function describe(): string {
    const intro = t(input.by === 'weekday' ? 'chart.heatmapIntro' : 'chart.heatmapDateIntro', { label: input.label, timeZone, total: f.posts(total) });
    if (total === 0) return `${intro} ${t('chart.noData')}`;
    const cells = rows.flatMap((r) => r.hours.map((count, hour) => ({ row: r, hour, count })));
    const slot = busiest(cells.map((c) => c.count));
    const slots = slot.at.map((i) => `${cells[i]!.row.long} ${hourLabel(cells[i]!.hour)}–${hourLabel((cells[i]!.hour + 1) % 24)}`);
    const day = busiest(rows.map((r) => r.hours.reduce((s, n) => s + n, 0)));
    const hour = busiest(hours.map((h) => rows.reduce((s, r) => s + r.hours[h]!, 0)));
    const days = f.list(day.at.map((d) => rows[d]!.long));
    return [
      intro,
      slots.length <= 3
        ? t('chart.heatmapBusiest', { slots: f.list(slots), value: f.posts(slot.max) })
        : input.by === 'weekday'
          ? t('chart.heatmapBusiestTied', { count: slots.length, value: f.posts(slot.max) })
          : t('chart.heatmapBusiestDateTied', { count: f.number(slots.length), value: f.posts(slot.max) }),
      input.by === 'weekday' ? t('chart.heatmapBusiestDay', { days, value: f.posts(day.max) }) : t('chart.heatmapBusiestDate', { dates: days, value: f.posts(day.max) }),
      t('chart.heatmapBusiestHour', { hours: f.list(hour.at.map(hourLabel)), value: f.posts(hour.max) }),
    ].join(' ');
  }
}

/** The largest sum and the indices holding it (all of them on a tie). */
function busiest(values: number[]): { max: number; at: number[] } {
  const max = Math.max(...values);
  return { max, at: values.flatMap((v, i) => (v === max ? [i] : [])) };
}

/** `::chart{kind=heatmap account=…}`: when an account posts, as a heatmap or, for a few posts, a strip. */
export const heatmapKind = chartKind({
  kind: 'heatmap',
  options: { account: textOption('a dossier id (x/handle) or a dataset author id') },
  id: (o) => ({ fileSafe: o.account }),
  build(o, id, { model, profile: find, label, timeZone, locale }) {
    const profile = find(o.account);
    if (!profile) {
      return {
        problem: {
          ruleId: 'reference/account',
          message: `Unexpected account \`${o.account}\`, expected a dossier id or an author id of an account that posted in the case's data.`,
          actual: o.account,
          hint: 'Check the id; an account with no posts in the data has no activity to chart.',
        },
      };
    }
    const who = label(profile.dossierId ?? profile.authorId);
    const { times } = profile;
    if (times) {
      return { draw: () => activityStrip({ id, label: who, times, period: [model.periodStart, model.periodEnd], timeZone, locale }) };
    }
    // A weekly habit can only show when every weekday comes round at least twice.
    const dates = periodDates(model.period.from, model.period.to);
    if (dates.length >= 14) return { draw: () => activityHeatmap({ id, label: who, by: 'weekday', rows: weekdayRows(profile.dayHour, locale), timeZone, locale }) };
    const withPosts = [...new Set([...dates, ...profile.dateHour.map((d) => d.date)])].sort();
    return { draw: () => activityHeatmap({ id, label: who, by: 'date', rows: dateRows(withPosts, profile.dateHour, locale), timeZone, locale }) };
  },
});

/** Every date from `from` to `to` (`2024-05-16`), both included. */
function periodDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}
