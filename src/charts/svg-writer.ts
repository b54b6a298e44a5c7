/**
 * Charts drawn without Plot, for charts drawn thousands of times per build (one per account page), where
 * building a DOM for Plot costs more than the page around it. They are built as hast (hastscript's `s`) and
 * serialised here by hast-util-to-html, like every other piece of markup, so escaping lives in one place.
 * The root element carries the same attributes, ids and accessible name and description as `finishSvg`
 * gives a Plot chart.
 */
import type { ElementContent } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';
import { s } from 'hastscript';
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

/** SVG as XML writes it (`<rect …/>`); raw nodes are only ever `SvgMarkup`, which this module made. */
const serialise: Options = { space: 'svg', closeEmptyElements: true, tightSelfClosing: true, allowDangerousHtml: true };

/** Markup serialised by `svgMarkup` and by nothing else, so it is escaped and may be placed as it is. */
export type SvgMarkup = string & { readonly serialisedBy: 'svgMarkup' };

/**
 * Elements serialised once, to be placed in many charts with `placed`: the axes and empty cells every
 * heatmap of the same rows shares are drawn once per build, not once per account.
 */
export function svgMarkup(nodes: ElementContent[]): SvgMarkup {
  return toHtml({ type: 'root', children: nodes }, serialise) as SvgMarkup;
}

/** Markup from `svgMarkup` as a node among others. */
export function placed(markup: SvgMarkup): ElementContent {
  return { type: 'raw', value: markup } as unknown as ElementContent;
}

/** What stands in a serialised frame where `fillHole` puts markup: a NUL. A chart's own text may hold one too, and then `fillHole` declines. */
const HOLE = '\u0000';

/** The place, in a tree about to be serialised, of markup `fillHole` adds afterwards. */
export function hole(): ElementContent {
  return { type: 'raw', value: HOLE } as unknown as ElementContent;
}

/**
 * `html`, serialised with one `hole()`, with `parts` (markup already serialised) in the hole's place. They are
 * added with `+`, which V8 keeps as a rope of the parts, where hast-util-to-html joins every element's
 * children into a new string at each level of nesting: a chart's SVG placed in its figure, in a page, was
 * copied once a level, and those copies were a fifth of what a build of 10,000 account pages allocated
 * (BENCHMARKS.md, "Pages without copies"). Undefined when the hole is not there exactly once (a text of
 * the chart holding a NUL itself): the caller then serialises the whole tree as before.
 */
export function fillHole(html: string, parts: readonly string[]): string | undefined {
  const at = html.indexOf(HOLE);
  if (at < 0 || html.indexOf(HOLE, at + 1) >= 0) return undefined;
  let filled = html.slice(0, at);
  for (const part of parts) filled += part;
  return filled + html.slice(at + 1);
}

/** A complete `<svg>` around `body`: accessible, themeable and scaling to its container. */
export function writeSvg(frame: SvgFrame, body: ElementContent[]): string {
  const base = layoutId(frame.id, frame.layout);
  const width = frame.layout.width;
  const height = num(frame.height);
  const root = (children: ElementContent[]) => s(
    'svg',
    {
      class: `cf-chart cf-chart-${frame.kind} cf-layout-${frame.layout.name}`,
      role: 'img',
      'aria-labelledby': `${base}-title`,
      'aria-describedby': `${base}-desc`,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      style: 'width:100%;height:auto',
      'font-family': 'system-ui, sans-serif',
      'font-size': fontSize,
      fill: 'currentColor',
      'text-anchor': 'middle',
    },
    [s('title', { id: `${base}-title` }, frame.title), s('desc', { id: `${base}-desc` }, frame.description), ...children],
  );
  // The body's parts serialised one by one, so the parts drawn once per build (a heatmap's axes and key)
  // stay shared by every chart that places them rather than copied into each.
  const parts = body.map((node) => (node.type === 'raw' ? node.value : toHtml(node, serialise)));
  return fillHole(toHtml(root([hole()]), serialise), parts) ?? toHtml(root(body), serialise);
}
