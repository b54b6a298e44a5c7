import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { s } from 'hastscript';
import { renderFigure } from './figure.ts';
import { fillHole, placed, svgMarkup, writeSvg } from './svg-writer.ts';
import { layouts } from './theme.ts';
import type { ChartOutput } from './types.ts';

const chart: ChartOutput = {
  svg: { narrow: '<svg class="cf-layout-narrow"></svg>', wide: '<svg class="cf-layout-wide"></svg>' },
  title: 'Posts per day',
  description: 'The peak was 16 May with 512 posts.',
  table: { columns: ['Date', 'Posts'], rows: [['16 May', 512], ['17 May', 300]] },
  data: [{ date: '2024-05-16', posts: 512 }, { date: '2024-05-17', posts: 300 }],
};

describe('renderFigure', () => {
  test('renderFigure(chart, opts) wraps the svg with caption, description, data table and downloads', () => {
    expect(renderFigure(chart, { id: 'fig-1', caption: 'Posts per day', csvHref: 'data/fig-1.csv', jsonHref: 'data/fig-1.json' })).toBe([
      '<figure id="fig-1" class="chart">',
      '<figcaption>Posts per day</figcaption>',
      '<div class="chart-frame">',
      '<svg class="cf-layout-narrow"></svg>',
      '<svg class="cf-layout-wide"></svg>',
      '</div>',
      '<p class="chart-description">The peak was 16 May with 512 posts.</p>',
      '<details class="chart-data">',
      '<summary>Data table</summary>',
      '<table><caption>Posts per day</caption>',
      '<thead><tr><th scope="col">Date</th><th scope="col">Posts</th></tr></thead>',
      '<tbody>',
      '<tr><td>16 May</td><td>512</td></tr>',
      '<tr><td>17 May</td><td>300</td></tr>',
      '</tbody></table>',
      '</details>',
      '<p class="chart-downloads"><a href="data/fig-1.csv" type="text/csv" download>Download CSV</a> '
        + '<a href="data/fig-1.json" type="application/json" download>Download JSON</a></p>',
      '<p class="chart-print-source">The numbers of this chart: <span class="chart-print-url">data/fig-1.csv</span></p>',
      '</figure>',
    ].join('\n'));
  });

  test('renderFigure prints the full address of the CSV for paper, and keeps the download link on the site', () => {
    const html = renderFigure(chart, {
      id: 'fig-1',
      caption: 'Posts per day',
      csvHref: '/r/cases/c/data/fig-1.csv',
      printedCsvHref: 'https://example.org/r/cases/c/data/fig-1.csv',
    });
    expect(html).toContain('<a href="/r/cases/c/data/fig-1.csv" type="text/csv" download>Download CSV</a>');
    expect(html).toContain('<span class="chart-print-url">https://example.org/r/cases/c/data/fig-1.csv</span>');
  });

  test('renderFigure(unavailable chart) shows its sentence instead of the picture and description, and keeps the table', () => {
    const html = renderFigure({ ...chart, svg: { narrow: '', wide: '' }, unavailable: 'All 3 accounts tie.' }, { id: 'fig-1', caption: 'x' });
    expect(html).toContain('<p class="chart-unavailable">All 3 accounts tie.</p>');
    expect(html).not.toContain('chart-frame');
    expect(html).not.toContain('chart-description');
    expect(html).toContain('<td>512</td>');
  });

  test('renderFigure(summarised table) says how the rows summarise the numbers', () => {
    const html = renderFigure({ ...chart, table: { ...chart.table, note: 'Totals per day.' } }, { id: 'fig-1', caption: 'x' });
    expect(html).toContain('</table>\n<p class="chart-table-note">Totals per day.</p>\n</details>');
  });

  test('renderFigure(chart) gives the same table each time its cells come again (cells are serialised once and reused)', () => {
    const hostile: ChartOutput = { ...chart, table: { columns: ['Day'], rows: [['<b>&'], [512], ['512'], ['<b>&']] } };
    const first = renderFigure(hostile, { id: 'fig-1', caption: 'x' });
    expect(first).toContain('<tbody>\n<tr><td>&#x3C;b>&#x26;</td></tr>\n<tr><td>512</td></tr>\n<tr><td>512</td></tr>\n<tr><td>&#x3C;b>&#x26;</td></tr>\n</tbody>');
    expect(renderFigure(hostile, { id: 'fig-1', caption: 'x' })).toBe(first);
    expect(renderFigure({ ...chart, table: { columns: ['Day'], rows: [] } }, { id: 'fig-1', caption: 'x' })).toContain('<tbody>\n\n</tbody>');
  });

  test('renderFigure(chart, opts) leaves out downloads without hrefs', () => {
    expect(renderFigure(chart, { id: 'fig-1', caption: 'x' })).not.toContain('chart-downloads');
  });

  test('renderFigure(chart, hostile opts) escapes caption, cells, id and hrefs, and drops script URLs', () => {
    const hostile: ChartOutput = { ...chart, table: { columns: ['<th>'], rows: [['<script>alert(1)</script>']] } };
    const html = renderFigure(hostile, {
      id: '"><script>', caption: '<img src=x onerror=alert(1)>', csvHref: 'a.csv?x="><b>', jsonHref: 'JavaScript:alert(1)',
    });
    // What a browser makes of it: every hostile string is text or an attribute's value, no element of its own.
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('script, img, b').length).toBe(0);
    expect(document.querySelector('figure')!.id).toBe('chart----script-');
    expect(document.querySelector('figcaption')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('th')!.textContent).toBe('<th>');
    expect(document.querySelector('td')!.textContent).toBe('<script>alert(1)</script>');
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['a.csv?x="><b>']);
    // Escaped as every other piece of markup is (hast-util-to-html): `<` and `&` in text, `"` and `&` in attributes.
    expect(html).toContain('<figcaption>&#x3C;img src=x onerror=alert(1)></figcaption>');
    expect(html).toContain('href="a.csv?x=&#x22;><b>"');
    expect(html).not.toMatch(/javascript:/i);
  });
});

describe('a chart placed without copies', () => {
  test('fillHole puts the parts where the hole was, and declines a text with no hole or two', () => {
    expect(fillHole('<p>a\u0000b</p>', ['1', '2'])).toBe('<p>a12b</p>');
    expect(fillHole('<p>ab</p>', ['1'])).toBeUndefined();
    expect(fillHole('<p>\u0000a\u0000</p>', ['1'])).toBeUndefined();
  });

  test('a figure whose own words hold the hole character is serialised whole, the same figure as without the shortcut', () => {
    const nul = { ...chart, description: 'A\u0000B' };
    const html = renderFigure(nul, { id: 'fig-1', caption: 'Cap\u0000tion' });
    expect(html).toContain('<figcaption>Cap\u0000tion</figcaption>');
    expect(html).toContain('<p class="chart-description">A\u0000B</p>');
    expect(html.split('<svg class="cf-layout-narrow"></svg>')).toHaveLength(2);
    expect(html).toContain('<div class="chart-frame">\n<svg class="cf-layout-narrow"></svg>\n<svg class="cf-layout-wide"></svg>\n</div>');
  });

  test('an SVG drawn in parts is the SVG serialised whole, also when its title holds the hole character', () => {
    const frame = { id: 'c', kind: 'test', layout: layouts.narrow, title: 'T & <t>', description: 'D', height: 10 };
    const shared = svgMarkup([s('rect', { x: 1, width: 2 })]);
    const body = [placed(shared), s('g', { style: 'fill:red' }, [s('rect', { y: 3 })])];
    const drawn = writeSvg(frame, body);
    expect(drawn).toMatch(/^<svg [^>]*><title id="[^"]+">T &#x26; &#x3C;t><\/title><desc id="[^"]+">D<\/desc><rect x="1" width="2"\/><g style="fill:red"><rect y="3"\/><\/g><\/svg>$/);
    const withNul = writeSvg({ ...frame, title: 'T\u0000' }, body);
    expect(withNul.replace('T\u0000', 'T & <t>'.replace('&', '&#x26;').replace('<', '&#x3C;'))).toBe(drawn);
  });
});
