import { describe, expect, it } from 'vitest';
import { context } from '../../test/fixtures/markdown/context.ts';
import { renderMarkdown } from './index.ts';

describe('renderMarkdown charts', () => {
  it('renders a timeline figure with its SVG intact, deterministic id and data links', () => {
    const r = renderMarkdown('Before.\n\n::chart{kind=timeline hashtag=RecognizeNewCaledonia bin=day caption="Posts per day <b>"}\n\nAfter.', context());
    expect(r.diagnostics).toEqual([]);
    expect(r.charts.map((c) => c.id)).toEqual(['timeline-recognizenewcaledonia-day']);
    expect(r.html).toContain('<figure id="timeline-recognizenewcaledonia-day" class="chart">\n<figcaption>Posts per day &#x3C;b></figcaption>\n<div class="chart-frame"');
    expect(r.html).toContain('<figcaption>Posts per day &#x3C;b></figcaption>');
    expect(r.html).toContain('href="/cases/new-caledonia/data/timeline-recognizenewcaledonia-day.csv"');
    expect(r.html).toContain('href="/cases/new-caledonia/data/timeline-recognizenewcaledonia-day.json"');
    // The case's events are marked on the timeline.
    expect(r.charts[0]!.output.description).toContain('Unrest begins');
    expect(r.html.indexOf('<p>Before.</p>')).toBeLessThan(r.html.indexOf('<figure'));
    expect(r.html.indexOf('</figure>')).toBeLessThan(r.html.indexOf('<p>After.</p>'));
  });

  it('marks a case event at local midnight of its date in the case zone, not at UTC midnight', () => {
    const r = renderMarkdown('::chart{kind=timeline hashtag=RecognizeNewCaledonia bin=hour}', context());
    expect(r.diagnostics).toEqual([]);
    // Asia/Baku is UTC+4: UTC midnight would read 04:00.
    expect(r.charts[0]!.output.description).toContain('Marked events: Unrest begins (May 16, 2024 at 00:00).');
  });

  it('renders top accounts and cascades, naming accounts as the site does', () => {
    const body = '::chart{kind=top-accounts hashtag=RecognizeNewCalendonia n=2}\n\n::chart{kind=cascade post=1001}';
    const r = renderMarkdown(body, context());
    expect(r.diagnostics).toEqual([]);
    expect(r.charts.map((c) => c.id)).toEqual(['top-accounts-recognizenewcaledonia-2', 'cascade-1001']);
    expect(r.charts[0]!.output.table.rows.map((row) => row[1])).toEqual(['Esmira Khalil', 'Account A (pseudonym)']);
  });

  it('reports unknown kinds, hashtags, options and bins with the valid values', () => {
    const body = [
      '::chart{kind=pie}',
      '::chart{kind=timeline hashtag=Nope}',
      '::chart{kind=timeline hashtag=RecognizeNewCaledonia bin=week colour=red}',
      '::chart{kind=compare hashtags=RecognizeNewCaledonia}',
      '::chart{kind=cascade post=404}',
      '::chart{kind=top-accounts hashtag=RecognizeNewCaledonia n=50}',
    ].join('\n\n');
    const r = renderMarkdown(body, context({ lineOffset: 1 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.start.column, d.expected])).toEqual([
      ['chart/invalid-option', 2, 1, 'one of timeline, top-accounts, cascade, heatmap, compare, synchrony, adjacency, network'],
      ['reference/hashtag', 4, 1, 'RecognizeNewCaledonia, FrenchColonialism'],
      ['chart/invalid-option', 6, 1, 'day or hour'],
      ['markdown/unknown-option', 6, 1, 'kind, hashtag, bin, caption'],
      ['chart/invalid-option', 8, 1, 'two or more tracked hashtags separated by commas, such as hashtags="A,B"'],
      ['reference/post', 10, 1, undefined],
      ['chart/invalid-option', 12, 1, 'a whole number from 1 to 10'],
    ]);
    expect(r.charts).toEqual([]);
    expect(r.html).not.toContain('<figure');
  });

  it('suggests the closest value of every option with a fixed list of values, and the closest option name', () => {
    const body = ['::chart{kind=timline hashtag=RecognizeNewCaledonia}', '::chart{kind=timeline hashtag=RecognizeNewCaledonia bin=hours captoin="A"}'].join('\n\n');
    const r = renderMarkdown(body, context({ lineOffset: 1 }));
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line, d.hint])).toEqual([
      ['chart/invalid-option', 2, 'Did you mean kind=timeline?'],
      ['chart/invalid-option', 4, 'Did you mean bin=hour?'],
      ['markdown/unknown-option', 4, 'Did you mean `caption`?'],
    ]);
  });

  it('reports the same chart drawn twice', () => {
    const r = renderMarkdown('::chart{kind=cascade post=1001}\n\n::chart{kind=cascade post=1001}', context());
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([['markdown/duplicate-id', 13]]);
    expect(r.charts).toHaveLength(1);
  });
});
