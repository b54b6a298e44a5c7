import './drawing-libraries.ts';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import type { Bin } from '../aggregate/model.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';
import { layouts } from './theme.ts';
import { timelineChart, type TimelineInput } from './timeline.ts';

const day = 86_400_000;
/** Local midnight of 16 May 2024 in Baku (UTC+4). */
const may16 = Date.UTC(2024, 4, 15, 20);

function dayBins(rows: [post: number, repost: number][]): Bin[] {
  let cumulative = 0;
  return rows.map(([post, repost], i) => {
    cumulative += post + repost;
    return {
      start: may16 + i * day,
      label: `2024-05-${16 + i}`,
      total: post + repost,
      byKind: { post, repost, quote: 0, reply: 0 },
      accounts: post,
      cumulative,
    };
  });
}

const input: TimelineInput = {
  id: 'timeline-recognize',
  tag: 'RecognizeNewCaledonia',
  bins: dayBins([[112, 400], [60, 240], [30, 170], [20, 130], [15, 105], [10, 70], [6, 45]]),
  bin: 'day',
  events: [{ time: may16 + 1.5 * day, label: 'Accounts suspended' }],
  peak: { starts: [may16], labels: ['2024-05-16'], value: 512 },
  timeZone: 'Asia/Baku',
  locale: 'en-GB',
};

describe('timelineChart', () => {
  test('timelineChart(day bins) matches its snapshot', () => {
    const { svg } = timelineChart(input);
    assertSvgSnapshot('timeline-day-narrow', svg.narrow);
    assertSvgSnapshot('timeline-day-wide', svg.wide);
  });

  test('timelineChart(hour bins, fr) matches its snapshot', () => {
    // Two local days of hourly bins, quiet at night, peaking at 16:00 on the second day.
    const counts = Array.from({ length: 48 }, (_, h) => (h % 24 < 7 ? 0 : (h % 24) + (h >= 24 ? 10 : 0)));
    counts[40] = 60;
    const bins = counts.map((n, i) => ({
      start: may16 + i * 3_600_000,
      label: `h${i}`,
      total: n,
      byKind: { post: Math.floor(n / 3), repost: n - Math.floor(n / 3), quote: 0, reply: 0 },
      accounts: n,
      cumulative: 0,
    }));
    const hourly = timelineChart({
      ...input, id: 'timeline-hour', bins, bin: 'hour', locale: 'fr', events: [],
      peak: { starts: [bins[40]!.start], labels: ['h40'], value: 60 },
    });
    assertSvgSnapshot('timeline-hour-fr-narrow', hourly.svg.narrow);
    assertSvgSnapshot('timeline-hour-fr-wide', hourly.svg.wide);
    expect(hourly.description).toContain('Le pic a eu lieu le 17 mai 2024 à 16:00 avec 60 publications.');
  });

  test('timelineChart(day bins) names each kind beside the tallest bar with room beside it, otherwise in a key', () => {
    // A peak far above the next day: the names fit beside it, and no key is drawn.
    const spike = { ...input, bins: dayBins([[112, 400], [2, 6], [1, 4], [1, 3], [1, 2], [1, 1], [1, 1]]) };
    for (const svg of Object.values(timelineChart(spike).svg)) {
      expect(svg).not.toContain('cf-chart-legend');
      expect(svg).toContain('>Original posts</text>');
      expect(svg).toContain('>Reposts</text>');
    }
    // A campaign fading day by day leaves no bar with room beside it: a name there would sit on the next bar.
    for (const svg of Object.values(timelineChart(input).svg)) {
      const [plotted, key] = svg.split('cf-chart-legend');
      expect(key).toContain('>Original posts</text>');
      expect(plotted).not.toContain('>Original posts</text>');
    }
    // No bar holds both kinds: the names go in a key below the axis instead.
    const apart = timelineChart({ ...input, bins: dayBins([[10, 0], [0, 20]]), peak: { starts: [may16 + day], labels: ['2024-05-17'], value: 20 } });
    expect(apart.svg.narrow).toContain('cf-chart-legend');
  });

  test('timelineChart(lead-in bin) draws its posts, faded, before the period and says they are not counted', () => {
    const leadIn: Bin = { start: may16 - day, label: '2024-05-15', total: 30, byKind: { post: 10, repost: 20, quote: 0, reply: 0 }, accounts: 10, cumulative: 30 };
    const chart = timelineChart({ ...input, leadIn });
    assertSvgSnapshot('timeline-day-lead-in-narrow', chart.svg.narrow);
    expect(chart.svg.wide.match(/fill-opacity="0.45"/g)?.length ?? 0).toBeGreaterThan(0);
    expect(chart.description).toContain('Before the period, 15 May 2024: 30 posts, drawn faded and not counted above.');
    expect(chart.table.rows).toHaveLength(7);
    // A lead-in with no posts, or not ending where the period starts, is not drawn.
    expect(timelineChart({ ...input, leadIn: { ...leadIn, total: 0 } }).description).not.toContain('Before the period');
    expect(timelineChart({ ...input, leadIn: { ...leadIn, start: may16 - 2 * day } }).svg.wide).toBe(timelineChart(input).svg.wide);
  });

  test('timelineChart(input).description names the zone, range, peak and events', () => {
    expect(timelineChart(input).description).toBe(
      'Posts per day under #RecognizeNewCaledonia in Azerbaijan Standard Time, 16\u2009–\u200922 May 2024: 1,413 posts in total. '
      + 'The peak was 16 May 2024 with 512 posts. By kind: 253 original posts and 1,160 reposts. '
      + 'Marked events: Accounts suspended (17 May 2024).',
    );
  });

  test('timelineChart(input).description lists every tied peak, in French too', () => {
    const tied = { ...input, locale: 'fr', peak: { starts: [may16, may16 + 2 * day], labels: [], value: 512 } };
    expect(timelineChart(tied).description).toContain('Le pic a eu lieu le 16 mai 2024 et le 18 mai 2024 avec 512 publications.');
  });

  test('timelineChart(tied peaks) draws one label for them: between adjacent hours, over the first of peaks apart', () => {
    const hour = 3_600_000;
    const counts = Array.from({ length: 48 }, (_, h) => (h === 18 || h === 19 || h === 40 ? 42 : 5));
    const bins = counts.map((n, i) => ({ start: may16 + i * hour, label: `h${i}`, total: n, byKind: { post: 2, repost: n - 2, quote: 0, reply: 0 }, accounts: n, cumulative: 0 }));
    const hourly = (starts: number[]) => timelineChart({ ...input, bins, bin: 'hour', events: [], peak: { starts, labels: [], value: 42 } });
    /** The peak labels drawn, each with the x its text is anchored at (its own and its groups' translations). */
    const labels = (svg: string) => {
      const root = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg')!;
      return [...root.querySelectorAll('text')].filter((t) => /^Peaks?: 42$/.test(t.textContent ?? '')).map((t) => {
        let x = 0;
        for (let at: Element | null = t; at && at !== root; at = at.parentElement) x += Number(/translate\(([-\d.]+)/.exec(at.getAttribute('transform') ?? '')?.[1] ?? 0);
        return { text: t.textContent, x };
      });
    };
    for (const layout of ['narrow', 'wide'] as const) {
      const adjacent = labels(hourly([bins[18]!.start, bins[19]!.start]).svg[layout]);
      expect(adjacent.map((l) => l.text), layout).toEqual(['Peaks: 42']);
      const single = labels(hourly([bins[18]!.start]).svg[layout]);
      const next = labels(hourly([bins[19]!.start]).svg[layout]);
      expect(single.map((l) => l.text)).toEqual(['Peak: 42']);
      // Centred between the two hours' own labels, which lie one bar apart.
      expect(adjacent[0]!.x).toBeCloseTo((single[0]!.x + next[0]!.x) / 2, 1);
      expect(next[0]!.x - single[0]!.x).toBeLessThan(layouts[layout].width / 40);
      const apart = labels(hourly([bins[18]!.start, bins[40]!.start]).svg[layout]);
      expect(apart.map((l) => l.text)).toEqual(['Peaks: 42']);
      expect(apart[0]!.x).toBeCloseTo(single[0]!.x, 1);
    }
    expect(hourly([bins[18]!.start, bins[40]!.start]).description).toContain('The peak was 16 May 2024 at 18:00 and 17 May 2024 at 16:00 with 42 posts.');
  });

  test('timelineChart(input).description counts each kind in the plural its number needs', () => {
    const one = { ...input, bins: dayBins([[1, 0], [2, 1]]), peak: { starts: [may16 + day], labels: ['2024-05-17'], value: 3 } };
    expect(timelineChart(one).description).toContain('By kind: 3 original posts and 1 repost.');
    expect(timelineChart({ ...one, locale: 'ru' }).description).toMatch(/3 оригинальные публикации и 1 репост\./);
  });

  test('timelineChart(input).table and data hold exactly the input numbers', () => {
    const { table, data } = timelineChart(input);
    expect(table.columns).toEqual(['Date (Azerbaijan Standard Time)', 'Original posts', 'Reposts', 'Quotes', 'Replies', 'Total']);
    expect(table.rows[0]).toEqual(['16 May 2024', 112, 400, 0, 0, 512]);
    expect(table.rows.map((r) => r.at(-1))).toEqual(input.bins.map((b) => b.total));
    expect(data[0]).toEqual({ start: '2024-05-15T20:00:00.000Z', label: '2024-05-16', post: 112, repost: 400, quote: 0, reply: 0, total: 512 });
  });

  test('timelineChart(input) escapes hostile event labels and tags', () => {
    const { narrow, wide } = timelineChart({ ...input, tag: '"><img onerror=alert(1)>', events: [{ time: may16 + day, label: '<script>alert(1)</script>' }] }).svg;
    const svg = narrow + wide;
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('timelineChart(input) is byte-identical across renders', () => {
    expect(timelineChart(input).svg).toEqual(timelineChart(structuredClone(input)).svg);
  });

  test('timelineChart(input).svg is labelled by its own title and desc', () => {
    const svg = timelineChart(input).svg.wide;
    const root = /^<svg [^>]*>/.exec(svg)![0];
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="timeline-recognize-wide-title"');
    expect(root).toContain('aria-describedby="timeline-recognize-wide-desc"');
    // No mark inside the picture carries its own label: the picture is one image.
    expect(svg.slice(root.length)).not.toMatch(/aria-label=/);
    expect(svg).toContain('<title id="timeline-recognize-wide-title">Posts per day under #RecognizeNewCaledonia</title>');
    expect(svg).toContain('<desc id="timeline-recognize-wide-desc">');
    expect(svg).not.toMatch(/(fill|stroke)="var\(/);
  });
});
