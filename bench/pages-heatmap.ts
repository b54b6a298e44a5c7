/**
 * Heatmap micro-benchmark: `tsx bench/pages-heatmap.ts [charts]` draws one account heatmap per synthetic
 * account, as the pages benchmark's account pages do, and prints ms per chart. Charts are drawn in one
 * process one after another because that is how a build draws them: a per-chart cost that grows with the
 * number drawn (as linkedom's did) shows up here.
 */
import '../src/charts/drawing-libraries.ts';
import { activityHeatmap, weekdayRows, type ActivityHeatmapInput } from '../src/charts/activity-heatmap.ts';
import { random } from './random.ts';


/** Like the pages benchmark's accounts: 2–5 posts each, at random hours of the week. */
function inputs(count: number): ActivityHeatmapInput[] {
  const rnd = random(7);
  return Array.from({ length: count }, (_, i) => {
    const dayHour = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (let p = 2 + Math.floor(rnd() * 4); p > 0; p -= 1) dayHour[Math.floor(rnd() * 7)]![Math.floor(rnd() * 24)]! += 1;
    return { id: `account-heatmap-${i}`, label: `@account_${i}`, by: 'weekday', rows: weekdayRows(dayHour, 'en'), timeZone: 'Pacific/Noumea', locale: 'en' };
  });
}

export interface HeatmapFigures {
  charts: number;
  ms_per_chart: number;
  /** The last tenth of the run alone: equal to the mean unless the cost grows with the number drawn. */
  ms_per_chart_last_tenth: number;
  /** Both layouts together. */
  svg_bytes: number;
}

export function measureHeatmaps(count: number): HeatmapFigures {
  const all = inputs(count);
  // Warm-up outside the timing: module initialisation and JIT, paid once per build.
  for (const input of all.slice(0, 50)) activityHeatmap({ ...input, id: `warm-${input.id}` });
  let bytes = 0;
  const started = performance.now();
  let lastTenthStarted = started;
  for (let i = 0; i < count; i += 1) {
    if (i === count - Math.ceil(count / 10)) lastTenthStarted = performance.now();
    const { svg } = activityHeatmap(all[i]!);
    bytes += svg.narrow.length + svg.wide.length;
  }
  const ended = performance.now();
  return {
    charts: count,
    ms_per_chart: Number(((ended - started) / count).toFixed(3)),
    ms_per_chart_last_tenth: Number(((ended - lastTenthStarted) / Math.ceil(count / 10)).toFixed(3)),
    svg_bytes: Math.round(bytes / count),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(measureHeatmaps(Number(process.argv[2] ?? 10_000))));
}
