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
      expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(markup).toContain('Tom &amp; Jerry');
    }
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<figcaption>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</figcaption>');
  });

  test('topAccountsChart(accounts) is byte-identical across renders', () => {
    expect(topAccountsChart(input).svg).toEqual(topAccountsChart(structuredClone(input)).svg);
  });
});
