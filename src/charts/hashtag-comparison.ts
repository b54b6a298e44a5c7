/**
 * Several hashtags' posts per day or hour on one time axis, one line each, named at its end, with the
 * case's events marked. The axis starts one bin before the first, as on a timeline.
 */
import type { TextOptions } from '@observablehq/plot';
import { Plot } from './drawing.ts';
import type { Bin } from '../aggregate/model.ts';
import { peakOf } from '../aggregate/peak.ts';
import { eventMarks, type ChartEvent } from './events.ts';
import { localeFormat } from '../locale/messages.ts';
import { finishSvg, plot } from './svg.ts';
import { summariseByDay } from './table-size.ts';
import { charWidth, cssVar, fontSize, layouts, seriesColour, seriesDasharray, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { binBefore, binEnd, formatBin, formatDayRange, timeAxis, timeTicks } from './zone.ts';
import { binOption, chartKind, hashtagsOption, isChartProblem } from './kind.ts';

export interface HashtagComparisonInput {
  id: string;
  series: { tag: string; bins: Bin[] }[];
  bin: 'day' | 'hour';
  /**
   * Posts carrying two of the tags at once, per pair and bin start: the overlap is what a comparison argues
   * from. With two tags the one pair is shaded under the lines; with more, each pair is in the table and the
   * description (shading several would hide the lines).
   */
  overlaps?: { tags: [string, string]; bins: { start: number; total: number }[] }[];
  events: ChartEvent[];
  timeZone: string;
  locale: string;
}

export function hashtagComparison(input: HashtagComparisonInput): ChartOutput {
  const { series, bin, timeZone, locale } = input;
  const f = localeFormat(locale);
  const { t } = f;
  // Series may cover different bins; the table needs one row per bin start found in any of them.
  const starts = [...new Set(series.flatMap((s) => s.bins.map((b) => b.start)))].sort((a, b) => a - b);
  const totalsAt = series.map((s) => new Map(s.bins.map((b) => [b.start, b.total])));
  const from = starts[0] ?? 0;
  const to = starts.length > 0 ? binEnd(starts.at(-1)!, bin, timeZone) : 1;
  const tags = f.list(series.map((s) => `#${s.tag}`));
  const pairs = (input.overlaps ?? []).map((o) => ({ tags: o.tags, at: new Map(o.bins.map((b) => [b.start, b.total])) }));
  const both = series.length === 2 ? pairs[0]?.at : undefined;
  const pairName = (p: (typeof pairs)[number]) => t('chart.pair', { a: `#${p.tags[0]}`, b: `#${p.tags[1]}` });

  const title = t('chart.comparisonTitle', { tags, bin });
  const description = describe();
  const table = summariseByDay(
    {
      columns: [t('chart.zoneLabel', { what: t('chart.date'), timeZone }), ...series.map((s) => `#${s.tag}`), ...(both ? [t('chart.both')] : pairs.map(pairName))],
      rows: starts.map((start) => [formatBin(start, bin, locale, timeZone), ...totalsAt.map((t) => t.get(start) ?? 0), ...pairs.map((p) => p.at.get(start) ?? 0)]),
    },
    starts.map((start) => formatBin(start, 'day', locale, timeZone)),
    (day) => day,
    t('chart.tableByDay', { rows: f.number(starts.length) }),
  );
  const data = starts.map((start) => ({
    start: new Date(start).toISOString(),
    ...Object.fromEntries(series.map((s, i) => [`#${s.tag}`, totalsAt[i]!.get(start) ?? 0])),
    // Two tags keep the key `both`; more name each pair, `#A&#B`.
    ...(both ? { both: both.get(start) ?? 0 } : Object.fromEntries(pairs.map((p) => [`#${p.tags[0]}&#${p.tags[1]}`, p.at.get(start) ?? 0]))),
  }));
  if (starts.length === 0) return { svg: { narrow: '', wide: '' }, unavailable: `${title}. ${t('chart.noData')}`, title, description, table, data };
  const leadIn = binBefore(from, bin, timeZone);
  const events = input.events.filter((e) => e.time >= leadIn && e.time <= to).sort((a, b) => a.time - b.time);
  // Points sit mid-bin so a day's value lines up with its centred tick.
  const points = series.flatMap((s, i) => s.bins.map((b) => ({ series: i, x: (b.start + binEnd(b.start, bin, timeZone)) / 2, y: b.total })));
  const max = Math.max(1, ...points.map((p) => p.y));
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const marginLeft = narrow ? 36 : 48;
    const marginRight = narrow ? 8 : 16;
    const { band, marks: eventsDrawn } = eventMarks(events, [leadIn, to], layout, marginLeft, marginRight, max);
    // Each line is named at its end, right-aligned there, in the open space above every line under the
    // names (found from the lines' values across the names' width): names stacked in the order their lines
    // end, top to bottom, so they neither cross the lines nor each other.
    const px = (layout.width - marginLeft - marginRight) / (to - leadIn);
    const lastX = Math.max(...points.map((p) => p.x));
    const nameWidth = (Math.max(...series.map((s) => s.tag.length)) + 1) * charWidth * 1.1;
    const under = Math.max(...series.map((_, i) => highestAfter(points.filter((p) => p.series === i), lastX - nameWidth / px)));
    const ends = series.map((_, i) => ({ i, last: points.filter((p) => p.series === i).at(-1)! })).sort((a, b) => b.last.y - a.last.y);
    const names = ends.map((e, rank) => Plot.text([{ x: lastX, y: under }], {
      x: 'x', y: 'y', text: () => `#${series[e.i]!.tag}`, textAnchor: 'end', fill: seriesColour(e.i), fontWeight: 'bold',
      dy: -8 - (ends.length - 1 - rank) * (fontSize + 4),
      stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke',
    } as TextOptions));
    const svg = plot({
      height: (narrow ? 240 : 280) + band,
      marginLeft,
      marginRight,
      marginTop: 24 + band,
      marginBottom: 44,
      x: timeAxis([leadIn, to], timeTicks([leadIn, ...starts], bin, locale, timeZone, narrow ? 4 : 7), t('chart.zoneLabel', { what: t('chart.date'), timeZone })),
      y: { domain: [0, max * 1.15], nice: true, ticks: 4, grid: true, tickFormat: f.number, label: t('chart.count'), labelArrow: 'none' },
      marks: [
        Plot.rect([{ x1: leadIn, x2: from }], { x1: 'x1', x2: 'x2', fill: cssVar.muted, fillOpacity: 0.1 }),
        // Posts carrying both tags, shaded under the lines and named where the overlap is largest.
        ...(both ? [
          Plot.areaY(starts.map((start) => ({ x: (start + binEnd(start, bin, timeZone)) / 2, y: both.get(start) ?? 0 })), { x: 'x', y: 'y', fill: cssVar.muted, fillOpacity: 0.35 }),
          Plot.text([bothPeak()], { x: 'x', y: 'y', text: () => t('chart.both'), lineAnchor: 'middle', textAnchor: 'start', dx: 4, fill: 'currentColor', stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke' } as TextOptions),
        ] : []),
        Plot.ruleY([0]),
        ...eventsDrawn,
        ...series.map((_, i) => Plot.lineY(points.filter((p) => p.series === i), {
          x: 'x', y: 'y', stroke: seriesColour(i), strokeWidth: 2, strokeDasharray: seriesDasharray(i),
        })),
        ...names,
      ],
    }, layout);
    return finishSvg(svg, input.id, title, description, 'hashtag-comparison', layout);
  }

  /** Where the overlap's name goes: its first largest bin, at half its height, inside the shading. */
  function bothPeak(): { x: number; y: number } {
    const start = starts[peakOf(starts.map((s) => both!.get(s) ?? 0)).indices[0] ?? 0]!;
    return { x: (start + binEnd(start, bin, timeZone)) / 2, y: (both!.get(start) ?? 0) / 2 };
  }

  function describe(): string {
    if (starts.length === 0) return `${title}. ${t('chart.noData')}`;
    const parts = [t('chart.comparisonIntro', { tags, bin, timeZone, range: formatDayRange(from, to - 1, locale, timeZone) })];
    for (const s of series) {
      const total = s.bins.reduce((sum, b) => sum + b.total, 0);
      const { value: peak, indices } = peakOf(s.bins.map((b) => b.total));
      const at = indices.map((i) => formatBin(s.bins[i]!.start, bin, locale, timeZone));
      parts.push(t('chart.comparisonPeak', { tag: s.tag, total: f.posts(total), when: f.list(at), value: f.posts(peak) }));
    }
    const sum = (at: Map<number, number>) => [...at.values()].reduce((a, b) => a + b, 0);
    if (both) parts.push(t('chart.comparisonBoth', { tags, total: f.posts(sum(both)) }));
    else if (pairs.length > 0) {
      const listed = pairs.map((p) => t('chart.comparisonPair', { pair: pairName(p), total: f.posts(sum(p.at)) }));
      parts.push(t('chart.comparisonPairs', { pairs: listed.join(t('chart.pairSeparator')) }));
    }
    return parts.join(' ');
  }
}

/** The highest value a line (points in x order) reaches from `from` on, interpolated where it enters. */
function highestAfter(line: { x: number; y: number }[], from: number): number {
  let high = 0;
  line.forEach((p, i) => {
    if (p.x >= from) high = Math.max(high, p.y);
    const next = line[i + 1];
    if (next && p.x < from && next.x >= from) high = Math.max(high, p.y + ((next.y - p.y) * (from - p.x)) / (next.x - p.x));
  });
  return high;
}

/** `::chart{kind=compare hashtags="A,B" bin=day|hour}`: several hashtags on one time axis, with their overlap. */
export const compareKind = chartKind({
  kind: 'compare',
  options: { hashtags: hashtagsOption, bin: binOption },
  id: (o) => [...o.hashtags, o.bin],
  canonical: (o, tag) => ({ ...o, hashtags: o.hashtags.map(tag) }),
  build(o, id, { model, timeline, events, timeZone, locale }) {
    const series: { tag: string; bins: Bin[] }[] = [];
    for (const tag of o.hashtags) {
      const tl = timeline(tag);
      if (isChartProblem(tl)) return { problem: tl };
      series.push({ tag: tl.tag, bins: tl[o.bin] });
    }
    // Every pair of the tags, in the order asked; two tags sharing no post still have an overlap to show: none.
    const overlaps = series.flatMap((a, i) => series.slice(i + 1).map((b) => {
      const pair = model.overlaps.find((p) => p.tags.includes(a.tag) && p.tags.includes(b.tag));
      return { tags: [a.tag, b.tag] as [string, string], bins: a.bins.map((bin, k) => ({ start: bin.start, total: pair?.[o.bin][k] ?? 0 })) };
    }));
    return { draw: () => hashtagComparison({ id, series, bin: o.bin, overlaps, events, timeZone, locale }) };
  },
});
