/**
 * A synchrony strip of one coordination cluster: time across, one row per account, a mark for each post
 * the account made on an item it shared with the cluster. Posts on one item line up across the rows,
 * which is what acting together looks like. The four items most accounts shared get the four series
 * colours, each with its own shape so colour is never the only cue; every other item is grey, and the
 * key and the description say so.
 */
import { Plot } from './drawing.ts';
import type { ClusterItem, CoordinationCluster } from '../aggregate/coordination/types.ts';
import { byDegree, clusterOf, clusterOption, fitLabel, formatSecond, instantTicks } from './coordination.ts';
import { chartKind } from './kind.ts';
import { legend } from './legend.ts';
import { localeFormat } from '../locale/messages.ts';
import { finishSvg, plot } from './svg.ts';
import { cssVar, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { maxTableCells } from './table-size.ts';

/** Items drawn in colour: as many as the palette has colours that stay apart for every reader. */
export const COLOURED_ITEMS = 4;
/** Shapes paired with the colours, in the same order. */
export const ITEM_SYMBOLS = ['circle', 'square', 'triangle', 'diamond'] as const;
/**
 * Opacity of the grey marks: lighter than every series colour on the light and print backgrounds and
 * darker on the dark one, so grey never passes for a coloured item (coordination-charts.test.ts).
 */
export const GREY_OPACITY = 0.55;
/** The radius of the marks of the k-th coloured item (0-based): from 6.5 px down by 1 px an item (7 px wide). */
export function itemRadius(k: number, layout: Layout): number {
  return (layout.name === 'narrow' ? 6.5 : 7) - k;
}
/** Rows drawn at most; a taller strip stops being one picture on a phone. */
export const MAX_ROWS = 60;

export interface SynchronyInput {
  id: string;
  /** The cluster's number in the cluster table. */
  n: number;
  cluster: CoordinationCluster;
  /** Seconds: the window the ties were found with. */
  window: number;
  /** Reader-facing label of an account (pseudonymised where it must be), untrusted. */
  label(accountId: string): string;
  timeZone: string;
  locale: string;
}

export function synchronyChart(input: SynchronyInput): ChartOutput {
  const { cluster, timeZone, locale, label } = input;
  const f = localeFormat(locale);
  const { t } = f;
  const n = f.number(input.n);
  const accounts = byDegree(cluster);
  const shown = accounts.slice(0, MAX_ROWS);
  const row = new Map(shown.map((a, i) => [a.accountId, i]));
  const names = shown.map((a) => label(a.accountId));
  const marks = cluster.actions.filter((a) => row.has(a.accountId));
  const coloured = cluster.items.slice(0, COLOURED_ITEMS);
  const others = cluster.items.length - coloured.length;
  const what = (item: ClusterItem): string =>
    (item.signal === 'repost' || item.signal === 'reply') && item.itemAuthorId !== undefined
      ? t('chart.coordPostBy', { signal: item.signal, author: label(item.itemAuthorId) })
      : t('chart.coordSignal', { signal: item.signal });

  const title = t('chart.synchronyTitle', { n });
  const description = [
    t('chart.synchronyIntro', { n, accounts: f.number(accounts.length), posts: f.posts(cluster.actions.length), items: f.number(cluster.items.length), window: f.number(input.window), timeZone }),
    // Semicolons between items (the language's, French spaced): each already holds commas.
    t('chart.synchronyColoured', { list: coloured.map((item, k) => t('chart.synchronyItem', { n: f.number(k + 1), what: what(item), accounts: f.number(item.accounts), first: formatSecond(item.first, locale, timeZone) })).join(t('chart.pairSeparator')) }),
    ...(others > 0 ? [t('chart.synchronyOthers', { n: f.number(others), count: others })] : []),
    ...(accounts.length > shown.length ? [t('chart.synchronyRows', { shown: f.number(shown.length), total: f.number(accounts.length) })] : []),
  ].join(' ');

  const columns = [t('chart.item'), t('chart.shared'), t('chart.accounts'), t('chart.count'), t('chart.zoneLabel', { what: t('chart.firstPost'), timeZone })];
  const rows = cluster.items.map((item, k) => [k + 1, what(item), item.accounts, item.posts, formatSecond(item.first, locale, timeZone)]);
  const limit = Math.floor(maxTableCells / columns.length);
  const table = {
    columns,
    rows: rows.slice(0, limit),
    note: [...(rows.length > limit ? [t('chart.firstItems', { shown: f.number(limit), total: f.number(rows.length) })] : []), t('chart.synchronyTable', { rows: f.number(cluster.actions.length) })].join(' '),
  };
  const data = cluster.actions.map((a) => {
    const item = cluster.items[a.item]!;
    return { time: new Date(a.time).toISOString(), account: label(a.accountId), item: a.item + 1, shared: item.signal, coloured: a.item < COLOURED_ITEMS ? 'yes' : 'no' };
  });
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    // Room for a pseudonym such as @user_937c35 whole, so rows can be matched with the cluster's table.
    const marginLeft = narrow ? 104 : 150;
    const marginRight = narrow ? 10 : 20;
    const step = narrow ? 18 : 20;
    const first = Math.min(...marks.map((a) => a.time));
    const last = Math.max(...marks.map((a) => a.time));
    // A little room either side, so marks at the ends are whole; at least a minute, for a single instant.
    const pad = Math.max(30_000, (last - first) * 0.03);
    const domain: [number, number] = [first - pad, last + pad];
    const { ticks, span } = instantTicks(domain[0], domain[1], locale, timeZone, narrow ? 4 : 7);
    const key = legend(
      [
        ...coloured.map((item, k) => ({ label: `${f.number(k + 1)} · ${t('chart.coordSignal', { signal: item.signal })}`, colour: seriesColour(k), symbol: ITEM_SYMBOLS[k]! })),
        ...(others > 0 ? [{ label: t('chart.synchronyOtherKey', { n: f.number(others) }), colour: cssVar.muted, opacity: GREY_OPACITY, symbol: 'circle' as const }] : []),
      ],
      8,
      layout.width - marginRight,
    );
    // On a phone the days and the zone's name take a line each: together they outrun 360 px in French.
    const axisLabel = narrow ? `${span}\n${t('md.zone', { timeZone }).trim()}` : t('chart.zoneLabel', { what: span, timeZone });
    const marginBottom = 48 + (narrow ? 12 : 0) + key.height + 6;
    const height = 8 + shown.length * step + marginBottom;
    const grey = marks.filter((a) => a.item >= COLOURED_ITEMS);
    const svg = plot({
      height,
      marginLeft,
      marginRight,
      marginTop: 8,
      marginBottom,
      x: {
        type: 'linear',
        domain,
        ticks: [...ticks.keys()],
        tickFormat: (t: number) => ticks.get(t) ?? '',
        label: null,
      },
      y: { type: 'band', domain: shown.map((_, i) => i), tickFormat: (i: number) => fitLabel(names[i]!, marginLeft - 12), tickSize: 0, label: null, padding: 0 },
      marks: [
        // The axis's label centred under the whole drawing rather than the plot, whose wide left margin of
        // names would push a long date range and zone past the right edge on a phone.
        Plot.text([axisLabel], {
          frameAnchor: 'bottom', lineAnchor: 'bottom', dy: narrow ? 48 : 36, dx: (marginRight - marginLeft) / 2, fill: 'currentColor',
        }),
        // A faint line per account, so a row can be followed across.
        Plot.ruleY(shown.map((_, i) => i), { y: (i: number) => i, stroke: cssVar.muted, strokeOpacity: 0.35 }),
        Plot.dot(grey, { x: 'time', y: (a: { accountId: string }) => row.get(a.accountId), r: 2.5, fill: cssVar.muted, fillOpacity: GREY_OPACITY }),
        ...coloured.map((_, k) =>
          Plot.dot(marks.filter((a) => a.item === k), {
            x: 'time',
            y: (a: { accountId: string }) => row.get(a.accountId),
            // Every mark sits on its account's row; items posted minutes apart fall on one spot at a scale of
            // days, so each coloured item is drawn a size smaller than the one before, over it, and nests inside it.
            r: itemRadius(k, layout),
            symbol: ITEM_SYMBOLS[k],
            fill: seriesColour(k),
            stroke: cssVar.background,
            strokeWidth: 0.75,
          })),
      ],
    }, layout);
    key.draw(svg, height);
    return finishSvg(svg, input.id, title, description, 'synchrony', layout);
  }
}

/** `::chart{kind=synchrony cluster=…}`: when the accounts of one coordination cluster posted what they shared. */
export const synchronyKind = chartKind({
  kind: 'synchrony',
  basis: 'coordination',
  options: { cluster: clusterOption },
  id: (o) => [o.cluster],
  build(o, id, query) {
    const found = clusterOf(query, o.cluster);
    if ('ruleId' in found) return { problem: found };
    const { result, cluster } = found;
    return { draw: () => synchronyChart({ id, n: o.cluster, cluster, window: result.params.window, label: query.label, timeZone: query.timeZone, locale: query.locale }) };
  },
});

