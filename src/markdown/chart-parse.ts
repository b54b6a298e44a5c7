/**
 * `::chart{kind=… …}` read into a chart spec: the kind's own module parses its options (charts/registry);
 * this adds the check every directive gets, options it does not take. These checks need no data, so the
 * pre-pass reports them too.
 */
import { chartOptionNames, parseChartOptions, type ChartSpec } from '../charts/registry.ts';
import { unknownOptions } from './attributes.ts';
import type { Problem } from './report.ts';

export { chartId, chartKindNames as chartKinds, type ChartKindName as ChartKind, type ChartSpec } from '../charts/registry.ts';

export function parseChart(a: Record<string, string>): { spec?: ChartSpec; problems: Problem[] } {
  const parsed = parseChartOptions(a);
  const allowed = chartOptionNames(a['kind'] ?? '');
  if (!allowed) return parsed;
  const problems = [...unknownOptions('::chart', a, allowed), ...parsed.problems];
  return problems.length === 0 ? parsed : { problems };
}
