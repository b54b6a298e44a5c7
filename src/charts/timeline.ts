/** Posts per day or hour under one hashtag, stacked by kind, with marked events and the peak labelled. */
import * as Plot from '@observablehq/plot';
import type { Bin } from '../aggregate/model.ts';
import type { PostKind } from '../schema/index.ts';
import { legend } from './legend.ts';
import { formatters } from './messages.ts';
import { finishSvg, plot } from './svg.ts';
import { cssVar, fontSize, seriesColour } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { binEnd, formatBin, formatDayRange, timeAxis, timeTicks } from './zone.ts';

export interface TimelineInput {
  id: string;
  tag: string;
  bins: Bin[];
  bin: 'day' | 'hour';
  events: { time: number; label: string }[];
  peak: { starts: number[]; labels: string[]; value: number };
  timeZone: string;
  locale: string;
}

const kinds: PostKind[] = ['post', 'repost', 'quote', 'reply'];

const marginLeft = 56;

export function timelineChart(input: TimelineInput): ChartOutput {
  const { bins, bin, timeZone, locale } = input;
  const f = formatters(locale);
  const { m } = f;
  const spans = bins.map((b) => ({ bin: b, end: binEnd(b.start, bin, timeZone) }));
  const from = bins[0]?.start ?? 0;
  const to = spans.at(-1)?.end ?? 1;
  const events = input.events.filter((e) => e.time >= from && e.time <= to).sort((a, b) => a.time - b.time);
  const totals = Object.fromEntries(kinds.map((k) => [k, bins.reduce((sum, b) => sum + b.byKind[k], 0)])) as Record<PostKind, number>;
  const total = bins.reduce((sum, b) => sum + b.total, 0);

  const title = m.timelineTitle(input.tag, bin);
  const description = describe();
  const table = {
    columns: [m.zoneLabel(m.date, timeZone), ...kinds.map((k) => m.kinds[k]), m.total],
    rows: bins.map((b) => [formatBin(b.start, bin, locale, timeZone), ...kinds.map((k) => b.byKind[k]), b.total]),
  };
  const data = bins.map((b) => ({
    start: new Date(b.start).toISOString(),
    label: b.label,
    ...Object.fromEntries(kinds.map((k) => [k, b.byKind[k]])),
    total: b.total,
  }));

  const key = legend(kinds.filter((k) => totals[k] > 0).map((k) => ({ label: m.kinds[k], colour: seriesColour(kinds.indexOf(k)) })), marginLeft);
  const ticks = timeTicks(bins.map((b) => b.start), bin, locale, timeZone);
  const maxTotal = Math.max(1, ...bins.map((b) => b.total));
  const svg = plot({
    height: 300 + key.height,
    marginLeft,
    marginTop: 24,
    marginBottom: 44 + key.height,
    x: timeAxis([from, to], ticks, m.zoneLabel(m.date, timeZone)),
    // Headroom above the tallest bar for the peak label.
    y: { domain: [0, maxTotal * 1.15], nice: true, ticks: 4, grid: true, tickFormat: f.number, label: m.count, labelArrow: 'none' },
    color: { domain: kinds, range: kinds.map((_, i) => seriesColour(i)) },
    marks: [
      Plot.rectY(
        spans.flatMap(({ bin: b, end }) => kinds.filter((k) => b.byKind[k] > 0).map((kind) => ({ start: b.start, end, kind, value: b.byKind[kind] }))),
        { x1: 'start', x2: 'end', y: 'value', fill: 'kind', insetLeft: bin === 'day' ? 2 : 0, insetRight: bin === 'day' ? 2 : 0 },
      ),
      Plot.ruleY([0]),
      ...events.flatMap((e, i) => [
        Plot.ruleX([e.time], { stroke: cssVar.muted, strokeDasharray: '4 3' }),
        // Labels in the right half run leftwards so they stay inside the chart.
        Plot.text([e], {
          x: 'time', text: 'label', frameAnchor: 'top', dy: 4 + i * (fontSize + 4),
          ...(e.time > (from + to) / 2 ? { textAnchor: 'end', dx: -4 } : { textAnchor: 'start', dx: 4 }),
          fill: 'currentColor', stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke',
        }),
      ]),
      Plot.text(
        input.peak.starts.map((start) => ({ x: (start + binEnd(start, bin, timeZone)) / 2, y: input.peak.value })),
        {
          x: 'x', y: 'y', text: () => m.peakLabel(f.number(input.peak.value)), dy: -8, lineAnchor: 'bottom',
          fill: cssVar.accent, fontWeight: 'bold', stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke',
        },
      ),
    ],
  });
  key.draw(svg, Number(svg.getAttribute('height')));
  return { svg: finishSvg(svg, input.id, title, description, 'timeline'), title, description, table, data };

  function describe(): string {
    if (bins.length === 0) return `${title}. ${m.noData}`;
    const range = formatDayRange(from, to - 1, locale, timeZone);
    const parts = [m.timelineIntro(input.tag, bin, timeZone, range, f.posts(total))];
    if (input.peak.starts.length > 0) {
      parts.push(m.peak(f.list(input.peak.starts.map((s) => formatBin(s, bin, locale, timeZone))), f.posts(input.peak.value)));
    }
    const present = kinds.filter((k) => totals[k] > 0);
    if (present.length > 1) parts.push(m.byKind(f.list(present.map((k) => `${f.number(totals[k])} ${m.kinds[k].toLocaleLowerCase(locale)}`))));
    if (events.length > 0) parts.push(m.events(f.list(events.map((e) => `${e.label} (${formatBin(e.time, bin, locale, timeZone)})`))));
    return parts.join(' ');
  }
}
