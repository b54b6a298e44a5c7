/**
 * What the coordination chart kinds share: the `cluster=` option, finding the case's analysis and one of
 * its clusters, the cluster's accounts in reading order and its ties summed over signals, and the words
 * for what was shared. Labels come from `ChartQuery.label`, so private people stay pseudonymised.
 */
import { z } from 'zod';
import type { CoordinationCluster, CoordinationResult } from '../aggregate/coordination/types.ts';
import type { CoordinationSignal } from '../schema/index.ts';
import type { ChartOption, ChartProblem, ChartQuery } from './kind.ts';
import { charWidth } from './theme.ts';
import { dateFormat, isLocalMidnight, zoneOffset } from './zone.ts';

export const clusterOption: ChartOption<number> = {
  schema: z.string().regex(/^[1-9]\d{0,5}$/).transform(Number),
  expected: 'a cluster number, 1 for the largest, as in the cluster table, such as cluster=1',
};

/** The same option, left out to mean every cluster. */
export const optionalClusterOption: ChartOption<number | undefined> = {
  schema: clusterOption.schema.optional(),
  expected: clusterOption.expected,
};

/** The case's coordination analysis, or why a coordination chart cannot be drawn. */
export function coordinationOf(query: ChartQuery): CoordinationResult | ChartProblem {
  return query.model.coordination ?? {
    ruleId: 'reference/coordination',
    message: 'Unexpected coordination chart in a case without a `coordination:` block, expected the block in the case’s frontmatter.',
    hint: 'Add `coordination: {}` to the case’s frontmatter for the analysis at its defaults.',
  };
}

/** Cluster `n` (1 for the largest) of the case's analysis, or a problem naming how many there are. */
export function clusterOf(query: ChartQuery, n: number): { result: CoordinationResult; cluster: CoordinationCluster } | ChartProblem {
  const result = coordinationOf(query);
  if ('ruleId' in result) return result;
  const cluster = result.clusters[n - 1];
  if (cluster) return { result, cluster };
  const count = result.clusters.length;
  return {
    ruleId: 'reference/cluster',
    message: `Unexpected cluster=${n}, expected ${count === 0 ? 'none: the analysis finds no cluster at the case’s parameters' : `a number from 1 to ${count}`}.`,
    actual: String(n),
    expected: count === 0 ? 'no cluster' : `1 to ${count}`,
    hint: count === 0 ? 'Say that no group was found instead of charting one; the sensitivity table shows what other thresholds would find.' : 'Clusters are numbered largest first, as in the cluster table.',
  };
}

/** A tie between two accounts summed over signals: the distinct items they shared under each. */
export interface SummedTie {
  a: string;
  b: string;
  weight: number;
  signals: CoordinationSignal[];
}

/** Ties among `accounts` (ids), each pair once with `a` < `b`, strongest first. */
export function tiesAmong(result: CoordinationResult, accounts: ReadonlySet<string>): SummedTie[] {
  const ties = new Map<string, SummedTie>();
  for (const e of result.edges) {
    if (!accounts.has(e.a) || !accounts.has(e.b)) continue;
    const key = `${e.a}\u0000${e.b}`;
    const tie = ties.get(key) ?? { a: e.a, b: e.b, weight: 0, signals: [] };
    tie.weight += e.weight;
    tie.signals.push(e.signal);
    ties.set(key, tie);
  }
  return [...ties.values()].sort((x, y) => y.weight - x.weight || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

/** A cluster's accounts in reading order: most ties first, then strongest, then by id. */
export function byDegree(cluster: CoordinationCluster): CoordinationCluster['accounts'] {
  return [...cluster.accounts].sort((x, y) => y.degree - x.degree || y.strength - x.strength || (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
}

/** At most `width` px of a label at the chart's font size, the last character an ellipsis when cut; tables keep labels whole. */
export function fitLabel(label: string, width: number): string {
  const max = Math.max(2, Math.floor(width / charWidth));
  const chars = [...label];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : label;
}

/** A time to the second, which is what "within seconds" is read at: `16 May 2024, 09:00:05`. */
export function formatSecond(time: number, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(time);
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** Tick steps from a minute to a week; days and longer fall on local midnights. */
const steps = [minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute, hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day];

/**
 * Ticks for instants from `from` to `to` in `timeZone`: at most `max`, on round local times, labelled
 * with the day (`16 May`) when they are days apart and with the time (`09:30`) otherwise; `span` names
 * the days covered, for the axis label, so times alone stay short enough for a phone.
 */
export function instantTicks(from: number, to: number, locale: string, timeZone: string, max: number): { ticks: Map<number, string>; span: string } {
  const step = steps.find((s) => (to - from) / s < max) ?? 7 * day;
  const offset = (t: number) => zoneOffset(t, timeZone);
  const ticks = new Map<number, string>();
  const date = dateFormat(locale, timeZone, { day: 'numeric', month: 'short' });
  const time = dateFormat(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // A local midnight is labelled with its date, so times either side of it read as two days.
  const label = { format: (t: number) => (step >= day || isLocalMidnight(t, timeZone) ? date : time).format(t) };
  const unit = Math.min(step, day);
  for (let local = Math.ceil((from + offset(from)) / unit) * unit; ; local += unit) {
    const t = local - offset(local - offset(from));
    if (t > to) break;
    if (step > day && Math.round((local - Math.ceil((from + offset(from)) / unit) * unit) / day) % (step / day) !== 0) continue;
    if (t >= from) ticks.set(t, label.format(t));
  }
  const days = dateFormat(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
  return { ticks, span: days.formatRange(from, to) };
}
