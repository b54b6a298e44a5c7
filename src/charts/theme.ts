/**
 * Chart dimensions and colours. Colours are CSS custom properties so one inline SVG follows the page's
 * light or dark theme and the print stylesheet; each carries a fallback so a downloaded SVG still
 * renders on its own. `palettes` is the one source of the values: src/styles/global.css repeats them
 * and a test keeps the two equal.
 *
 * Custom properties the site CSS defines:
 * - `--cf-chart-1` … `--cf-chart-4`: series colours (post kinds in a timeline, hashtags in a comparison,
 *   bars, the cascade line, heatmap cells).
 * - `--cf-chart-muted`: secondary marks (empty heatmap cells, event rules, the lead-in before the period).
 * - `--cf-chart-accent`: highlights (the peak label).
 * - `--cf-chart-bg`: the page background, used as a halo behind labels and between stacked segments.
 * Text and axes use `currentColor`, so they take the surrounding text colour.
 */

/**
 * Okabe and Ito's colour-blind-safe scheme (blue, orange, vermillion, bluish green), with a lighter blue
 * on dark backgrounds, and for paper a set whose greyscale lightness differs too. Every pair stays
 * apart under protanopia, deuteranopia and tritanopia (src/charts/theme.test.ts).
 */
export const palettes = {
  light: ['#0072b2', '#e69f00', '#d55e00', '#009e73'],
  dark: ['#56b4e9', '#e69f00', '#d55e00', '#009e73'],
  print: ['#1f3b73', '#e69f00', '#d55e00', '#bcdcf5'],
} as const;

export const cssVar = {
  series: palettes.light.map((colour, i) => `var(--cf-chart-${i + 1}, ${colour})`),
  muted: 'var(--cf-chart-muted, #8a8a8a)',
  accent: 'var(--cf-chart-accent, #b5161b)',
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

/**
 * Every chart is drawn twice, each at the narrowest width it is shown at, so it only ever scales up and
 * its 12-unit text is never under 12 CSS px. The site CSS shows `narrow` in a frame under
 * `wideFrom` px (a 320 px phone's frame is 288 px) and `wide` from there up.
 */
export const layouts = {
  narrow: { name: 'narrow', width: 288 },
  wide: { name: 'wide', width: 560 },
} as const;
export type LayoutName = keyof typeof layouts;
export type Layout = (typeof layouts)[LayoutName];
export const wideFrom = layouts.wide.width;

export const fontSize = 12;
/** A generous average advance of one character at `fontSize`, for fitting labels without measuring text. */
export const charWidth = fontSize * 0.62;
