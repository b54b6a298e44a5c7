/**
 * The coordination chart kinds (synchrony, adjacency, network) on a result the analysis computed from
 * readable posts (coordination.test-fixture.ts): what they draw, say and list, at both layouts.
 */
import './drawing-libraries.ts';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import type { CoordinationCluster } from '../aggregate/coordination/types.ts';
import type { ReportModel } from '../aggregate/model.ts';
import { difference, type Vision } from './colour-vision.ts';
import { adjacencyChart, MAX_ACCOUNTS } from './adjacency.ts';
import { coordination, groupOne, label } from './coordination.test-fixture.ts';
import type { ChartQuery } from './kind.ts';
import { MAX_NODES, networkChart } from './network.ts';
import { buildChart, parseChartOptions } from './registry.ts';
import { assertSvgSnapshot } from './svg-snapshot.ts';
import { COLOURED_ITEMS, GREY_OPACITY, itemRadius, synchronyChart } from './synchrony.ts';
import { layouts, palettes } from './theme.ts';

const parse = (svg: string) =>
  parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;
const texts = (svg: string) => [...parse(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
const [one, two] = coordination.clusters as [CoordinationCluster, CoordinationCluster];
const synchrony = (cluster = one, extra: Partial<Parameters<typeof synchronyChart>[0]> = {}) =>
  synchronyChart({ id: 'synchrony-1', n: cluster.id, cluster, window: 60, label, timeZone: 'Asia/Baku', locale: 'en-GB', ...extra });

describe('the fixture', () => {
  test('has the two planted groups as clusters 1 and 2', () => {
    expect(one.accounts.map((a) => a.accountId).sort()).toEqual(groupOne);
    expect(two.accounts).toHaveLength(4);
  });
});

describe('synchronyChart', () => {
  test('matches its snapshots', () => {
    const { svg } = synchrony();
    assertSvgSnapshot('synchrony-narrow', svg.narrow);
    assertSvgSnapshot('synchrony-wide', svg.wide);
  });

  test('draws one mark per post: the four items most accounts shared in colour and shape, the rest grey', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      const svg = parse(synchrony().svg[layout]);
      // Plot puts a mark's fill on its group: one group of marks per colour.
      const marks = (colour: string) => [...svg.querySelectorAll(`g[style*="${colour}"]`)].flatMap((g) => [...g.children]).length;
      const byItem = (k: number) => one.actions.filter((a) => a.item === k).length;
      expect([1, 2, 3, 4].map((k) => marks(`--cf-chart-${k}`))).toEqual([0, 1, 2, 3].map(byItem));
      expect(marks('fill:var(--cf-chart-muted')).toBe(one.actions.filter((a) => a.item >= COLOURED_ITEMS).length);
    }
  });

  test('has one row per account, most ties first, and names the private person by pseudonym only', () => {
    const labels = texts(synchrony().svg.wide);
    expect(labels.slice(0, 6)).toEqual(['@kanaky_voice', '@island_news_24', '@baku_daily_report', '@freedom_for_all_…', '@nc_truth', 'Account P-1']);
    const chart = synchrony();
    const everything = JSON.stringify(chart);
    expect(everything).toContain('Account P-1');
    expect(everything).toContain('Account P-2');
    // The private people's account ids never reach the page or the CSV.
    expect(chart.data.map((d) => d.account)).not.toContain('106');
    expect(everything).not.toMatch(/"(106|901)"/);
  });

  test('keys the four coloured items and says how many others are grey', () => {
    const legend = [...parse(synchrony().svg.narrow).querySelectorAll('.cf-chart-legend text')].map((t) => t.textContent);
    expect(legend).toEqual(['1 · repost', '2 · same text', '3 · repost', '4 · same text', `Other items (${one.items.length - 4})`]);
  });

  test('describes the cluster, each coloured item with its first post to the second, and the grey ones', () => {
    expect(synchrony().description).toBe(
      `Cluster 1: 6 accounts, one row each (most ties first), and their ${one.actions.length} posts on ${one.items.length} items they shared within 60 seconds of each other, in Azerbaijan Standard Time; posts on one item line up. `
      + 'Coloured, the items most accounts shared: item 1, repost of a post by @origin_account (6 accounts, first at 16 May 2024, 09:00:10); '
      + 'item 2, same text (6 accounts, first at 16 May 2024, 09:02:20); item 3, repost of a post by @origin_account (6 accounts, first at 16 May 2024, 19:01:44); '
      + `item 4, same text (6 accounts, first at 16 May 2024, 19:03:37). The other ${one.items.length - 4} items are drawn in grey.`,
    );
  });

  test('lists every item in its table and every post in its CSV', () => {
    const chart = synchrony();
    expect(chart.table.rows).toHaveLength(one.items.length);
    expect(chart.table.rows[0]).toEqual([1, 'repost of a post by @origin_account', 6, 6, '16 May 2024, 09:00:10']);
    expect(chart.data).toHaveLength(one.actions.length);
    expect(chart.data[0]).toEqual({ time: '2024-05-16T05:00:10.000Z', account: expect.any(String), item: 1, shared: 'repost', coloured: 'yes' });
  });

  test('draws every mark centred on its account\'s row line, at both layouts', () => {
    for (const layout of ['narrow', 'wide'] as const) {
      const svg = parse(synchrony().svg[layout]);
      // A y in the drawing's own units: the element's own y plus its groups' translations.
      const absoluteY = (el: Element, own: number) => {
        let y = own;
        for (let at: Element | null = el; at && at !== (svg as unknown as Element); at = at.parentElement) {
          const shift = /translate\(\s*[-\d.]+\s*,\s*([-\d.]+)\s*\)/.exec(at.getAttribute('transform') ?? '');
          if (shift && at !== el) y += Number(shift[1]);
        }
        return y;
      };
      const rows = [...svg.querySelectorAll('line')].filter((l) => l.getAttribute('y1') === l.getAttribute('y2') && l.closest('g[stroke-opacity]'))
        .map((l) => absoluteY(l as unknown as Element, Number(l.getAttribute('y1'))));
      expect(rows).toHaveLength(one.accounts.length);
      const marks = [...svg.querySelectorAll('g[style*="fill:var(--cf-chart-"]')].flatMap((g) => [...g.children]).map((m) => {
        const own = m.tagName.toLowerCase() === 'circle'
          ? Number(m.getAttribute('cy'))
          : Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(m.getAttribute('transform') ?? '')![1]);
        return absoluteY(m as unknown as Element, own);
      });
      expect(marks).toHaveLength(one.actions.length);
      const offRow = marks.filter((y) => !rows.some((r) => Math.abs(r - y) < 0.01));
      expect(offRow, layout).toEqual([]);
    }
  });

  test('nests coloured marks that fall on one spot: each item smaller than the one before and drawn over it', () => {
    for (const layout of [layouts.narrow, layouts.wide]) {
      const radii = [0, 1, 2, 3].map((k) => itemRadius(k, layout));
      expect(radii.every((r, k) => k === 0 || r < radii[k - 1]!)).toBe(true);
      expect(Math.min(...radii)).toBeGreaterThan(2.5);
      const svg = parse(synchrony().svg[layout.name]);
      const order = [...svg.querySelectorAll('g[style*="fill:var(--cf-chart-"]')].map((g) => /fill:var\(--cf-chart-(\w+)/.exec(g.getAttribute('style')!)![1]);
      expect(order).toEqual(['muted', '1', '2', '3', '4']);
      const circles = [...svg.querySelectorAll('g[style*="--cf-chart-1"] circle')].map((c) => Number(c.getAttribute('r')));
      expect(new Set(circles)).toEqual(new Set([radii[0]]));
    }
  });

  test('a cluster with two items colours both and speaks of no grey ones', () => {
    const chart = synchrony(two);
    expect(chart.description).not.toContain('grey');
    expect([...parse(chart.svg.wide).querySelectorAll('.cf-chart-legend text')].map((t) => t.textContent)).toEqual(['1 · same link', '2 · same link', '3 · same link']);
  });

  test('escapes hostile labels: no element or attribute comes from them', () => {
    const hostile = () => '</text><script>alert(1)</script><g onload="x">';
    const svg = parse(synchrony(one, { label: hostile }).svg.wide);
    expect(svg.querySelectorAll('script')).toHaveLength(0);
    expect(svg.querySelectorAll('[onload]')).toHaveLength(0);
  });

  test('in French, words and dates are French', () => {
    const chart = synchrony(one, { locale: 'fr' });
    expect(chart.title).toBe('Quand les comptes du groupe 1 ont publié les éléments qu’ils ont partagés');
    expect(chart.description).toContain('élément 1, republication d’une publication de @origin_account (6 comptes, d’abord le 16 mai 2024, 09:00:10)');
  });
});

describe('adjacencyChart', () => {
  const adjacency = (cluster = one, extra: Partial<Parameters<typeof adjacencyChart>[0]> = {}) =>
    adjacencyChart({ id: 'adjacency-1', n: cluster.id, cluster, result: coordination, label, locale: 'en-GB', ...extra });

  test('matches its snapshots', () => {
    const { svg } = adjacency();
    assertSvgSnapshot('adjacency-narrow', svg.narrow);
    assertSvgSnapshot('adjacency-wide', svg.wide);
  });

  test('draws a cell each way for every tie, darkest for the strongest, and an empty cell for every other pair', () => {
    const svg = parse(adjacency().svg.wide);
    const [empty, filled] = [...svg.querySelectorAll(':scope > g[style]')].map((g) => [...g.querySelectorAll('rect')]);
    expect(empty).toHaveLength(6 * 5);
    expect(filled).toHaveLength(2 * 15);
    // Account P-1 skipped half the campaigns: its ties rest on fewer items and are lighter.
    const opacities = filled!.map((r) => Number(r.getAttribute('fill-opacity')));
    expect(Math.max(...opacities)).toBe(1);
    expect(opacities.filter((o) => o < 1)).toHaveLength(2 * 5);
  });

  test('describes density and the strongest tie, and lists ties with the numbers the picture uses', () => {
    const chart = adjacency();
    expect(chart.description).toBe('Ties among the 6 accounts of cluster 1, in the same order down and across (most ties first), darker for more shared items: 15 of the 15 possible pairs are tied (100%). The strongest tie, between @kanaky_voice and @island_news_24, rests on 13 shared items.');
    expect(chart.table.rows[0]).toEqual(['1 · @kanaky_voice', '2 · @island_news_24', 13, 'repost, same text']);
    expect(texts(chart.svg.narrow).slice(0, 2)).toEqual(['1 @kanaky_…', '1']);
    expect(chart.data[0]).toEqual({ account_a: '@kanaky_voice', account_b: '@island_news_24', weight: 13, signals: 'repost;text' });
  });

  test(`a cluster of more than ${MAX_ACCOUNTS} accounts gets the table only, and the description says why`, () => {
    const big: CoordinationCluster = { ...one, accounts: Array.from({ length: MAX_ACCOUNTS + 1 }, (_, k) => ({ ...one.accounts[0]!, accountId: `a${k}` })) };
    const chart = adjacency(big);
    expect(chart.svg).toEqual({ narrow: '', wide: '' });
    expect(chart.unavailable).toBe('Cluster 1 has 61 accounts, more than the 60 a grid can show legibly, so its ties are listed in the table only.');
    expect(chart.description).toContain(chart.unavailable);
  });

  test('at 60 accounts the grid is drawn, numbering every other row on a phone so labels do not overlap', () => {
    const accounts = Array.from({ length: MAX_ACCOUNTS }, (_, k) => ({ ...one.accounts[0]!, accountId: `a${k}`, degree: MAX_ACCOUNTS - k }));
    const chart = adjacency({ ...one, accounts });
    const rows = [...parse(chart.svg.narrow).querySelectorAll('text[text-anchor="end"]')].map((t) => Number(t.getAttribute('y')));
    expect(rows.length).toBeGreaterThan(5);
    expect(Math.min(...rows.slice(1).map((y, i) => y - rows[i]!))).toBeGreaterThanOrEqual(12);
  });
});

describe('networkChart', () => {
  const network = (extra: Partial<Parameters<typeof networkChart>[0]> = {}) => networkChart({ id: 'network-all', result: coordination, label, locale: 'en-GB', ...extra });

  test('matches its snapshots', () => {
    const { svg } = network();
    assertSvgSnapshot('network-narrow', svg.narrow);
    assertSvgSnapshot('network-wide', svg.wide);
  });

  test('draws every account and tie, lines thicker for more shared items; numbers on a phone, names when wide', () => {
    const chart = network();
    const svg = parse(chart.svg.wide);
    expect(svg.querySelectorAll('circle')).toHaveLength(10);
    const widths = [...svg.querySelectorAll('line')].map((l) => Number(l.getAttribute('stroke-width')));
    expect(widths).toHaveLength(21);
    expect(Math.min(...widths)).toBe(1);
    expect(Math.max(...widths)).toBe(6);
    expect(texts(chart.svg.narrow)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(texts(chart.svg.wide)[5]).toBe('6 Account P-1');
  });

  test('lays out deterministically: the same ties give the same bytes', () => {
    expect(network().svg).toEqual(networkChart({ id: 'network-all', result: structuredClone(coordination), label, locale: 'en-GB' }).svg);
  });

  test('one cluster alone', () => {
    const chart = network({ n: 2 });
    expect(chart.title).toBe('Accounts of cluster 2 and their ties');
    expect(parse(chart.svg.wide).querySelectorAll('circle')).toHaveLength(4);
    expect(chart.description).toBe('4 accounts in 1 cluster and 6 ties between them, the accounts on a circle grouped by cluster, most ties first. Thicker lines rest on more shared items, from 3 to 3. Accounts are numbered as in the table.');
  });

  test(`a graph of more than ${MAX_NODES} accounts gets the table only, and says why`, () => {
    const clusters = Array.from({ length: 4 }, (_, c) => ({ ...one, id: c + 1, accounts: one.accounts.map((a) => ({ ...a, accountId: `${c}-${a.accountId}` })).concat(one.accounts.slice(0, 2).map((a) => ({ ...a, accountId: `${c}-x${a.accountId}` }))) }));
    const edges = clusters.flatMap((c) => [{ ...coordination.edges[0]!, a: c.accounts[0]!.accountId, b: c.accounts[1]!.accountId }]);
    const chart = network({ result: { ...coordination, clusters, edges } });
    expect(chart.svg).toEqual({ narrow: '', wide: '' });
    expect(chart.unavailable).toBe('The graph has 32 accounts, more than the 30 one picture can show legibly, so its ties are listed in the table only.');
  });

  test('no tie: a sentence instead of an empty picture', () => {
    expect(network({ result: { ...coordination, clusters: [], edges: [] } }).unavailable).toBe('The analysis finds no tie at the case’s parameters, so there is no graph to draw.');
  });
});

describe('the coordination kinds in ::chart', () => {
  const query = (model: Partial<ReportModel>): ChartQuery => ({
    model: model as ReportModel, locale: 'en-GB', timeZone: 'Asia/Baku', label, events: [],
    timeline: () => ({ ruleId: 'x', message: '' }), profile: () => undefined,
  });
  const build = (attributes: Record<string, string>, model: Partial<ReportModel> = { coordination }) => {
    const { spec, problems } = parseChartOptions(attributes);
    expect(problems).toEqual([]);
    return buildChart(spec!, 'chart', query(model));
  };

  test.each(['synchrony', 'adjacency', 'network'])('%s cluster=3 of two clusters is a located problem naming the range', (kind) => {
    expect(build({ kind, cluster: '3' })).toEqual({ problem: expect.objectContaining({ ruleId: 'reference/cluster', message: 'Unexpected cluster=3, expected a number from 1 to 2.' }) });
  });

  test.each(['synchrony', 'adjacency', 'network'])('%s in a case without coordination: says to add the block', (kind) => {
    expect(build({ kind, cluster: '1' }, {})).toEqual({ problem: expect.objectContaining({ ruleId: 'reference/coordination' }) });
  });

  test.each([['synchrony', '0'], ['adjacency', 'one'], ['synchrony', undefined]])('%s cluster=%s is an invalid option', (kind, cluster) => {
    const { problems } = parseChartOptions({ kind, ...(cluster === undefined ? {} : { cluster }) });
    expect(problems).toEqual([expect.objectContaining({ ruleId: cluster === undefined ? 'chart/missing-option' : 'chart/invalid-option' })]);
  });

  test('network without cluster= draws every cluster', () => {
    const built = build({ kind: 'network' });
    expect('draw' in built && built.draw().title).toBe('Accounts tied by coordinated posting');
  });
});

describe('colours a reader can tell apart', () => {
  const visions: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
  // The grey of other items as drawn: the theme's muted colour at GREY_OPACITY over its background (src/styles/global.css).
  const themes = { light: ['#8a8a84', '#ffffff'], dark: ['#74756f', '#141517'], print: ['#8a8a84', '#ffffff'] } as const;
  const over = (colour: string, background: string, alpha: number): string =>
    `#${[1, 3, 5].map((i) => Math.round(parseInt(colour.slice(i, i + 2), 16) * alpha + parseInt(background.slice(i, i + 2), 16) * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
  test.each(Object.entries(palettes))('%s: the grey of other items differs from each coloured item by ΔE2000 ≥ 10 for every vision', (theme, colours) => {
    const [muted, background] = themes[theme as keyof typeof themes];
    const grey = over(muted, background, GREY_OPACITY);
    const close = colours.flatMap((c) => visions.map((v) => ({ c, v, d: Math.round(difference(c, grey, v) * 10) / 10 }))).filter((r) => r.d < 10);
    expect(close).toEqual([]);
  });

  test('fully opaque grey would not pass: the test can tell', () => {
    const nearest = Math.min(...palettes.light.flatMap((c) => visions.map((v) => difference(c, themes.light[0], v))));
    expect(nearest).toBeLessThan(10);
  });
});
