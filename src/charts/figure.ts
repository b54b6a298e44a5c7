/** A chart as a complete, escaped HTML `<figure>`: picture, caption, description, data table, downloads. */
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { translator } from '../locale/messages.ts';
import { safeId } from './svg.ts';
import { fillHole, hole } from './svg-writer.ts';
import type { ChartOutput } from './types.ts';

export interface FigureOptions {
  id: string;
  caption: string;
  csvHref?: string;
  jsonHref?: string;
  /** The CSV's full address, printed on paper where a link cannot be followed (the CSV link otherwise). */
  printedCsvHref?: string;
  /** Language of the page, for the figure's own words (English when not translated). */
  locale?: string;
}

/** Only relative, http(s) and fragment links are emitted: hrefs are built from case ids. */
function safeHref(href: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^https?:/i.test(href) ? undefined : href;
}

/** Text nodes of one line break between children, as the figure's markup has always been laid out. */
function lines(children: readonly (ElementContent | undefined)[]): ElementContent[] {
  return children.flatMap((c) => (c === undefined ? [] : [NL, c])).concat(children.length > 0 ? [NL] : []);
}

const NL: ElementContent = { type: 'text', value: '\n' };

/** Markup already serialised (a chart's SVG as drawn by src/charts/svg-writer.ts or Plot, or a cell by `cellHtml`), placed as it is. */
const raw = (markup: string): ElementContent => ({ type: 'raw', value: markup }) as unknown as ElementContent;

/**
 * The cells of data tables, each serialised once by hast-util-to-html like the rest of the figure and then
 * placed as it is in every row that holds it: a build with 10,000 account pages draws 10,000 heatmap tables
 * of 7 × 25 cells from a few hundred distinct values (counts, days, hours), and building and serialising
 * each cell as hast was the largest part of a figure's time (BENCHMARKS.md, "The 10M-post case's report
 * after its render was profiled").
 */
const cells = new Map<string | number, string>();
/** Enough for any build's distinct cells many times over; past it, the map starts again rather than grows. */
const CELLS_KEPT = 10_000;

function cellHtml(cell: string | number): string {
  let html = cells.get(cell);
  if (html === undefined) {
    if (cells.size >= CELLS_KEPT) cells.clear();
    html = toHtml(h('td', String(cell)));
    cells.set(cell, html);
  }
  return html;
}

/**
 * The figure, built as hast and serialised by hast-util-to-html like every other piece of markup (evidence
 * cards, redirect pages), so escaping lives in one place.
 */
export function renderFigure(chart: ChartOutput, opts: FigureOptions): string {
  // The drawings go in by concatenation (`fillHole`): serialised inside the figure, each would be copied
  // once for every element around it.
  if (chart.unavailable !== undefined) return figureHtml(chart, opts, []);
  const { narrow, wide } = chart.svg;
  return fillHole(figureHtml(chart, opts, [hole()]), ['\n', narrow, '\n', wide, '\n']) ?? figureHtml(chart, opts, lines([raw(narrow), raw(wide)]));
}

function figureHtml(chart: ChartOutput, opts: FigureOptions, frame: ElementContent[]): string {
  const t = translator(opts.locale ?? 'en');
  const links = (
    [
      [opts.csvHref, t('figure.csv'), 'text/csv'],
      [opts.jsonHref, t('figure.json'), 'application/json'],
    ] as const
  ).flatMap(([href, text, type]) => {
    const safe = href === undefined ? undefined : safeHref(href);
    return safe === undefined ? [] : [h('a', { href: safe, type, download: true }, text)];
  });
  const printed = opts.printedCsvHref ?? opts.csvHref;
  const csv = printed === undefined ? undefined : safeHref(printed);
  const rows = chart.table.rows.map((row) => h('tr', row.map((cell) => raw(cellHtml(cell)))));
  const table = h('table', [
    h('caption', chart.title),
    NL,
    h('thead', [h('tr', chart.table.columns.map((c) => h('th', { scope: 'col' }, c)))]),
    NL,
    h('tbody', [NL, ...rows.flatMap((row, i) => (i === 0 ? [row] : [NL, row])), NL]),
  ]);
  const details = h('details', { className: ['chart-data'] }, [
    NL,
    h('summary', t('figure.table')),
    NL,
    table,
    NL,
    ...(chart.table.note !== undefined ? [h('p', { className: ['chart-table-note'] }, chart.table.note), NL] : []),
  ]);
  const figure = h(
    'figure',
    { id: safeId(opts.id), className: ['chart'] },
    lines([
      // The caption comes first: a figure allows it only as its first or last child.
      h('figcaption', opts.caption),
      // Both layouts are in the page; the site CSS shows the one drawn for the frame's width.
      ...(chart.unavailable !== undefined
        ? [h('p', { className: ['chart-unavailable'] }, chart.unavailable)]
        : [h('div', { className: ['chart-frame'] }, frame), h('p', { className: ['chart-description'] }, chart.description)]),
      details,
      links.length > 0 ? h('p', { className: ['chart-downloads'] }, links.flatMap((a, i) => (i === 0 ? [a] : [' ', a]))) : undefined,
      // Paper has no links to follow or tables to open: the printed figure says where its numbers are.
      csv !== undefined ? h('p', { className: ['chart-print-source'] }, [`${t('figure.printed')} `, h('span', { className: ['chart-print-url'] }, csv)]) : undefined,
    ]),
  );
  return toHtml(figure, { allowDangerousHtml: true });
}
