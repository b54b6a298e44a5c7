/**
 * Accounts tied by coordinated posting as a node-link picture, only for small graphs (at most
 * MAX_NODES accounts): beyond that the lines cross into a hairball that says nothing a table does not.
 * The layout is fixed, not simulated: accounts on a circle, grouped by cluster in the cluster table's
 * order and within a cluster by most ties first, so the same ties always give the same picture. A line
 * is thicker for more shared items. Accounts are numbered as in the table (a phone has no room for
 * names round a circle); the wide picture adds names.
 */
import type { CoordinationResult } from '../aggregate/coordination/types.ts';
import type { Element } from 'hast';
import { s } from 'hastscript';
import { byDegree, coordinationOf, fitLabel, optionalClusterOption, clusterOf, tiesAmong } from './coordination.ts';
import { chartKind } from './kind.ts';
import { localeFormat } from '../locale/messages.ts';
import { num, writeSvg } from './svg-writer.ts';
import { cssVar, fontSize, layouts, seriesColour, type Layout } from './theme.ts';
import type { ChartOutput } from './types.ts';
import { maxTableCells } from './table-size.ts';

/** Graphs up to this many accounts are drawn. */
export const MAX_NODES = 30;
const minStroke = 1;
const maxStroke = 6;

export interface NetworkInput {
  id: string;
  /** The cluster shown, or every cluster. */
  n?: number;
  result: CoordinationResult;
  /** Reader-facing label of an account (pseudonymised where it must be), untrusted. */
  label(accountId: string): string;
  locale: string;
}

export function networkChart(input: NetworkInput): ChartOutput {
  const { result, label } = input;
  const f = localeFormat(input.locale);
  const translate = f.t;
  const clusters = input.n === undefined ? result.clusters : result.clusters.filter((c) => c.id === input.n);
  const nodes = clusters.flatMap((c) => byDegree(c).map((a) => ({ id: a.accountId, cluster: c.id })));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const ties = tiesAmong(result, new Set(index.keys()));
  const numbered = (id: string): string => `${f.number(index.get(id)! + 1)} · ${label(id)}`;
  const weights = ties.map((t) => t.weight);
  const [lightest, heaviest] = [Math.min(...weights), Math.max(...weights)];
  const tooLarge = translate('chart.networkTooLarge', { accounts: f.number(nodes.length), max: f.number(MAX_NODES) });

  const title = translate('chart.networkTitle', { n: input.n === undefined ? 'all' : f.number(input.n) });
  const description = ties.length === 0
    ? translate('chart.networkNone')
    : [
      translate('chart.networkIntro', { accounts: f.number(nodes.length), clusters: clusters.length, ties: ties.length }),
      translate('chart.networkWidths', { min: f.number(lightest), max: f.number(heaviest) }),
      translate('chart.numbered'),
      ...(nodes.length > MAX_NODES ? [tooLarge] : []),
    ].join(' ');
  const columns = [translate('chart.account'), translate('chart.tiedTo'), translate('chart.sharedItems'), translate('chart.cluster')];
  const clusterOfNode = (id: string) => nodes[index.get(id)!]!.cluster;
  const rows = ties.map((t) => {
    const [a, b] = index.get(t.a)! < index.get(t.b)! ? [t.a, t.b] : [t.b, t.a];
    return [numbered(a), numbered(b), t.weight, clusterOfNode(a)];
  });
  const limit = Math.floor(maxTableCells / columns.length);
  const table = rows.length > limit ? { columns, rows: rows.slice(0, limit), note: translate('chart.strongestTies', { shown: f.number(limit), total: f.number(rows.length) }) } : { columns, rows };
  const data = ties.map((t) => ({ account_a: label(t.a), account_b: label(t.b), weight: t.weight, cluster: clusterOfNode(t.a) }));
  const none = { narrow: '', wide: '' };
  if (ties.length === 0) return { svg: none, unavailable: translate('chart.networkNone'), title, description, table, data };
  if (nodes.length > MAX_NODES) return { svg: none, unavailable: tooLarge, title, description, table, data };
  return { svg: { narrow: draw(layouts.narrow), wide: draw(layouts.wide) }, title, description, table, data };

  function draw(layout: Layout): string {
    const narrow = layout.name === 'narrow';
    // Room outside the circle for a number (narrow) or a number and a name (wide).
    const room = narrow ? 22 : 150;
    const radius = Math.min(narrow ? 120 : 170, (layout.width - 2 * room) / 2);
    const cx = layout.width / 2;
    const cy = radius + (narrow ? 22 : 28);
    // A gap between clusters, so each reads as a group round the circle.
    const gaps = clusters.length > 1 ? clusters.length : 0;
    const slots = nodes.length + gaps;
    let slot = 0;
    const angle = nodes.map((node, i) => {
      if (i > 0 && node.cluster !== nodes[i - 1]!.cluster) slot++;
      return -Math.PI / 2 + (2 * Math.PI * slot++) / slots;
    });
    const at = (i: number, r: number) => [cx + r * Math.cos(angle[i]!), cy + r * Math.sin(angle[i]!)] as const;
    const stroke = (w: number) => num(heaviest === lightest ? (minStroke + maxStroke) / 2 : minStroke + ((maxStroke - minStroke) * (w - lightest)) / (heaviest - lightest));
    // Lightest first, so the strongest ties are drawn on top.
    const lines: Element[] = [];
    for (const t of [...ties].reverse()) {
      const [x1, y1] = at(index.get(t.a)!, radius);
      const [x2, y2] = at(index.get(t.b)!, radius);
      lines.push(s('line', { x1: num(x1), y1: num(y1), x2: num(x2), y2: num(y2), 'stroke-width': stroke(t.weight) }));
    }
    const clusterIndex = new Map(clusters.map((c, k) => [c.id, k]));
    const dots: Element[] = [];
    const labels: Element[] = [];
    nodes.forEach((node, i) => {
      const [x, y] = at(i, radius);
      // One colour per cluster while the palette lasts; beyond, the gaps round the circle still tell them apart.
      const k = clusterIndex.get(node.cluster)!;
      dots.push(s('circle', { cx: num(x), cy: num(y), r: 6, style: `fill:${k < 4 ? seriesColour(k) : cssVar.muted};stroke:${cssVar.background}`, 'stroke-width': '1.5' }));
      const [lx, ly] = at(i, radius + 12);
      const cos = Math.cos(angle[i]!);
      const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
      const text = narrow ? f.number(i + 1) : fitLabel(`${f.number(i + 1)} ${label(node.id)}`, room - 16);
      labels.push(s('text', { x: num(lx), y: num(ly), dy: '0.32em', 'text-anchor': anchor }, text));
    });
    const height = cy + radius + (narrow ? 22 : 28) + fontSize;
    const body = [s('g', { style: `stroke:${cssVar.muted}`, 'stroke-opacity': '0.7', 'stroke-linecap': 'round' }, lines), ...dots, ...labels];
    return writeSvg({ id: input.id, kind: 'network', layout, title, description, height }, body);
  }
}

/** `::chart{kind=network}` (every cluster) or `::chart{kind=network cluster=…}`: accounts and their ties as a picture. */
export const networkKind = chartKind({
  kind: 'network',
  basis: 'coordination',
  options: { cluster: optionalClusterOption },
  id: (o) => (o.cluster === undefined ? ['all'] : [o.cluster]),
  build(o, id, query) {
    if (o.cluster !== undefined) {
      const found = clusterOf(query, o.cluster);
      if ('ruleId' in found) return { problem: found };
    }
    const result = coordinationOf(query);
    if ('ruleId' in result) return { problem: result };
    return { draw: () => networkChart({ id, ...(o.cluster !== undefined ? { n: o.cluster } : {}), result, label: query.label, locale: query.locale }) };
  },
});
