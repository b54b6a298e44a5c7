/**
 * The charts a case shows outside its prose (hashtag and account pages). They are built by the same
 * code as `::chart` in the prose, and named by the same ids, so one chart has one download address.
 */
// These charts are drawn here, when the site is assembled for the build.
import '../charts/drawing-libraries.ts';
import { buildChart, type ChartBuildContext } from '../markdown/chart-build.ts';
import { chartId, type ChartSpec } from '../markdown/chart-parse.ts';
import type { SiteChart } from './types.ts';
import { TOP_ACCOUNTS } from '../aggregate/timelines.ts';

export const timelineSpec = (hashtag: string, bin: 'day' | 'hour'): ChartSpec => ({ kind: 'timeline', hashtag, bin });
export const topAccountsSpec = (hashtag: string): ChartSpec => ({ kind: 'top-accounts', hashtag, n: TOP_ACCOUNTS });
export const heatmapSpec = (account: string): ChartSpec => ({ kind: 'heatmap', account });

/** The ids of the charts a tracked hashtag's page shows. */
export function hashtagChartIds(tag: string): { timelineDay: string; timelineHour: string; topAccounts: string } {
  return { timelineDay: chartId(timelineSpec(tag, 'day')), timelineHour: chartId(timelineSpec(tag, 'hour')), topAccounts: chartId(topAccountsSpec(tag)) };
}

/**
 * A chart of the model, drawn once, as plain data. The specs used here always resolve, since they come from
 * the model itself.
 */
export function modelChart(spec: ChartSpec, ctx: ChartBuildContext): SiteChart {
  const id = chartId(spec);
  const built = buildChart(spec, id, ctx);
  if ('problem' in built) throw new Error(`Chart ${id}: ${built.problem.message}`);
  const output = built.draw();
  return { id, caption: output.title, output };
}
