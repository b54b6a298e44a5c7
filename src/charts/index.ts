export type { ChartOutput, ChartTable } from './types.ts';
export { timelineChart, type TimelineInput } from './timeline.ts';
export { topAccountsChart, type TopAccountsInput } from './top-accounts.ts';
export { cascadeChart, type CascadeInput } from './cascade.ts';
export { activityHeatmap, dateRows, weekdayRows, type ActivityHeatmapInput, type HeatmapRow } from './activity-heatmap.ts';
export { activityStrip, type ActivityStripInput } from './activity-strip.ts';
export { hashtagComparison, type HashtagComparisonInput } from './hashtag-comparison.ts';
export { renderFigure, escapeHtml, type FigureOptions } from './figure.ts';
export { toCsv } from './csv.ts';
