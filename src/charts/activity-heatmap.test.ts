import { parseHTML } from 'linkedom';
import './drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import { activityHeatmap, dateRows, weekdayRows, type ActivityHeatmapInput } from './activity-heatmap.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';

/** Office hours on weekdays, a little in the evenings, a burst on Thursday at 09:00. */
const dayHour: number[][] = Array.from({ length: 7 }, (_, day) =>
  Array.from({ length: 24 }, (_, hour) => (day < 5 && hour >= 9 && hour < 18 ? 3 : hour >= 20 && hour < 23 ? 1 : 0)));
dayHour[3]![9] = 42;

const input: ActivityHeatmapInput = { id: 'activity', label: '@esmirakhalil', by: 'weekday', rows: weekdayRows(dayHour, 'en-GB'), timeZone: 'Asia/Baku', locale: 'en-GB' };

/** The SVG as a browser would read it inside a page. */
function parse(svg: string): SVGSVGElement {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;
}

/** The cells a path draws, each as `x y width height`, from its subpaths `Mx,yhWvHh-Wz`. */
function cellsOf(path: Element): string[] {
  const d = path.getAttribute('d') ?? '';
  const cells = [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h([\d.]+)v([\d.]+)h-([\d.]+)z/g)];
  // Nothing but cells in the path: what the pattern did not match would be drawn too.
  expect(cells.map((m) => m[0]).join('')).toBe(d);
  return cells.map((m) => m.slice(1, 5).join(' '));
}

describe('activityHeatmap', () => {
  test('activityHeatmap(dayHour) matches its snapshot', () => {
    const { svg } = activityHeatmap(input);
    assertSvgSnapshot('activity-heatmap-narrow', svg.narrow);
    assertSvgSnapshot('activity-heatmap-wide', svg.wide);
  });

  test('activityHeatmap(dayHour).description names the busiest slot, day and hour', () => {
    expect(activityHeatmap(input).description).toBe(
      'Posts by @esmirakhalil by day of week and hour of day in Azerbaijan Standard Time: 195 posts in total. '
      + 'The busiest hour was Thursday 09:00–10:00, with 42 posts. The busiest day of the week was Thursday (69 posts). '
      + 'The busiest hour of the day was 09:00 (54 posts).',
    );
  });

  test('activityHeatmap(dayHour, fr) names days in French', () => {
    expect(activityHeatmap({ ...input, locale: 'fr', rows: weekdayRows(dayHour, 'fr') }).description).toContain('L’heure la plus active a été jeudi 09:00–10:00, avec 42 publications.');
  });

  test('activityHeatmap(dayHour).table is the 7 × 24 grid', () => {
    const { table, data } = activityHeatmap(input);
    expect(table.columns).toHaveLength(25);
    expect(table.rows.map((r) => r.slice(1))).toEqual(dayHour);
    expect(table.rows.map((r) => r[0])).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(data[3]!['h09']).toBe(42);
    expect(Object.keys(data[0]!)).toEqual(['day', ...Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`)]);
  });

  test('activityHeatmap(many tied hours) summarises the tie instead of listing it', () => {
    const flat = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 1));
    expect(activityHeatmap({ ...input, rows: weekdayRows(flat, 'en-GB') }).description).toContain('168 different hours of the week tie as the busiest, with 1 post each.');
  });

  test('activityHeatmap(dates, many tied hours) speaks of the dates, not of the week', () => {
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 8 && h <= 10 ? 1 : 0));
    const dateHour = [{ date: '2024-05-16', hours }, { date: '2024-05-17', hours }];
    const description = activityHeatmap({ ...input, by: 'date', rows: dateRows(['2024-05-16', '2024-05-17'], dateHour, 'en-GB') }).description;
    expect(description).toContain('6 one-hour slots across the dates tie as the busiest, with 1 post each.');
    expect(description).not.toContain('week');
  });

  test('activityHeatmap(dayHour) is byte-identical across renders', () => {
    expect(activityHeatmap(input).svg).toEqual(activityHeatmap(structuredClone(input)).svg);
  });

  test('activityHeatmap(hostile label and id) escapes them: no element or attribute comes from the input', () => {
    const label = '</title><script>alert("x")</script><rect onclick=\'x\'/>&amp;';
    const chart = activityHeatmap({ ...input, id: 'a"><script>', label, timeZone: 'Asia/Baku<b>' });
    const svg = parse(chart.svg.wide);
    expect(svg.querySelectorAll('script')).toHaveLength(0);
    expect(svg.querySelectorAll('b')).toHaveLength(0);
    expect(svg.querySelectorAll('[onclick]')).toHaveLength(0);
    expect(svg.querySelector('title')!.textContent).toBe(chart.title);
    expect(chart.title).toContain(label);
    expect(svg.querySelector('desc')!.textContent).toBe(chart.description);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toContain('Hour of day (Asia/Baku<b>)');
    expect(svg.getAttribute('aria-labelledby')).toBe('a---script--wide-title');
  });

  test('activityHeatmap(dayHour).svg is named by its title and described by its desc', () => {
    const svg = parse(activityHeatmap(input).svg.wide);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector(`#${svg.getAttribute('aria-labelledby')}`)!.tagName.toLowerCase()).toBe('title');
    expect(svg.querySelector(`#${svg.getAttribute('aria-describedby')}`)!.tagName.toLowerCase()).toBe('desc');
  });

  test('activityHeatmap(dayHour).svg draws every cell, and one shaded cell per non-empty hour, darkest at the busiest', () => {
    const svg = parse(activityHeatmap(input).svg.wide);
    const empty = cellsOf(svg.querySelector(':scope > path[fill-opacity="0.12"]')!);
    const shaded = [...svg.querySelectorAll(':scope > g[style] > path')].flatMap((path) => cellsOf(path).map((box) => ({ box, opacity: path.getAttribute('fill-opacity') })));
    expect(empty).toHaveLength(7 * 24);
    expect(new Set(empty).size).toBe(7 * 24);
    expect(shaded).toHaveLength(dayHour.flat().filter((n) => n > 0).length);
    expect(shaded.filter((c) => c.opacity === '1').map((c) => c.box)).toEqual([empty[3 * 24 + 9]]);
    expect(new Set(shaded.map((c) => c.opacity))).toEqual(new Set(['1', '0.21', '0.17']));
    // Each shaded cell covers the empty cell of its day and hour.
    const at = (d: number, h: number) => empty[d * 24 + h];
    expect(shaded.map((c) => c.box).sort()).toEqual(dayHour.flatMap((hours, d) => hours.flatMap((n, h) => (n > 0 ? [at(d, h)] : []))).sort());
  });

  test('activityHeatmap(locale) labels the days in that language, whichever language was drawn first', () => {
    const dayLabels = (locale: string) => [...parse(activityHeatmap({ ...input, locale, rows: weekdayRows(dayHour, locale) }).svg.wide).querySelectorAll('g[text-anchor="end"] text')].map((t) => t.textContent);
    const french = dayLabels('fr');
    expect(french[0]).toBe('lun.');
    expect(dayLabels('en-GB')[0]).toBe('Mon');
    expect(dayLabels('fr')).toEqual(french);
  });

  test('activityHeatmap(date rows) puts the dates in order down the side and keys the download by date', () => {
    const chart = activityHeatmap({ ...input, by: 'date', rows: dateRows(['2024-05-16', '2024-05-17'], [{ date: '2024-05-17', hours: dayHour[3]! }], 'en-GB') });
    expect(chart.title).toBe('Posts by @esmirakhalil by date and hour');
    expect(chart.table.rows.map((r) => r[0])).toEqual(['16 May 2024', '17 May 2024']);
    expect(chart.data[1]!['date']).toBe('2024-05-17');
    expect(chart.description).toContain('The busiest date was 17 May 2024 (69 posts).');
    expect([...parse(chart.svg.narrow).querySelectorAll('g[text-anchor="end"] text')].map((t) => t.textContent)).toEqual(['16 May', '17 May']);
  });

  test('activityHeatmap cells sit on their own chart\'s grid, whichever heatmap with other rows was drawn before', () => {
    // Each filled cell must cover one of the chart's empty cells: a cell kept from a heatmap of seven rows would
    // not line up with the rows of one of two dates, though it has the same row, hour and shade.
    const grid = (svg: string) => {
      const root = parse(svg);
      const empty = new Set(cellsOf(root.querySelector(':scope > path[fill-opacity="0.12"]')!));
      const filled = [...root.querySelectorAll(':scope > g[style] > path')].flatMap(cellsOf);
      return { empty, filled };
    };
    const byDate = () => activityHeatmap({ ...input, by: 'date', rows: dateRows(['2024-05-13', '2024-05-16'], [{ date: '2024-05-13', hours: dayHour[0]! }, { date: '2024-05-16', hours: dayHour[3]! }], 'en-GB') });
    for (const charts of [[activityHeatmap(input), byDate()], [byDate(), activityHeatmap(input)]]) {
      for (const chart of charts) {
        for (const layout of ['narrow', 'wide'] as const) {
          const { empty, filled } = grid(chart.svg[layout]);
          expect(filled.length).toBeGreaterThan(0);
          for (const cell of filled) expect(empty).toContain(cell);
        }
      }
    }
  });

  test('activityHeatmap(dayHour).svg has a key from an empty cell to the largest count', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      const key = parse(activityHeatmap(input).svg[layout]).querySelector('.cf-chart-key')!;
      expect([...key.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Posts in the hour', '0', '1', '11', '22', '32', '42']);
      expect(key.querySelectorAll('rect')).toHaveLength(6);
    }
  });

  test('activityHeatmap(no posts) is replaced by a sentence saying why', () => {
    const chart = activityHeatmap({ ...input, rows: weekdayRows([], 'en-GB') });
    expect(chart.unavailable).toBe('@esmirakhalil has no posts in the data, so there is no activity to draw.');
    expect(chart.svg).toEqual({ narrow: '', wide: '' });
  });
});
