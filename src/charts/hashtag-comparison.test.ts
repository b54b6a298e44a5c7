import './drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import type { Bin } from '../aggregate/model.ts';
import { hashtagComparison, type HashtagComparisonInput } from './hashtag-comparison.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';

const day = 86_400_000;
/** Local midnight of 16 May 2024 in Baku (UTC+4). */
const may16 = Date.UTC(2024, 4, 15, 20);

function bins(totals: number[], firstDay = 0): Bin[] {
  return totals.map((total, i) => ({
    start: may16 + (firstDay + i) * day,
    label: `2024-05-${16 + firstDay + i}`,
    total,
    byKind: { post: total, repost: 0, quote: 0, reply: 0 },
    accounts: total,
    cumulative: 0,
  }));
}

const input: HashtagComparisonInput = {
  id: 'comparison',
  series: [
    { tag: 'RecognizeNewCaledonia', bins: bins([512, 300, 200, 150, 120, 80, 51]) },
    // Starts a day later: its first day is missing, not zero.
    { tag: 'FrenchColonialism', bins: bins([90, 240, 60, 30, 10, 4], 1) },
  ],
  bin: 'day',
  events: [{ time: Date.UTC(2024, 4, 16, 20), label: 'Viginum reports Azerbaijani accounts' }],
  timeZone: 'Asia/Baku',
  locale: 'en-GB',
};

describe('hashtagComparison', () => {
  test('hashtagComparison(series) matches its snapshot', () => {
    const { svg } = hashtagComparison(input);
    assertSvgSnapshot('hashtag-comparison-narrow', svg.narrow);
    assertSvgSnapshot('hashtag-comparison-wide', svg.wide);
  });

  test('hashtagComparison(series).description names each peak and its value', () => {
    expect(hashtagComparison(input).description).toBe(
      'Posts per day under #RecognizeNewCaledonia and #FrenchColonialism in Azerbaijan Standard Time, 16\u2009–\u200922 May 2024. '
      + '#RecognizeNewCaledonia: 1,413 posts in total, peaking 16 May 2024 with 512 posts. '
      + '#FrenchColonialism: 434 posts in total, peaking 18 May 2024 with 240 posts.',
    );
  });

  test('hashtagComparison(series).table has one row per bin start and a column per tag', () => {
    const { table, data } = hashtagComparison(input);
    expect(table.columns).toEqual(['Date (Azerbaijan Standard Time)', '#RecognizeNewCaledonia', '#FrenchColonialism']);
    expect(table.rows[0]).toEqual(['16 May 2024', 512, 0]);
    expect(table.rows.map((r) => r[2])).toEqual([0, 90, 240, 60, 30, 10, 4]);
    expect(data[1]).toEqual({ start: '2024-05-16T20:00:00.000Z', '#RecognizeNewCaledonia': 300, '#FrenchColonialism': 90 });
  });

  test('hashtagComparison(hostile tag) escapes it', () => {
    const svg = hashtagComparison({ ...input, series: [{ tag: '"><img onerror=alert(1)>', bins: bins([1, 2]) }] }).svg.wide;
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img onerror=alert(1)&gt;');
  });

  test('hashtagComparison(series) is byte-identical across renders', () => {
    expect(hashtagComparison(input).svg).toEqual(hashtagComparison(structuredClone(input)).svg);
  });

  test('hashtagComparison(two tags and their overlap) shades and names the posts carrying both, and counts them', () => {
    const both = input.series[0]!.bins.map((b, i) => ({ start: b.start, total: [0, 80, 40, 20, 10, 5, 0][i]! }));
    const chart = hashtagComparison({ ...input, overlaps: [{ tags: ['RecognizeNewCaledonia', 'FrenchColonialism'], bins: both }] });
    assertSvgSnapshot('hashtag-comparison-both-narrow', chart.svg.narrow);
    assertSvgSnapshot('hashtag-comparison-both-wide', chart.svg.wide);
    expect(chart.table.columns.at(-1)).toBe('Both tags');
    expect(chart.table.rows.map((r) => r.at(-1))).toEqual([0, 80, 40, 20, 10, 5, 0]);
    expect(chart.data[1]!['both']).toBe(80);
    expect(chart.description).toContain('155 posts carry both #RecognizeNewCaledonia and #FrenchColonialism (shaded).');
    expect(chart.svg.wide).toContain('>Both tags</text>');
  });

  test('hashtagComparison(three tags) counts each pair’s overlap in the table, the data and the description', () => {
    const three: HashtagComparisonInput = {
      ...input,
      series: [...input.series, { tag: 'Kanaky', bins: bins([5, 5, 5, 5, 5, 5, 5]) }],
      overlaps: [
        { tags: ['RecognizeNewCaledonia', 'FrenchColonialism'], bins: bins([0, 80, 40, 20, 10, 5, 0]).map((b) => ({ start: b.start, total: b.total })) },
        { tags: ['RecognizeNewCaledonia', 'Kanaky'], bins: bins([2, 0, 0, 0, 0, 0, 0]).map((b) => ({ start: b.start, total: b.total })) },
        { tags: ['FrenchColonialism', 'Kanaky'], bins: bins([0, 0, 0, 0, 0, 0, 0]).map((b) => ({ start: b.start, total: b.total })) },
      ],
    };
    const chart = hashtagComparison(three);
    expect(chart.table.columns.slice(-3)).toEqual([
      '#RecognizeNewCaledonia and #FrenchColonialism', '#RecognizeNewCaledonia and #Kanaky', '#FrenchColonialism and #Kanaky',
    ]);
    expect(chart.table.rows[1]!.slice(-3)).toEqual([80, 0, 0]);
    expect(chart.data[0]!['#RecognizeNewCaledonia&#Kanaky']).toBe(2);
    expect(chart.description).toContain(
      'Posts carrying two of the tags at once: #RecognizeNewCaledonia and #FrenchColonialism, 155 posts; '
      + '#RecognizeNewCaledonia and #Kanaky, 2 posts; #FrenchColonialism and #Kanaky, 0 posts.',
    );
    // Three shaded areas would hide the lines: none is drawn, and nothing is called "Both tags".
    expect(chart.svg.wide).not.toContain('Both tags');
  });

  test('hashtagComparison(series) names each line at its end, not in a legend', () => {
    const svg = hashtagComparison(input).svg.wide;
    expect(svg).not.toContain('cf-chart-legend');
    expect(svg).toContain('>#RecognizeNewCaledonia</text>');
    expect(svg).toContain('>#FrenchColonialism</text>');
  });

  test('hashtagComparison(series with events) marks the events', () => {
    expect(hashtagComparison(input).svg.narrow).toContain('Viginum reports');
  });
});
