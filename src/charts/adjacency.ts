/**
 * The ties of one coordination cluster as a grid: its accounts in the same order down and across (most
 * ties first), a cell where two are tied, darker for more shared items. Up to MAX_ACCOUNTS accounts;
 * a larger cluster's cells would be too small to read on a phone, so it gets the table of ties alone
 * and a sentence saying why. Accounts carry numbers, which the table repeats, because a phone has
 * no room for names across the top.
 */
import type { CoordinationCluster, CoordinationResult } from '../aggregate/coordination/types.ts';
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { byDegree, clusterOf, clusterOption, fitLabel, tiesAmong } from './coordination.ts';
import { chartKind } from './kind.ts';
import { localeFormat } from '../locale/messages.ts';
import { bands, num, writeSvg } from './svg-writer.ts';
import { charWidth, cssVar, fontSize, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { maxTableCells } from './table-size.ts';

/** Clusters up to this many accounts are drawn as a grid. */
export const MAX_ACCOUNTS = 60;
/** Lightest shade of a tie, so the weakest still shows against empty cells. */
const minOpacity = 0.2;
/** A row needs this much height for a label of its own. */
const labelRow = fontSize + 2;

export interface AdjacencyInput {
  id: string;
  n: number;
  cluster: CoordinationCluster;
  result: CoordinationResult;
  /** Reader-facing label of an account (pseudonymised where it must be), untrusted. */
  label(accountId: string): string;
  locale: string;
}

export function adjacencyChart(input: AdjacencyInput): ChartOutput {
  const { cluster, label } = input;
  const f = localeFormat(input.locale);
  // `translate`, not `t`: ties are `t` in this module.
  const translate = f.t;
  const n = f.number(input.n);
  const accounts = byDegree(cluster);
  const index = new Map(accounts.map((a, i) => [a.accountId, i]));
  const ties = tiesAmong(input.result, new Set(index.keys()));
  const numbered = (id: string): string => `${f.number(index.get(id)! + 1)} · ${label(id)}`;
  const max = Math.max(1, ...ties.map((t) => t.weight));

  const title = translate('chart.adjacencyTitle', { n });
  const possible = (accounts.length * (accounts.length - 1)) / 2;
  const tooLarge = translate('chart.adjacencyTooLarge', { n, accounts: f.number(accounts.length), max: f.number(MAX_ACCOUNTS) });
  const density = new Intl.NumberFormat(input.locale, { style: 'percent', maximumFractionDigits: 0 }).format(ties.length / Math.max(1, possible));
  const strongest = ties[0];
  const description = [
    translate('chart.adjacencyIntro', { n, accounts: f.number(accounts.length), ties: f.number(ties.length), possible: f.number(possible), density }),
    ...(strongest ? [translate('chart.adjacencyStrongest', { a: label(strongest.a), b: label(strongest.b), weight: f.number(strongest.weight) })] : []),
    ...(accounts.length > MAX_ACCOUNTS ? [tooLarge] : []),
  ].join(' ');
  const columns = [translate('chart.account'), translate('chart.tiedTo'), translate('chart.sharedItems'), translate('chart.signals')];
  const rows = ties.map((t) => {
    // The account earlier in the grid first, as a reader finds the cell.
    const [a, b] = index.get(t.a)! < index.get(t.b)! ? [t.a, t.b] : [t.b, t.a];
    return [numbered(a), numbered(b), t.weight, t.signals.map((signal) => translate('chart.coordSignal', { signal })).join(', ')];
  });
  const limit = Math.floor(maxTableCells / columns.length);
  const table = rows.length > limit ? { columns, rows: rows.slice(0, limit), note: translate('chart.strongestTies', { shown: f.number(limit), total: f.number(rows.length) }) } : { columns, rows };
  const data = ties.map((t) => ({ account_a: label(t.a), account_b: label(t.b), weight: t.weight, signals: t.signals.join(';') }));
  if (accounts.length > MAX_ACCOUNTS) {
    return { svg: { narrow: '', wide: '' }, unavailable: tooLarge, title, description, table, data };
  }
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    const count = accounts.length;
    // Names beside the rows while the cells are tall enough for them and the names fit a third of the width;
    // cells no larger than a tap target, so a small cluster stays a compact grid.
    const room = Math.floor(layout.width / 3);
    const right = Math.min(layout.width - (narrow ? 4 : 16), room + count * maxCell);
    const probe = bands(count, room, right, 0.06);
    const named = probe.at.length > 1 ? probe.at[1]! - probe.at[0]! >= labelRow : true;
    const every = named ? 1 : Math.ceil(labelRow / Math.max(1, probe.at[1]! - probe.at[0]!));
    const left = named ? room : Math.ceil(String(count).length * charWidth) + 14;
    const top = fontSize + 12;
    const x = bands(count, left, right, 0.06);
    const step = count > 1 ? x.at[1]! - x.at[0]! : x.width;
    const y = { at: x.at.map((p) => p - left + top), width: x.width };
    const bottom = top + count * step;
    const mid = (at: number) => num(at + x.width / 2);
    const labels: ElementContent[] = [];
    accounts.forEach((a, i) => {
      if (i % every !== 0) return;
      const text = named ? fitLabel(`${f.number(i + 1)} ${label(a.accountId)}`, left - 10) : f.number(i + 1);
      labels.push(
        s('text', { x: left - 6, y: mid(y.at[i]!), dy: '0.32em', 'text-anchor': 'end' }, text),
        s('text', { x: mid(x.at[i]!), y: top - 6 }, f.number(i + 1)),
      );
    });
    const empty: Element[] = [];
    const filled: Element[] = [];
    for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) if (i !== j) empty.push(s('rect', { x: x.at[j], y: y.at[i], width: x.width, height: y.width }));
    for (const t of ties) {
      const [i, j] = [index.get(t.a)!, index.get(t.b)!];
      const opacity = num(minOpacity + ((1 - minOpacity) * (t.weight - 1)) / Math.max(1, max - 1));
      for (const [r, c] of [[i, j], [j, i]] as const) filled.push(s('rect', { x: x.at[c], y: y.at[r], width: x.width, height: y.width, 'fill-opacity': opacity }));
    }
    const key = drawKey(bottom + 16, max);
    const body = [s('g', { style: `fill:${cssVar.muted}`, 'fill-opacity': '0.12' }, empty), s('g', { style: `fill:${seriesColour(0)}` }, filled), ...labels, key];
    return writeSvg({ id: input.id, kind: 'adjacency', layout, title, description, height: bottom + 16 + keyHeight }, body);
  }

  /** The key to the shades: from the weakest tie to the strongest, at most five steps, each under its swatch. */
  function drawKey(top: number, strongest: number): Element {
    const count = Math.min(5, strongest);
    const steps = [...new Set(Array.from({ length: count }, (_, i) => Math.round(1 + (i * (strongest - 1)) / Math.max(1, count - 1))))];
    const key: ElementContent[] = [s('text', { x: 0, y: top, dy: '0.71em', 'text-anchor': 'start' }, translate('chart.sharedItems'))];
    steps.forEach((w, i) => {
      const left = i * (swatch + 16);
      const opacity = num(minOpacity + ((1 - minOpacity) * (w - 1)) / Math.max(1, strongest - 1));
      key.push(
        s('rect', { x: left, y: top + fontSize + 6, width: swatch, height: swatch, style: `fill:${seriesColour(0)}`, 'fill-opacity': opacity }),
        s('text', { x: num(left + swatch / 2), y: top + fontSize + 6 + swatch + 4, dy: '0.71em' }, f.number(w)),
      );
    });
    return s('g', { class: 'cf-chart-key' }, key);
  }
}

const swatch = 18;
const maxCell = 30;
const keyHeight = fontSize + 6 + swatch + 4 + fontSize + 8;

/** `::chart{kind=adjacency cluster=…}`: who in one coordination cluster is tied to whom, and how strongly. */
export const adjacencyKind = chartKind({
  kind: 'adjacency',
  basis: 'coordination',
  options: { cluster: clusterOption },
  id: (o) => [o.cluster],
  build(o, id, query) {
    const found = clusterOf(query, o.cluster);
    if ('ruleId' in found) return { problem: found };
    return { draw: () => adjacencyChart({ id, n: o.cluster, cluster: found.cluster, result: found.result, label: query.label, locale: query.locale }) };
  },
});
