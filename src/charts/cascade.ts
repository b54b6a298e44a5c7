/** How one post spread: cumulative reposts and quotes over the time since it was posted, as a step line. */
import { Plot } from './drawing.ts';
import { localeFormat } from '../locale/messages.ts';
import { finishSvg, plot } from './svg.ts';
import { layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { formatInstant } from './zone.ts';
import { chartKind, textOption } from './kind.ts';

export interface CascadeInput {
  id: string;
  /** The root post's author, untrusted. */
  rootLabel: string;
  rootTime: number;
  amplifiers: { time: number }[];
  timeZone: string;
  locale: string;
}

type Unit = 'minute' | 'hour' | 'day';
const unitMs: Record<Unit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** The coarsest unit that still gives the x axis a few whole steps. */
function unitFor(span: number): Unit {
  if (span <= 3 * unitMs.hour) return 'minute';
  if (span <= 3 * unitMs.day) return 'hour';
  return 'day';
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function cascadeChart(input: CascadeInput): ChartOutput {
  const { rootTime, timeZone, locale } = input;
  const f = localeFormat(locale);
  const { t } = f;
  const times = input.amplifiers.map((a) => a.time).sort((a, b) => a - b);
  const unit = unitFor((times.at(-1) ?? rootTime) - rootTime);
  const points = [rootTime, ...times].map((time, i) => ({ time, elapsed: round2((time - rootTime) / unitMs[unit]), cumulative: i }));

  const title = t('chart.cascadeTitle', { root: input.rootLabel });
  const description = describe();
  const elapsedLabel = t('chart.sinceRoot', { unit });
  const table = {
    columns: ['#', t('chart.zoneLabel', { what: t('chart.time'), timeZone }), elapsedLabel, t('chart.cumulative')],
    rows: points.map((p, i) => [i, formatInstant(p.time, locale, timeZone), p.elapsed, p.cumulative]),
  };
  const data = points.map((p, i) => ({ n: i, time: new Date(p.time).toISOString(), [`${unit}sSinceRoot`]: p.elapsed, cumulative: p.cumulative }));

  if (times.length === 0) {
    return { svg: { narrow: '', wide: '' }, unavailable: t('chart.cascadeNone'), title, description, table, data };
  }
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const svg = plot({
      height: narrow ? 240 : 280,
      marginLeft: narrow ? 40 : 56,
      marginRight: narrow ? 12 : 20,
      marginTop: 24,
      marginBottom: 44,
      x: { domain: [0, Math.max(1, points.at(-1)!.elapsed)], nice: true, ticks: narrow ? 3 : 5, tickFormat: f.number, label: elapsedLabel, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: [0, Math.max(1, times.length)], nice: true, ticks: 4, grid: true, tickFormat: f.number, label: t('chart.cumulative'), labelArrow: 'none' },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points, { x: 'elapsed', y: 'cumulative', curve: 'step-after', stroke: seriesColour(0), strokeWidth: 2 }),
        Plot.dot(points.slice(0, 1), { x: 'elapsed', y: 'cumulative', r: 4, fill: seriesColour(0) }),
      ],
    }, layout);
    return finishSvg(svg, input.id, title, description, 'cascade', layout);
  }

  function describe(): string {
    const intro = t('chart.cascadeIntro', { root: input.rootLabel, when: formatInstant(rootTime, locale, timeZone), timeZone });
    if (times.length === 0) return `${intro} ${t('chart.cascadeNone')}`;
    const half = times[Math.ceil(times.length / 2) - 1]!;
    return `${intro} ${t('chart.cascadeReached', { size: f.number(times.length), span: duration(times.at(-1)! - rootTime), first: duration(times[0]! - rootTime), half: duration(half - rootTime) })}`;
  }

  /** A span in the largest unit that keeps it at least 1, to one decimal: "2.5 hours", "2,5 heures". */
  function duration(ms: number): string {
    const [value, name] = ms < unitMs.minute ? [ms / 1000, 'second']
      : ms < unitMs.hour ? [ms / unitMs.minute, 'minute']
      : ms < 2 * unitMs.day ? [ms / unitMs.hour, 'hour']
      : [ms / unitMs.day, 'day'];
    return new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
  }
}

/** `::chart{kind=cascade post=…}`: how one post was reposted and quoted. */
export const cascadeKind = chartKind({
  kind: 'cascade',
  options: { post: textOption('the id of the root post') },
  id: (o) => ({ fileSafe: o.post }),
  postIds: (o) => [o.post],
  build(o, id, { model, label, timeZone, locale }) {
    const cascade = model.cascades.find((c) => c.rootId === o.post);
    if (!cascade) {
      return {
        problem: {
          ruleId: 'reference/post',
          message: `Unexpected post \`${o.post}\`, expected the root of a cascade (a post reposted or quoted in the dataset).`,
          actual: o.post,
          hint: 'Check the id against the dataset, or show this post with ::post{id=…} instead.',
        },
      };
    }
    return {
      draw: () => cascadeChart({ id, rootLabel: label(cascade.rootAuthorId), rootTime: cascade.rootTime, amplifiers: cascade.amplifiers, timeZone, locale }),
    };
  },
});
