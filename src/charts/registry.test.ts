import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartId, chartKindNames, chartOptionNames, parseChartOptions } from './registry.ts';

const src = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );
const files = sources(src).map((path) => ({ path: relative(src, path), text: readFileSync(path, 'utf8') }));

describe('chart kind registry', () => {
  it('lists every module that declares a kind, and nothing else', () => {
    const declared = files.flatMap((f) => [...f.text.matchAll(/chartKind\(\{\s*kind: '([^']+)'/g)].map((m) => [m[1], f.path]));
    expect(Object.fromEntries(declared)).toEqual({
      timeline: 'charts/timeline.ts',
      'top-accounts': 'charts/top-accounts.ts',
      cascade: 'charts/cascade.ts',
      heatmap: 'charts/activity-heatmap.ts',
      compare: 'charts/hashtag-comparison.ts',
      synchrony: 'charts/synchrony.ts',
      adjacency: 'charts/adjacency.ts',
      network: 'charts/network.ts',
    });
    expect([...chartKindNames].sort()).toEqual(declared.map(([kind]) => kind).sort());
  });

  it('is the only place that branches on a chart kind or lists kinds', () => {
    const name = `'(?:${chartKindNames.join('|')})'`;
    // A switch or test on a kind's name, or a list of two kinds' names: each would need editing for a new kind.
    const branch = new RegExp(`(?:case\\s+${name}|kind\\s*[!=]==?\\s*${name}|${name}\\s*,\\s*${name})`);
    const offenders = files.filter((f) => f.path !== 'charts/registry.ts' && branch.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('names the options each kind takes, kind and caption first and last', () => {
    expect(chartOptionNames('top-accounts')).toEqual(['kind', 'hashtag', 'n', 'caption']);
    expect(chartOptionNames('compare')).toEqual(['kind', 'hashtags', 'bin', 'caption']);
    expect(chartOptionNames('pie')).toBeUndefined();
  });
});

describe('parseChartOptions', () => {
  it('applies each kind’s defaults and keeps the caption', () => {
    expect(parseChartOptions({ kind: 'timeline', hashtag: '#Tag' })).toEqual({ spec: { kind: 'timeline', hashtag: 'Tag', bin: 'day' }, problems: [] });
    expect(parseChartOptions({ kind: 'top-accounts', hashtag: 'Tag', caption: 'Who' }).spec).toEqual({ kind: 'top-accounts', hashtag: 'Tag', n: 10, caption: 'Who' });
    expect(parseChartOptions({ kind: 'compare', hashtags: ' A , #B ,', bin: 'hour' }).spec).toEqual({ kind: 'compare', hashtags: ['A', 'B'], bin: 'hour' });
    expect(parseChartOptions({ kind: 'cascade', post: ' 17 ' }).spec).toEqual({ kind: 'cascade', post: '17' });
  });

  it('reports each bad option once, missing apart from invalid, in the kind’s order', () => {
    const { spec, problems } = parseChartOptions({ kind: 'top-accounts', n: '2.5' });
    expect(spec).toBeUndefined();
    expect(problems.map((p) => [p.ruleId, p.message])).toEqual([
      ['chart/missing-option', 'Unexpected no hashtag= on `::chart`, expected a hashtag the case tracks, such as hashtag=RecognizeNewCaledonia.'],
      ['chart/invalid-option', 'Unexpected n=`2.5` on `::chart`, expected a whole number from 1 to 10.'],
    ]);
    expect(parseChartOptions({ kind: 'top-accounts', hashtag: 'Tag', n: '11' }).problems.map((p) => p.actual)).toEqual(['11']);
    expect(parseChartOptions({ kind: 'heatmap', account: ' ' }).problems.map((p) => p.message)).toEqual([
      'Unexpected account=` ` on `::chart`, expected a dossier id (x/handle) or a dataset author id.',
    ]);
    expect(parseChartOptions({}).problems.map((p) => [p.ruleId, p.expected])).toEqual([
      ['chart/missing-option', 'one of timeline, top-accounts, cascade, heatmap, compare, synchrony, adjacency, network'],
    ]);
  });
});

describe('chartId', () => {
  it('names a chart by its kind and what it shows', () => {
    expect(chartId({ kind: 'timeline', hashtag: 'RecognizeNewCaledonia', bin: 'day' })).toBe('timeline-recognizenewcaledonia-day');
    expect(chartId({ kind: 'compare', hashtags: ['A', 'B'], bin: 'hour' })).toBe('compare-a-b-hour');
    expect(chartId({ kind: 'top-accounts', hashtag: 'Tag', n: 5 })).toBe('top-accounts-tag-5');
    expect(chartId({ kind: 'cascade', post: '1001' })).toBe('cascade-1001');
  });
});
