/**
 * The charts a case shows outside its prose (hashtag and account pages). They are built by the same
 * code as `::chart` in the prose, and named by the same ids, so one chart has one download address.
 */
import type { ChartOutput } from '../charts/index.ts';
// These charts are drawn here, when a page or a download asks for them.
import '../charts/drawing-libraries.ts';
import { buildChart, type ChartBuildContext } from '../markdown/chart-build.ts';
import { chartId, type ChartSpec } from '../markdown/chart-parse.ts';
import type { SiteChart } from './types.ts';
import { TOP_ACCOUNTS } from '../aggregate/timelines.ts';


export const timelineSpec = (hashtag: string, bin: 'day' | 'hour'): ChartSpec => ({ kind: 'timeline', hashtag, bin });
export const topAccountsSpec = (hashtag: string): ChartSpec => ({ kind: 'top-accounts', hashtag, n: TOP_ACCOUNTS });
export const heatmapSpec = (account: string): ChartSpec => ({ kind: 'heatmap', account });

/**
 * A chart of the model, drawn when a page or a download first asks for it: a site with thousands of
 * account pages would otherwise draw every heatmap during the check. The specs used here always
 * resolve, since they come from the model itself.
 */
export function modelChart(spec: ChartSpec, ctx: ChartBuildContext): SiteChart {
  const id = chartId(spec);
  let output: ChartOutput | undefined;
  const draw = (): ChartOutput => {
    if (output) return output;
    const built = buildChart(spec, id, ctx);
    if ('problem' in built) throw new Error(`Chart ${id}: ${built.problem.message}`);
    output = built.draw();
    return output;
  };
  return {
    id,
    get output() {
      return draw();
    },
    get caption() {
      return draw().title;
    },
  };
}
