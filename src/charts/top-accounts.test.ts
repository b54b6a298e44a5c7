import './drawing-libraries.ts';
import { describe, expect, test } from 'vitest';
import { renderFigure } from './figure.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';
import { topAccountsChart, type TopAccountsInput } from './top-accounts.ts';

const input: TopAccountsInput = {
  id: 'top-accounts',
  title: 'Most active accounts under #RecognizeNewCaledonia',
  accounts: [
    { label: '@esmirakhalil', count: 120 },
    { label: '@baku_voice', count: 84 },
    { label: 'Yeni Azərbaycan Partiyası Gənclər Birliyi', count: 61 },
    { label: '@noumea_news', count: 40 },
    { label: '@baku_voice', count: 12 },
  ],
  locale: 'en-GB',
};

const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'Tom & Jerry'];

describe('topAccountsChart', () => {
  test('topAccountsChart(accounts) matches its snapshot', () => {
    const { svg } = topAccountsChart(input);
    assertSvgSnapshot('top-accounts-narrow', svg.narrow);
    assertSvgSnapshot('top-accounts-wide', svg.wide);
  });

  test('topAccountsChart(accounts).description names the leader and its count', () => {
    expect(topAccountsChart(input).description).toBe(
      'Most active accounts under #RecognizeNewCaledonia. 5 accounts are shown, most active first. '
      + '@esmirakhalil leads with 120 posts. The last shown, @baku_voice, has 12 posts. Together they account for 317 posts.',
    );
  });

  test('topAccountsChart(accounts).table keeps full labels, duplicates and counts in input order', () => {
    const { table, data } = topAccountsChart(input);
    expect(table.rows).toEqual(input.accounts.map((a, i) => [i + 1, a.label, a.count]));
    expect(data.map((d) => d['count'])).toEqual([120, 84, 61, 40, 12]);
  });

  test('topAccountsChart(accounts) keeps accounts sharing a label as separate bars', () => {
    expect(topAccountsChart(input).svg.narrow.match(/<rect /g)).toHaveLength(5);
    expect(topAccountsChart(input).svg.wide.match(/<rect /g)).toHaveLength(5);
  });

  test('topAccountsChart(hostile labels) escapes them in the svg and the figure', () => {
    const chart = topAccountsChart({ ...input, title: hostile[0]!, accounts: hostile.map((label, i) => ({ label, count: 10 - i })) });
    const html = renderFigure(chart, { id: 'top', caption: hostile[1]!, csvHref: 'top.csv', jsonHref: 'javascript:alert(1)' });
    for (const markup of [chart.svg.narrow, chart.svg.wide, html]) {
      expect(markup).not.toContain('<script');
      expect(markup).not.toContain('<img');
    }
    // The SVG's own text and the figure around it, escaped alike: both are serialised by hast-util-to-html.
    for (const markup of [chart.svg.narrow, chart.svg.wide, html]) {
      expect(markup).toContain('&#x3C;script>alert(1)&#x3C;/script>');
      expect(markup).toContain('Tom &#x26; Jerry');
    }
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<figcaption>">&#x3C;img src=x onerror=alert(1)></figcaption>');
  });

  test('topAccountsChart(accounts) is byte-identical across renders', () => {
    expect(topAccountsChart(input).svg).toEqual(topAccountsChart(structuredClone(input)).svg);
  });

  test('topAccountsChart(every count tied) says so in one sentence instead of drawing equal bars', () => {
    const tied = topAccountsChart({ ...input, accounts: input.accounts.map((a) => ({ ...a, count: 1 })) });
    expect(tied.unavailable).toBe('All 5 accounts shown tie with 1 post each, so none stands out and no ranking is drawn.');
    expect(tied.svg).toEqual({ narrow: '', wide: '' });
    expect(tied.table.rows).toHaveLength(5);
  });

  test('topAccountsChart(no accounts) is replaced by a sentence saying why', () => {
    expect(topAccountsChart({ ...input, accounts: [] }).unavailable).toBe('No account posted under this hashtag in the case period, so there is no ranking to draw.');
  });

  test('topAccountsChart(accounts).svg writes each value at the end of its bar', () => {
    for (const svg of Object.values(topAccountsChart(input).svg)) {
      const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
      const values = [...svg.matchAll(/<text x="([\d.]+)"[^>]*text-anchor="start">(\d+)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);
      expect(values.map((v) => v[1])).toEqual(['120', '84', '61', '40', '12']);
      values.forEach(([x], i) => expect(x).toBe(bars[i]! + 4));
    }
  });
});
