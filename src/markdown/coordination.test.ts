import { describe, expect, it } from 'vitest';
import { context, model } from '../../test/fixtures/markdown/context.ts';
import type { CoordinationPost } from '../aggregate/coordination/actions.ts';
import { analyseCoordination } from '../aggregate/coordination/analyse.ts';
import { CoordinationSchema } from '../schema/index.ts';
import { renderMarkdown } from './index.ts';

/** 16 May 2024, 10:00 in Baku. */
const T0 = Date.parse('2024-05-16T06:00:00Z');

/**
 * Four accounts (p42, a private person, and g1–g3) repost the same three posts 5 s apart, 15 minutes
 * between posts: one cluster of 4 accounts and 3 shared items. Then 25 accounts repost post `m` within
 * 48 s: one burst, first reposted by b0, whose posts are not paired into ties.
 */
function posts(): CoordinationPost[] {
  const list: CoordinationPost[] = [];
  for (let k = 0; k < 3; k++) {
    ['p42', 'g1', 'g2', 'g3'].forEach((account, n) => {
      const id = `r${k}-${account}`;
      list.push({ id, accountId: account, time: T0 + (k * 900 + n * 5) * 1000, kind: 'repost', refId: `s${k}`, refAuthorId: 'u1', text: '', urls: [], hashtags: [], url: `https://x.com/${account}/status/${id}` });
    });
  }
  for (let m = 0; m < 25; m++) {
    list.push({ id: `b${m}-post`, accountId: `b${m}`, time: T0 + (7200 + m * 2) * 1000, kind: 'repost', refId: 'm', refAuthorId: 'u1', text: '', urls: [], hashtags: [] });
  }
  return list;
}

const coordination = analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1 }));
const labels: Record<string, { label: string; href?: string }> = { p42: { label: '[Member A]' }, u1: { label: 'Esmira Khalil', href: '/accounts/x/esmirakhahil/' } };
const ctx = (overrides = {}) =>
  context({
    model: { ...model, coordination, accounts: [{ authorId: 'g1', platform: 'x', handle: 'grouper_one', total: 3, byKind: { post: 0, repost: 3, quote: 0, reply: 0 }, first: T0, last: T0, activeDays: 1 }] },
    account: (id) => labels[id] ?? { label: `@user_${id}` },
    publishPostId: (id, authorId) => (authorId === 'p42' ? `member-a-post-${id.length}` : id),
    publishText: (text) => text.replaceAll('janedoe', '[Member A]'),
    coordinationInputHash: 'c'.repeat(64),
    ...overrides,
  });
const render = (body: string, overrides = {}) => renderMarkdown(body, ctx(overrides));

describe(':coordination{measure=…} figures', () => {
  it('states clusters, a cluster’s accounts, items and ties, a burst’s accounts and times, linked to the methodology', () => {
    const r = render(
      'We found :coordination{measure=clusters expect=1} cluster of :coordination{measure=accounts cluster=1 expect=4} accounts ' +
        'sharing :coordination{measure=items account=@grouper_one expect=3} items over :coordination{measure=ties cluster=1 expect=6} ties; ' +
        ':coordination{measure=accounts post=m expect=25} accounts reposted post m from :coordination{measure=start burst=1 expect=2024-05-16T12:00}, ' +
        'in :coordination{measure=bursts expect=1} burst, within :coordination{measure=window expect=60} seconds.',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.figures.map((f) => f.formatted)).toEqual(['1', '4', '3', '6', '25', 'May 16, 2024 at 12:00 GMT+4', '1', '60']);
    expect(r.html).toContain('<a class="figure" href="/cases/new-caledonia/methodology/#fig-');
    expect(r.figures[1]).toMatchObject({ key: 'coordination:measure=accounts;cluster=1', expect: '4', description: 'accounts in coordination cluster 1 (window 60 s, ties of at least 3 shared items)' });
  });

  it('describes each figure in the case’s language for the methodology, and in English for the editor', () => {
    const body = 'Intro\n\n:coordination{measure=clusters} :coordination{measure=accounts account=@grouper_one expect=5} :coordination{measure=posts} '
      + ':coordination{measure=start burst=1} :coordination{measure=bursts post=m} :coordination{measure=bursts} :coordination{measure=min-weight}';
    const fr = render(body, { locale: 'fr' });
    expect(fr.figures.map((f) => f.description)).toEqual([
      'groupes de comptes agissant ensemble (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'comptes du groupe de coordination 1, le groupe de @user_g1 (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'publications de tous les groupes (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'heure de la première publication de la rafale 1 (republication) (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'rafales de republications ou de réponses de la publication m (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'rafales : un même élément partagé par plus de 20 comptes dans une même fenêtre (fenêtre de 60 s, liens d’au moins 3 éléments partagés)',
      'éléments partagés qu’exige un lien (le poids minimal en vigueur)',
    ]);
    expect(fr.diagnostics.map((d) => d.message)).toEqual([
      'Unexpected 4 for accounts in coordination cluster 1, the cluster of @user_g1 (window 60 s, ties of at least 3 shared items), expected 5 (as written in the text).',
    ]);
    const ru = render(':coordination{measure=ties cluster=1}', { locale: 'ru' });
    expect(ru.figures[0]!.description).toBe('связи между аккаунтами в кластере координации 1 (окно 60 с, связи не менее чем по 3 общим элементам)');
  });

  it('fails on a wrong expect= at its place, with the computed value and a hint', () => {
    const r = render('Intro\n\nThe group had :coordination{measure=accounts cluster=1 expect=5} accounts.', { lineOffset: 3 });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'figure/expect-mismatch',
        start: { line: 6, column: 15 },
        message: 'Unexpected 4 for accounts in coordination cluster 1 (window 60 s, ties of at least 3 shared items), expected 5 (as written in the text).',
        actual: '4',
        expected: '5',
        hint: expect.stringContaining('coordination:'),
      }),
    ]);
  });

  it('names an unknown cluster or burst, and an account in no cluster, with what exists', () => {
    const r = render(':coordination{measure=accounts cluster=3} :coordination{measure=posts burst=2} :coordination{measure=accounts account=b3} :coordination{measure=posts post=s0}');
    expect(r.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['coordination/unknown-cluster', 'Unexpected cluster=`3` on `:coordination`, expected a cluster from 1 to 1.'],
      ['coordination/unknown-burst', 'Unexpected burst=`2` on `:coordination`, expected a burst from 1 to 1.'],
      ['coordination/unknown-cluster', 'Unexpected account=`b3` on `:coordination`, expected an account in one of the clusters.'],
      ['coordination/unknown-burst', 'Unexpected post=`s0` on `:coordination`, expected a post whose reposts or replies burst.'],
    ]);
    expect(r.diagnostics.every((d) => d.hint)).toBe(true);
  });

  it('reports bad options, and a case without coordination:, each at the directive', () => {
    const r = render(':coordination{measure=cluster} :coordination{measure=items} :coordination{measure=clusters cluster=1} :coordination{measure=accounts cluster=x expect=four}');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['figure/invalid-option', 'figure/missing-option', 'figure/invalid-option', 'figure/invalid-option', 'figure/invalid-option']);
    expect(r.diagnostics[0]!.message).toBe(
      'Unexpected measure=`cluster` on `:coordination`, expected one of clusters, bursts, accounts, posts, items, ties, start, end, window, min-weight.',
    );
    expect(r.diagnostics[0]!.hint).toBe('Did you mean measure=clusters?');
    const bare = renderMarkdown(':coordination{measure=clusters expect=1}\n\n::coordination', context());
    expect(bare.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([['coordination/not-configured', 11], ['coordination/not-configured', 13]]);
  });
});

describe('::coordination', () => {
  const html = render('::coordination').html;

  it('prints the parameters in force, the normalisation versions and the input hash', () => {
    expect(html).toContain('<dt>Window</dt><dd>60 seconds, sliding, both ends included</dd>');
    expect(html).toContain('at least 3 distinct shared items (no percentile asked for)');
    expect(html).toContain('<code>casefile-text-1</code> (text), <code>casefile-url-1</code> (links)');
    expect(html).toContain(`posts files SHA-256 <span class="hash">${'c'.repeat(64)}</span>`);
    expect(html).toContain('Coordination is not proof of inauthenticity.');
    const percentile = renderMarkdown('::coordination', ctx({ model: { ...model, coordination: analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1, weightPercentile: 90 })) } })).html;
    expect(percentile).toContain('(minimum 3; the 90th percentile of pair weights resolved to 3)');
  });

  it('tables the burst and the cluster, each cell named by its column for a phone, the private person by pseudonym only', () => {
    expect(html).toMatch(/<section class="table-scroll table-stack" tabindex="0" aria-labelledby="coordination-bursts"><table><caption id="coordination-bursts">Bursts/);
    expect(html).toMatch(/<section class="table-scroll table-stack" tabindex="0" aria-labelledby="coordination-clusters">/);
    const burstRow = html.match(/<tbody><tr><th scope="row" data-label="Burst">1<\/th>.*?<\/tr>/)![0];
    expect(burstRow).toContain('Reposts of post <code>m</code> by <bdi><a href="/accounts/x/esmirakhahil/">Esmira Khalil</a></bdi>');
    expect(burstRow).toContain('<bdi>@user_b0</bdi>, post <code>b0-post</code>');
    expect(burstRow).toContain('<td class="num" data-label="Accounts">25</td><td class="num" data-label="Posts">25</td><td data-label="Start"><time datetime="2024-05-16T08:00:00.000Z">May 16, 2024, 12:00:00 GMT+4</time></td><td data-label="End"><time datetime="2024-05-16T08:00:48.000Z">May 16, 2024, 12:00:48 GMT+4</time></td>');
    // The sensitivity table keeps its columns: narrow enough for a phone, and read down its windows.
    expect(html).toMatch(/<section class="table-scroll" tabindex="0" aria-labelledby="coordination-sensitivity">/);
    const clusters = html.slice(html.indexOf('coordination-clusters'));
    expect(clusters).toContain('4: <bdi>@user_g1</bdi>, <bdi>@user_g2</bdi>, <bdi>@user_g3</bdi>, <bdi>[Member A]</bdi>');
    expect(clusters).toContain('<code>member-a-post-6</code>, <a href="https://x.com/g1/status/r0-g1" rel="nofollow noreferrer"><code>r0-g1</code></a>, ');
    expect(html).not.toMatch(/p42/);
  });

  it('links each evidence post to its card on the page or to its address, a private person’s to neither', () => {
    const card = { ...model.posts['1001']!, id: 'r0-g2', authorId: 'g2' };
    const withCard = render('::coordination\n\n::post{id=r0-g2}', { model: { ...ctx().model!, posts: { 'r0-g2': card } } }).html;
    const evidence = withCard.slice(withCard.indexOf('coordination-clusters')).match(/<td data-label="Evidence posts">(?:<code>|<a)[^]*?<\/td><\/tr>/)![0];
    expect(evidence).toBe(
      '<td data-label="Evidence posts"><code>member-a-post-6</code>, <a href="https://x.com/g1/status/r0-g1" rel="nofollow noreferrer"><code>r0-g1</code></a>, <a href="#post-r0-g2"><code>r0-g2</code></a></td></tr>',
    );
    expect(withCard).toContain('<article class="evidence-card" id="post-r0-g2"');
    // The private person's post has an address in the data; the page names the post by its stand-in alone.
    expect(coordination.postLinks['r0-p42']).toBe('https://x.com/p42/status/r0-p42');
    expect(withCard).not.toContain('r0-p42');
    // Invented data has invented addresses, which may name real accounts: the card link stays, the addresses go.
    const invented = render('::coordination\n\n::post{id=r0-g2}', { inventedData: true, model: { ...ctx().model!, posts: { 'r0-g2': card } } }).html;
    expect(invented).toContain('<code>member-a-post-6</code>, <code>r0-g1</code>, <a href="#post-r0-g2"><code>r0-g2</code></a></td>');
    expect(invented.slice(0, invented.indexOf('<article'))).not.toContain('href="https://x.com/');
  });

  it('speaks the case’s language, plural forms included', () => {
    const fr = render('::coordination', { locale: 'fr' }).html;
    expect(fr).toContain('<dt>Fenêtre</dt><dd>60 secondes, glissante, bornes incluses</dd>');
    expect(fr).toContain('La coordination ne prouve pas l’inauthenticité.');
    expect(fr).toContain('Rafales : un élément partagé par plus de 20 comptes en 60 secondes');
    const ru = render('::coordination', { locale: 'ru' }).html;
    expect(ru).toContain('<dd>не менее 3 разных общих элементов (процентиль не задан)</dd>');
    expect(ru).toContain('больше 20 аккаунтов за 60 секунд');
    const one = analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1, window: 1, minWeight: 1 }));
    expect(render('::coordination', { locale: 'ru', model: { ...model, coordination: one } }).html).toContain('<dd>1 секунда, скользящее, обе границы включены</dd>');
    expect(render('::coordination', { model: { ...model, coordination: one } }).html).toContain('<dd>1 second, sliding, both ends included</dd>');
  });
  it('shows the sensitivity table with the parameters in force marked and the chance row below', () => {
    expect(html).toContain('<th scope="row"><strong>1 min (in force)</strong></th><td class="num">3</td><td class="num">6</td><td class="num">4</td><td class="num">4</td>');
    expect(html).toContain('<tfoot><tr><th scope="row">Chance, 1 min</th><td class="num">3</td><td class="num">0</td>');
    expect(html).toContain('after moving all the posts of each account by one random offset of up to ±24 hours (seed 17)');
  });

  it('appears once per report, and takes no options', () => {
    const r = render('::coordination\n\n::coordination{cluster=1}');
    expect(r.diagnostics.map((d) => [d.ruleId, d.start.line])).toEqual([['markdown/duplicate-id', 13], ['markdown/unknown-option', 13]]);
  });
});

describe('a coordination chart', () => {
  it('carries the parameters box beside it, folded to its title, placed alone without ::coordination', () => {
    const html = render('::chart{kind=synchrony cluster=1}').html;
    const figure = html.indexOf('<figure id="synchrony-1"');
    const box = html.indexOf('<details class="coordination-params"><summary><strong>How coordination was computed</strong></summary><dl class="facts">');
    expect(html.startsWith('<div class="chart-with-basis">')).toBe(true);
    expect(figure).toBeGreaterThan(0);
    expect(box).toBeGreaterThan(figure);
    const params = html.slice(box);
    expect(params).toContain('<dt>A tie needs</dt><dd>at least 3 distinct shared items (no percentile asked for)</dd>');
    expect(params).toContain('<code>casefile-text-1</code> (text), <code>casefile-url-1</code> (links)');
    expect(params).toContain(`posts files SHA-256 <span class="hash">${'c'.repeat(64)}</span>`);
    expect(params).toContain('<a href="/cases/new-caledonia/data/coordination/params.json">All parameters</a>');
  });

  it('prints the resolved percentile weight in its box', () => {
    const percentile = analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1, weightPercentile: 90 }));
    const html = render('::chart{kind=network}', { model: { ...model, coordination: percentile } }).html;
    expect(html.slice(html.indexOf('coordination-params'))).toContain('(minimum 3; the 90th percentile of pair weights resolved to 3)');
  });

  it('is the only kind of chart with the box', () => {
    const html = render('::chart{kind=timeline hashtag=RecognizeNewCaledonia}').html;
    expect(html).not.toContain('coordination-params');
    expect(html).not.toContain('chart-with-basis');
  });
});
