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
      'Posts per day under #RecognizeNewCaledonia and #FrenchColonialism in Asia/Baku time, 16\u2009–\u200922 May 2024. '
      + '#RecognizeNewCaledonia: 1,413 posts in total, peaking 16 May 2024 with 512 posts. '
      + '#FrenchColonialism: 434 posts in total, peaking 18 May 2024 with 240 posts.',
    );
  });

  test('hashtagComparison(series).table has one row per bin start and a column per tag', () => {
    const { table, data } = hashtagComparison(input);
    expect(table.columns).toEqual(['Date (Asia/Baku time)', '#RecognizeNewCaledonia', '#FrenchColonialism']);
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
});
