/**
 * When an account with few posts posted: one dot per post on a time axis over the case period, dots in
 * that would overlap stacked. A 7 x 24 heatmap of a handful of posts is mostly empty cells and says nothing.
 */
import { s } from 'hastscript';
import { localeFormat } from '../locale/messages.ts';
import { num, writeSvg } from './svg-writer.ts';
import { cssVar, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { binBefore, binEnd, formatInstant, timeTicks } from './zone.ts';

export interface ActivityStripInput {
  id: string;
  /** The account's name or handle, untrusted. */
  label: string;
  /** Post times, epoch ms, in order. */
  times: number[];
  /** The case period: first local midnight and the midnight after its last day. */
  period: [number, number];
  timeZone: string;
  locale: string;
}

const radius = 5;

export function activityStrip(input: ActivityStripInput): ChartOutput {
  const { times, timeZone, locale } = input;
  const f = localeFormat(locale);
  const { t } = f;
  const title = t('chart.stripTitle', { label: input.label });
  const when = times.map((t) => formatInstant(t, locale, timeZone));
  const description = t('chart.stripIntro', { label: input.label, timeZone, total: f.posts(times.length), times: f.list(when) });
  const table = { columns: ['#', t('chart.zoneLabel', { what: t('chart.time'), timeZone })], rows: when.map((w, i) => [i + 1, w]) };
  const data = times.map((t, i) => ({ n: i + 1, time: new Date(t).toISOString() }));
  if (times.length === 0) return { svg: { narrow: '', wide: '' }, unavailable: t('chart.heatmapEmpty', { label: input.label }), title, description, table, data };

  // Local midnights from the period's first (or an earlier one, for posts before it) past its end.
  let from = input.period[0];
  while (from > times[0]!) from = binBefore(from, 'day', timeZone);
  const days = [from];
  while (days.at(-1)! < Math.max(input.period[1], times.at(-1)! + 1)) days.push(binEnd(days.at(-1)!, 'day', timeZone));
  const to = days.pop()!;
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const left = narrow ? 8 : 16;
    const right = layout.width - (narrow ? 8 : 16);
    const x = (t: number) => left + ((t - from) / (to - from)) * (right - left);
    // A dot that would overlap an earlier one goes up a level, to the lowest level with room.
    const rightmost: number[] = [];
    const dots = times.map((t) => {
      const cx = x(t);
      let level = rightmost.findIndex((edge) => edge <= cx - 2 * radius - 1);
      if (level < 0) level = rightmost.length;
      rightmost[level] = cx;
      return { cx, level };
    });
    const levels = rightmost.length;
    const base = 8 + levels * radius * 2 + 4;
    const ticks = timeTicks(days, 'day', locale, timeZone, narrow ? 4 : 7);
    const dayLines = days.map((d) => `M${num(x(d))},4V${base}`).join('');
    const body = [
      s('path', { fill: 'none', style: `stroke:${cssVar.muted}`, 'stroke-opacity': '0.4', d: dayLines }),
      s('path', { fill: 'none', stroke: 'currentColor', d: `M${left},${base}H${right}${[...ticks.keys()].map((t) => `M${num(x(t))},${base}v6`).join('')}` }),
      ...[...ticks].map(([t, label]) => s('text', { x: num(x(t)), y: base + 9, dy: '0.71em' }, label)),
      s('text', { x: num((left + right) / 2), y: base + 40 }, t('chart.zoneLabel', { what: t('chart.date'), timeZone })),
      s('g', { style: `fill:${seriesColour(0)};stroke:${cssVar.background}` }, dots.map((d) => s('circle', { cx: num(d.cx), cy: num(base - radius - 2 - d.level * radius * 2), r: radius }))),
    ];
    return writeSvg({ id: input.id, kind: 'activity-strip', layout, title, description, height: base + 48 }, body);
  }
}
