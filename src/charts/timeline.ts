/**
 * Posts per day or hour under one hashtag, stacked by kind, with marked events and the peak labelled.
 * The axis starts one bin before the case period, so a campaign that starts or peaks on the first day
 * is seen rising from nothing.
 */
import type { TextOptions } from '@observablehq/plot';
import { Plot } from './drawing.ts';
import type { Bin } from '../aggregate/model.ts';
import type { PostKind } from '../schema/index.ts';
import { eventMarks } from './events.ts';
import { nice } from 'd3-array';
import { legend } from './legend.ts';
import { stackLabels, type StackLabel } from './stack-labels.ts';
import { localeFormat } from '../locale/messages.ts';
import { finishSvg, plot } from './svg.ts';
import { summariseByDay } from './table-size.ts';
import { charWidth, cssVar, fontSize, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { binBefore, binEnd, formatBin, formatDayRange, timeAxis, timeTicks } from './zone.ts';
import { binOption, chartKind, hashtagOption, isChartProblem } from './kind.ts';

export interface TimelineInput {
  id: string;
  tag: string;
  bins: Bin[];
  /** The bin before the period, counted like the others: drawn faded in the shaded lead-in, left out of the table and totals. */
  leadIn?: Bin;
  bin: 'day' | 'hour';
  events: { time: number; label: string }[];
  peak: { starts: number[]; labels: string[]; value: number };
  timeZone: string;
  locale: string;
}

const kinds: PostKind[] = ['post', 'repost', 'quote', 'reply'];

export function timelineChart(input: TimelineInput): ChartOutput {
  const { bins, bin, timeZone, locale } = input;
  const f = localeFormat(locale);
  const { t } = f;
  const spans = bins.map((b) => ({ bin: b, end: binEnd(b.start, bin, timeZone) }));
  const from = bins[0]?.start ?? 0;
  const to = spans.at(-1)?.end ?? 1;
  const leadIn = bins.length > 0 ? binBefore(from, bin, timeZone) : 0;
  // Only a lead-in that ends where the period starts is drawn: the model's bin, or none.
  const before = input.leadIn && input.leadIn.start === leadIn && input.leadIn.total > 0 ? input.leadIn : undefined;
  const events = input.events.filter((e) => e.time >= leadIn && e.time <= to).sort((a, b) => a.time - b.time);
  const totals = Object.fromEntries(kinds.map((k) => [k, bins.reduce((sum, b) => sum + b.byKind[k], 0)])) as Record<PostKind, number>;
  const total = bins.reduce((sum, b) => sum + b.total, 0);

  const title = t('chart.timelineTitle', { tag: input.tag, bin });
  const description = describe();
  const data = bins.map((b) => ({
    start: new Date(b.start).toISOString(),
    label: b.label,
    ...Object.fromEntries(kinds.map((k) => [k, b.byKind[k]])),
    total: b.total,
  }));
  const table = summariseByDay(
    { columns: [t('chart.zoneLabel', { what: t('chart.date'), timeZone }), ...kinds.map((kind) => t('chart.kinds', { kind })), t('chart.total')], rows: bins.map((b) => [formatBin(b.start, bin, locale, timeZone), ...kinds.map((k) => b.byKind[k]), b.total]) },
    bins.map((b) => b.label.slice(0, 10)),
    (day) => formatBin(bins.find((b) => b.label.startsWith(day))!.start, 'day', locale, timeZone),
    t('chart.tableByDay', { rows: f.number(bins.length) }),
  );
  if (total === 0) {
    return { svg: { narrow: '', wide: '' }, unavailable: t('chart.timelineEmpty', { tag: input.tag }), title, description, table, data };
  }
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const marginLeft = narrow ? 36 : 48;
    const marginRight = narrow ? 8 : 16;
    const x = (t: number) => marginLeft + ((t - leadIn) / (to - leadIn)) * (layout.width - marginLeft - marginRight);
    const maxTotal = Math.max(1, before?.total ?? 0, ...bins.map((b) => b.total));
    // The y domain worked out here, as Plot would, so labels can be placed at their values.
    const yTop = nice(0, maxTotal * 1.15, 4)[1];
    const { band: eventBand, marks: eventMarksDrawn } = eventMarks(events, [leadIn, to], layout, marginLeft, marginRight, maxTotal * 1.15);
    const height = (narrow ? 240 : 280) + eventBand;
    const marginTop = 24 + eventBand;
    const marginBottom = 44;
    const py = (v: number) => marginTop + (1 - v / yTop) * (height - marginTop - marginBottom);
    const binWidth = (layout.width - marginLeft - marginRight) / (bins.length + 1);
    const peakText = t('chart.peakLabel', { value: f.number(input.peak.value), count: input.peak.starts.length });
    const peakLabel = peakPlace(input.peak.starts.map((start) => (start + binEnd(start, bin, timeZone)) / 2), x, peakText.length * charWidth * 1.1);
    // Near an edge the peak's label runs inwards, so it stays inside the drawing.
    const peakAnchor = (mid: number) => {
      const side = (x(mid) - marginLeft) / (layout.width - marginLeft - marginRight);
      return side < 0.25 ? { textAnchor: 'start', dx: -binWidth / 2 } : side > 0.75 ? { textAnchor: 'end', dx: binWidth / 2 } : { textAnchor: 'middle', dx: 0 };
    };
    // Where the peak's label lies (bold, so a little wider than the average advance), for the kinds' names to keep clear of.
    function peakBoxes() {
      if (peakLabel === undefined) return [];
      const w = peakText.length * charWidth * 1.1;
      const { textAnchor, dx } = peakAnchor(peakLabel);
      const at = x(peakLabel) + dx;
      const [x1, x2] = textAnchor === 'start' ? [at, at + w] : textAnchor === 'end' ? [at - w, at] : [at - w / 2, at + w / 2];
      return [{ x1, x2, y1: py(input.peak.value) - 8 - fontSize - 2, y2: py(input.peak.value) - 8 }];
    }
    const names = stackLabels(
      spans.map(({ bin: b, end }) => ({ x1: x(b.start), x2: x(end), values: kinds.map((k) => b.byKind[k]) })),
      kinds.map((k) => totals[k]),
      kinds.map((kind) => t('chart.kinds', { kind })),
      py,
      [marginTop, height - marginBottom],
      [marginLeft, layout.width - 2],
      [...peakBoxes(), ...(before ? [{ x1: x(leadIn), x2: x(from), y1: py(before.total), y2: height - marginBottom }] : [])],
    );
    // Without a bar that holds every kind, a key below the axis names them.
    const key = names ? undefined : legend(kinds.filter((k) => totals[k] > 0).map((k) => ({ label: t('chart.kinds', { kind: k }), colour: seriesColour(kinds.indexOf(k)) })), narrow ? 8 : marginLeft, layout.width);
    const tx = (px: number) => leadIn + ((px - marginLeft) / (layout.width - marginLeft - marginRight)) * (to - leadIn);
    const ty = (px: number) => (1 - (px - marginTop) / (height - marginTop - marginBottom)) * yTop;
    const ticks = timeTicks([leadIn, ...bins.map((b) => b.start)], bin, locale, timeZone, narrow ? 4 : 7);
    // Separators between stacked kinds only where bars are wide enough to keep some colour.
    const separator = binWidth >= 4 ? { stroke: cssVar.background, strokeWidth: 1 } : {};
    const inset = bin === 'day' ? (narrow ? 1 : 2) : 0;
    const svg = plot({
      height: height + (key?.height ?? 0),
      marginLeft,
      marginRight,
      marginTop,
      marginBottom: marginBottom + (key?.height ?? 0),
      x: timeAxis([leadIn, to], ticks, t('chart.zoneLabel', { what: t('chart.date'), timeZone })),
      // Headroom above the tallest bar for the peak label.
      y: { domain: [0, yTop], ticks: 4, grid: true, tickFormat: f.number, label: t('chart.count'), labelArrow: 'none' },
      color: { domain: kinds, range: kinds.map((_, i) => seriesColour(i)) },
      marks: [
        // The bin before the period: shaded, as its posts are outside what the case counts.
        Plot.rect([{ x1: leadIn, x2: from }], { x1: 'x1', x2: 'x2', fill: cssVar.muted, fillOpacity: 0.1 }),
        // Its posts, faded: there, but not what the case counts.
        ...(before ? [Plot.rectY(
          kinds.filter((k) => before.byKind[k] > 0).map((kind) => ({ start: leadIn, end: from, kind, value: before.byKind[kind] })),
          { x1: 'start', x2: 'end', y: 'value', fill: 'kind', fillOpacity: 0.45, insetLeft: inset, insetRight: inset, ...separator },
        )] : []),
        Plot.rectY(
          spans.flatMap(({ bin: b, end }) => kinds.filter((k) => b.byKind[k] > 0).map((kind) => ({ start: b.start, end, kind, value: b.byKind[kind] }))),
          { x1: 'start', x2: 'end', y: 'value', fill: 'kind', insetLeft: inset, insetRight: inset, ...separator },
        ),
        Plot.ruleY([0]),
        ...eventMarksDrawn,
        ...(names ? [
          Plot.link(names, { x1: (l: StackLabel) => tx(l.from.x), y1: (l: StackLabel) => ty(l.from.y), x2: (l: StackLabel) => tx(l.at.x + (l.anchor === 'start' ? -2 : 2)), y2: (l: StackLabel) => ty(l.at.y), stroke: 'currentColor', strokeWidth: 1 }),
          Plot.text(names, {
            x: (l: StackLabel) => tx(l.at.x), y: (l: StackLabel) => ty(l.at.y), text: (l: StackLabel) => t('chart.kinds', { kind: kinds[l.index]! }),
            textAnchor: names[0]!.anchor, lineAnchor: 'middle', fill: 'currentColor', stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke',
          } as TextOptions),
        ] : []),
        ...(peakLabel === undefined ? [] : [Plot.text([{ x: peakLabel, y: input.peak.value }], {
          x: 'x', y: 'y', text: () => peakText, dy: -8, lineAnchor: 'bottom', ...peakAnchor(peakLabel),
          fill: cssVar.accent, fontWeight: 'bold', stroke: cssVar.background, strokeWidth: 3, paintOrder: 'stroke',
        } as TextOptions)]),
      ],
    }, layout);
    key?.draw(svg, Number(svg.getAttribute('height')));
    return finishSvg(svg, input.id, title, description, 'timeline', layout);
  }

  function describe(): string {
    if (bins.length === 0) return `${title}. ${t('chart.noData')}`;
    const range = formatDayRange(from, to - 1, locale, timeZone);
    const parts = [t('chart.timelineIntro', { tag: input.tag, bin, timeZone, range, total: f.posts(total) })];
    if (input.peak.starts.length > 0) {
      // Each tied peak's time is worded on its own ("le 16 mai … et le 17 mai …" in French), then listed.
      const when = f.list(input.peak.starts.map((s) => t('chart.peakWhen', { when: formatBin(s, bin, locale, timeZone) })));
      parts.push(t('chart.peak', { when, value: f.posts(input.peak.value) }));
    }
    const present = kinds.filter((k) => totals[k] > 0);
    if (present.length > 1) parts.push(t('chart.byKind', { list: f.list(present.map((kind) => t('chart.kindCount', { count: totals[kind], kind }))) }));
    if (before) parts.push(t('chart.leadIn', { when: formatBin(before.start, bin, locale, timeZone), posts: f.posts(before.total) }));
    if (events.length > 0) parts.push(t('chart.events', { list: f.list(events.map((e) => `${e.label} (${formatBin(e.time, bin, locale, timeZone)})`)) }));
    return parts.join(' ');
  }
}

/**
 * Where the one peak label goes (a time), given the middles of the tied peak bins: over the middle of them
 * when they lie within a label's width of each other (adjacent hours), so the label stands for all of them;
 * over the first otherwise, its plural and the description saying there are others. None without a peak.
 */
export function peakPlace(mids: readonly number[], x: (time: number) => number, labelWidth: number): number | undefined {
  if (mids.length === 0) return undefined;
  const first = Math.min(...mids);
  const last = Math.max(...mids);
  return x(last) - x(first) <= labelWidth ? (first + last) / 2 : first;
}

/** `::chart{kind=timeline hashtag=… bin=day|hour}`: one hashtag's posts per bin. */
export const timelineKind = chartKind({
  kind: 'timeline',
  options: { hashtag: hashtagOption, bin: binOption },
  id: (o) => [o.hashtag, o.bin],
  canonical: (o, tag) => ({ ...o, hashtag: tag(o.hashtag) }),
  build(o, id, { timeline, events, timeZone, locale }) {
    const tl = timeline(o.hashtag);
    if (isChartProblem(tl)) return { problem: tl };
    const peak = o.bin === 'day' ? tl.peakDay : tl.peakHour;
    return { draw: () => timelineChart({ id, tag: tl.tag, bins: tl[o.bin], leadIn: tl.leadIn[o.bin], bin: o.bin, events, peak, timeZone, locale }) };
  },
});
