/** Several hashtags' posts per day or hour on one time axis, one line each. */
import * as Plot from '@observablehq/plot';
import type { Bin } from '../aggregate/model.ts';
import { legend } from './legend.ts';
import { formatters } from './messages.ts';
import { finishSvg, plot } from './svg.ts';
import { seriesColour, seriesDasharray } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { binEnd, formatBin, formatDayRange, timeAxis, timeTicks } from './zone.ts';

export interface HashtagComparisonInput {
  id: string;
  series: { tag: string; bins: Bin[] }[];
  bin: 'day' | 'hour';
  timeZone: string;
  locale: string;
}

const marginLeft = 56;

export function hashtagComparison(input: HashtagComparisonInput): ChartOutput {
  const { series, bin, timeZone, locale } = input;
  const f = formatters(locale);
  const { m } = f;
  // Series may cover different bins; the table needs one row per bin start found in any of them.
  const starts = [...new Set(series.flatMap((s) => s.bins.map((b) => b.start)))].sort((a, b) => a - b);
  const totalsAt = series.map((s) => new Map(s.bins.map((b) => [b.start, b.total])));
  const from = starts[0] ?? 0;
  const to = starts.length > 0 ? binEnd(starts.at(-1)!, bin, timeZone) : 1;
  const tags = f.list(series.map((s) => `#${s.tag}`));

  const title = m.comparisonTitle(tags, bin);
  const description = describe();
  const table = {
    columns: [m.zoneLabel(m.date, timeZone), ...series.map((s) => `#${s.tag}`)],
    rows: starts.map((start) => [formatBin(start, bin, locale, timeZone), ...totalsAt.map((t) => t.get(start) ?? 0)]),
  };
  const data = starts.map((start) => ({
    start: new Date(start).toISOString(),
    ...Object.fromEntries(series.map((s, i) => [`#${s.tag}`, totalsAt[i]!.get(start) ?? 0])),
  }));

  const key = legend(series.map((s, i) => ({ label: `#${s.tag}`, colour: seriesColour(i), dash: seriesDasharray(i) })), marginLeft);
  // Points sit mid-bin so a day's value lines up with its centred tick.
  const points = series.flatMap((s, i) => s.bins.map((b) => ({ series: i, x: (b.start + binEnd(b.start, bin, timeZone)) / 2, y: b.total })));
  const ticks = timeTicks(starts, bin, locale, timeZone);
  const max = Math.max(1, ...points.map((p) => p.y));
  const svg = plot({
    height: 280 + key.height,
    marginLeft,
    marginTop: 24,
    marginBottom: 44 + key.height,
    x: timeAxis([from, to], ticks, m.zoneLabel(m.date, timeZone)),
    y: { domain: [0, max], nice: true, ticks: 4, grid: true, tickFormat: f.number, label: m.count, labelArrow: 'none' },
    marks: [
      Plot.ruleY([0]),
      ...series.map((_, i) => Plot.lineY(points.filter((p) => p.series === i), {
        x: 'x', y: 'y', stroke: seriesColour(i), strokeWidth: 2, strokeDasharray: seriesDasharray(i),
      })),
    ],
  });
  key.draw(svg, Number(svg.getAttribute('height')));
  return { svg: finishSvg(svg, input.id, title, description, 'hashtag-comparison'), title, description, table, data };

  function describe(): string {
    if (starts.length === 0) return `${title}. ${m.noData}`;
    const parts = [m.comparisonIntro(tags, bin, timeZone, formatDayRange(from, to - 1, locale, timeZone))];
    for (const s of series) {
      const total = s.bins.reduce((sum, b) => sum + b.total, 0);
      const peak = Math.max(0, ...s.bins.map((b) => b.total));
      const at = s.bins.filter((b) => b.total === peak).map((b) => formatBin(b.start, bin, locale, timeZone));
      parts.push(m.comparisonPeak(s.tag, f.posts(total), f.list(at), f.posts(peak)));
    }
    return parts.join(' ');
  }
}
