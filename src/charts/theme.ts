/**
 * Chart dimensions and colours. Colours are CSS custom properties so one inline SVG follows the page's
 * light or dark theme; each carries a fallback so a downloaded SVG still renders on its own.
 *
 * Custom properties the site CSS defines:
 * - `--cf-chart-1` … `--cf-chart-4`: series colours (post kinds in a timeline, hashtags in a comparison,
 *   bars, the cascade line, heatmap cells).
 * - `--cf-chart-muted`: secondary marks (empty heatmap cells, event rules, gridlines).
 * - `--cf-chart-accent`: highlights (the peak label and its bars' outline).
 * - `--cf-chart-bg`: the page background, used as a halo behind labels drawn over marks.
 * Text and axes use `currentColor`, so they take the surrounding text colour.
 */

export const cssVar = {
  series: [
    'var(--cf-chart-1, #4269d0)',
    'var(--cf-chart-2, #efb118)',
    'var(--cf-chart-3, #ff725c)',
    'var(--cf-chart-4, #6cc5b0)',
  ],
  muted: 'var(--cf-chart-muted, #8a8a8a)',
  accent: 'var(--cf-chart-accent, #d62728)',
  background: 'var(--cf-chart-bg, #ffffff)',
} as const;

/** Series colour `i`, cycling when there are more series than colours. */
export function seriesColour(i: number): string {
  return cssVar.series[i % cssVar.series.length]!;
}

/** Dash patterns paired with series colours, so lines stay distinguishable without colour. */
export const seriesDash = ['none', '6 3', '2 3', '8 3 2 3'] as const;

export function seriesDasharray(i: number): string {
  return seriesDash[i % seriesDash.length]!;
}

/** viewBox width; the SVG scales down to 360 px, so text is at least 12 units to stay legible there. */
export const chartWidth = 640;
export const fontSize = 12;
