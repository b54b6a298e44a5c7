/**
 * Charts written directly as SVG strings, for charts drawn thousands of times per build (one per account
 * page), where building a DOM for Plot costs more than the page around it. The root element carries the
 * same attributes, ids and accessible name and description as `finishSvg` gives a Plot chart.
 */
import { escapeHtml } from './figure.ts';
import { layoutId } from './svg.ts';
import { fontSize, type Layout } from './theme.ts';

/** A coordinate rounded to 2 decimals, so output does not depend on floating-point noise. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Positions of a rounded band scale (d3's `scaleBand().round(true)` with equal inner and outer padding,
 * as Plot's band scales use): where each of `count` bands starts, and their width.
 */
export function bands(count: number, start: number, stop: number, padding: number): { at: number[]; width: number } {
  const step = Math.floor((stop - start) / (count - padding + 2 * padding));
  const first = Math.round(start + (stop - start - step * (count - padding)) / 2);
  return { at: Array.from({ length: count }, (_, i) => first + i * step), width: Math.round(step * (1 - padding)) };
}

export interface SvgFrame {
  id: string;
  /** Suffix of the `cf-chart-<kind>` class. */
  kind: string;
  layout: Layout;
  title: string;
  description: string;
  height: number;
}

/** A complete `<svg>` around `body` (already escaped markup): accessible, themeable and scaling to its container. */
export function writeSvg(frame: SvgFrame, body: string): string {
  const base = layoutId(frame.id, frame.layout);
  const width = frame.layout.width;
  return `<svg class="cf-chart cf-chart-${frame.kind} cf-layout-${frame.layout.name}" role="img" aria-labelledby="${base}-title" aria-describedby="${base}-desc"`
    + ` width="${width}" height="${num(frame.height)}" viewBox="0 0 ${width} ${num(frame.height)}" style="width:100%;height:auto"`
    + ` font-family="system-ui, sans-serif" font-size="${fontSize}" fill="currentColor" text-anchor="middle">`
    + `<title id="${base}-title">${escapeHtml(frame.title)}</title><desc id="${base}-desc">${escapeHtml(frame.description)}</desc>`
    + `${body}</svg>`;
}
