/** A chart as a complete, escaped HTML `<figure>`: picture, caption, description, data table, downloads. */
import { translator } from '../locale/messages.ts';
import { safeId } from './svg.ts';
import type { ChartOutput } from './types.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

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

export function renderFigure(chart: ChartOutput, opts: FigureOptions): string {
  const id = safeId(opts.id);
  const head = chart.table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = chart.table.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('\n');
  const t = translator(opts.locale ?? 'en');
  const links = [
    [opts.csvHref, t('figure.csv'), 'text/csv'],
    [opts.jsonHref, t('figure.json'), 'application/json'],
  ].flatMap(([href, text, type]) => {
    const safe = href === undefined ? undefined : safeHref(href);
    return safe === undefined ? [] : [`<a href="${escapeHtml(safe)}" type="${type}" download>${escapeHtml(text!)}</a>`];
  });
  const printed = opts.printedCsvHref ?? opts.csvHref;
  const csv = printed === undefined ? undefined : safeHref(printed);
  return [
    // The caption comes first: a figure allows it only as its first or last child.
    `<figure id="${id}" class="chart">`,
    `<figcaption>${escapeHtml(opts.caption)}</figcaption>`,
    // Both layouts are in the page; the site CSS shows the one drawn for the frame's width.
    ...(chart.unavailable !== undefined
      ? [`<p class="chart-unavailable">${escapeHtml(chart.unavailable)}</p>`]
      : ['<div class="chart-frame">', chart.svg.narrow, chart.svg.wide, '</div>', `<p class="chart-description">${escapeHtml(chart.description)}</p>`]),
    '<details class="chart-data">',
    `<summary>${escapeHtml(t('figure.table'))}</summary>`,
    `<table><caption>${escapeHtml(chart.title)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody></table>`,
    ...(chart.table.note !== undefined ? [`<p class="chart-table-note">${escapeHtml(chart.table.note)}</p>`] : []),
    '</details>',
    ...(links.length > 0 ? [`<p class="chart-downloads">${links.join(' ')}</p>`] : []),
    // Paper has no links to follow or tables to open: the printed figure says where its numbers are.
    ...(csv !== undefined ? [`<p class="chart-print-source">${escapeHtml(t('figure.printed'))} <span class="chart-print-url">${escapeHtml(csv)}</span></p>`] : []),
    '</figure>',
  ].join('\n');
}
