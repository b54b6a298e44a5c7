/**
 * `::coordination`: the case's coordination analysis as a reader checks it, server-rendered tables only.
 * The parameters every number rests on come first (resolved thresholds, normalisation versions, input
 * hash), then the caveat, the bursts, the clusters, and the sensitivity table with its null-model row, so
 * no finding leans on one threshold unseen. Accounts are named as the rest of the site names them:
 * private people by pseudonym.
 */
import type { Element } from 'hast';
import type { LeafDirective } from 'mdast-util-directive';
import type { CoordinationBurst, CoordinationCluster, CoordinationResult, SensitivityRow } from '../aggregate/coordination/types.ts';
import type { CoordinationSignal } from '../schema/index.ts';
import { dateTimeFormat, numberFormat } from '../locale/intl.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { notConfigured } from './coordination-figure.ts';
import { h, type Child } from './hast.ts';
import type { RenderState } from './state.ts';

/** Signals as a reader reads them. */
const signalWords: Record<CoordinationSignal, string> = {
  repost: 'reposted the same post',
  text: 'posted the same text',
  link: 'shared the same link',
  reply: 'replied to the same post',
  hashtags: 'used the same set of three or more hashtags',
  'near-text': 'posted nearly the same text',
};
const signalShort: Record<CoordinationSignal, string> = {
  repost: 'repost', text: 'same text', link: 'same link', reply: 'reply', hashtags: 'hashtag set', 'near-text': 'near-same text',
};

/** Evidence posts a cluster row lists; the released files hold every tie. */
const EVIDENCE_SHOWN = 3;

export function coordinationBlock(node: LeafDirective, state: RenderState): Element | undefined {
  const { ctx, report } = state;
  for (const problem of unknownOptions('::coordination', attributesOf(node), [])) report.at(node, problem);
  if (!ctx.model || !ctx.caseId) {
    report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: 'Unexpected `::coordination` outside a case, expected it only in a case report, where there is data to analyse.',
      hint: 'Move it into the case report.',
    });
    return undefined;
  }
  const result = ctx.model.coordination;
  if (!result) {
    report.at(node, notConfigured('::coordination'));
    return undefined;
  }
  if (state.coordinationShown) {
    report.at(node, {
      ruleId: 'markdown/duplicate-id',
      message: 'Unexpected second `::coordination`, expected it once per report.',
      hint: 'Link to the first one instead of showing the tables again.',
    });
    return undefined;
  }
  state.coordinationShown = true;
  // The check's pass stops here: everything it can report is reported.
  if (!state.render) return undefined;
  const caseId = ctx.caseId;
  const n = (v: number) => numberFormat(ctx.locale).format(v);
  // To the second: a burst lasts under a minute, and a tie's closeness is counted in seconds.
  const when = (t: number) =>
    dateTimeFormat(ctx.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone: ctx.timeZone }).format(t);
  const time = (t: number) => h('time', { dateTime: new Date(t).toISOString() }, [when(t)]);
  const who = (id: string): Child => {
    // Every author of the case has a label (pseudonymised for a private person); no platform id is shown raw.
    const label = ctx.account(id) ?? { label: 'an account outside the case' };
    return h('bdi', {}, [label.href ? h('a', { href: label.href }, [label.label]) : label.label]);
  };
  const file = (name: string) => ctx.urls.dataFile(caseId, `coordination/${name}`);
  const postId = (id: string, authorId?: string) => (ctx.publishPostId ? ctx.publishPostId(id, authorId) : id);

  return h('section', { className: ['coordination'], ariaLabel: 'Coordination analysis' }, [
    parameters(result, state, n, file),
    h('p', { className: ['coordination-caveat'] }, [
      h('strong', {}, ['Coordination is not proof of inauthenticity.']),
      ' Acting together, even in seconds and again and again, is also what fans, activists, communities and newsrooms do around the news (Vargas et al., 2020). These tables say who acted together and how often; who is behind the accounts, and why, is for the evidence set out elsewhere in the report.',
    ]),
    burstsTable(result.bursts, result, { n, time, who, postId, text: ctx.publishText ?? ((t) => t) }),
    clustersTable(result.clusters, { n, time, who, postId, authorOf: evidenceAuthors(result) }),
    sensitivityTable(result.sensitivity, result.nullModel, result, n),
    chanceNote(result.nullModel, n),
    h('p', { className: ['coordination-files'] }, [
      'Every tie, cluster member and burst is in the released files: ',
      ...[
        ['edges.csv', 'ties'],
        ['clusters.csv', 'cluster members'],
        ['bursts.csv', 'bursts'],
        ['sensitivity.csv', 'sensitivity'],
        ['coordination.gexf', 'graph for Gephi'],
        ['params.json', 'parameters'],
      ].flatMap(([name, what], i) => [i > 0 ? ', ' : '', h('a', { href: file(name!) }, [h('code', {}, [name!])]), ` (${what})`]),
      '.',
    ]),
  ]);
}

function parameters(result: CoordinationResult, state: RenderState, n: (v: number) => string, file: (name: string) => string): Element {
  const p = result.params;
  const facts: [string, Child[]][] = [
    ['Signals', [p.signals.map((s) => signalShort[s]).join(', ')]],
    ['Window', [`${n(p.window)} s, sliding, both ends included`]],
    ['Accounts analysed', [`${n(result.counts.eligibleAccounts)} of ${n(result.counts.accounts)}, those with at least ${n(p.minPosts)} posts in the period`]],
    [
      'A tie needs',
      [
        `at least ${n(p.resolvedMinWeight)} distinct shared items`,
        p.weightPercentile !== undefined
          ? ` (minimum ${n(p.minWeight)}; the ${n(p.weightPercentile)}th percentile of pair weights resolved to ${n(p.percentileWeight ?? 0)})`
          : ' (no percentile asked for)',
      ],
    ],
    ['Burst', [`more than ${n(p.burstCap)} accounts on one item within one window: reported as a burst, not paired up`]],
    [
      'Normalisation',
      [
        h('code', {}, [result.normalisation.text]),
        ' (text), ',
        h('code', {}, [result.normalisation.url]),
        ' (links)',
        result.normalisation.nearText ? [', ', h('code', {}, [result.normalisation.nearText]), ` (near-same text at similarity ${p.nearTextSimilarity})`] : null,
      ].flat(),
    ],
    ['Input', state.ctx.coordinationInputHash ? ['posts files SHA-256 ', h('span', { className: ['hash'] }, [state.ctx.coordinationInputHash])] : ['the case’s posts files']],
  ];
  return h('div', { className: ['coordination-params'] }, [
    h('p', { className: ['coordination-params-title'] }, [h('strong', {}, ['How coordination was computed'])]),
    h('p', {}, [
      `Two accounts are tied when they ${p.signals.map((s) => signalWords[s]).join(', or ')} within ${n(p.window)} seconds of each other, on at least ${n(p.resolvedMinWeight)} different items; clusters are groups of tied accounts. `,
      h('a', { href: file('params.json') }, ['All parameters']),
      '.',
    ]),
    h('dl', { className: ['facts'] }, facts.flatMap(([term, value]) => [h('dt', {}, [term]), h('dd', {}, value)])),
  ]);
}

interface Cells {
  n: (v: number) => string;
  time: (t: number) => Element;
  who: (id: string) => Child;
  postId: (id: string, authorId?: string) => string;
}

/** A table in the site's scrolling box (components/TableScroll.astro), named by its caption. */
type Cell = Child | Child[];

function scrollTable(
  id: string,
  caption: Child[],
  head: string[],
  numeric: boolean[],
  rows: Cell[][],
  foot?: Cell[][],
  rowClass?: (index: number) => string | undefined,
): Element {
  const row = (cells: Cell[], index = -1) =>
    h('tr', index >= 0 && rowClass?.(index) ? { className: [rowClass(index)!] } : {}, cells.map((c, i) => {
      const content = Array.isArray(c) ? c : [c];
      return i === 0 ? h('th', { scope: 'row' }, content) : h('td', numeric[i] ? { className: ['num'] } : {}, content);
    }));
  return h('section', { className: ['table-scroll'], tabIndex: 0, ariaLabelledBy: [id] }, [
    h('table', {}, [
      h('caption', { id }, caption),
      h('thead', {}, [h('tr', {}, head.map((c, i) => h('th', { scope: 'col', ...(numeric[i] ? { className: ['num'] } : {}) }, [c])))]),
      h('tbody', {}, rows.map((r, i) => row(r, i))),
      foot && h('tfoot', {}, foot.map((r) => row(r))),
    ]),
  ]);
}

function burstsTable(bursts: readonly CoordinationBurst[], result: CoordinationResult, c: Cells & { text: (t: string) => string }): Element {
  if (bursts.length === 0) {
    return h('p', { id: 'coordination-bursts' }, [`No burst: no item was shared by more than ${c.n(result.params.burstCap)} accounts within one window.`]);
  }
  const item = (b: CoordinationBurst): Child[] =>
    b.signal === 'repost' || b.signal === 'reply'
      ? [`${b.signal === 'repost' ? 'Reposts of' : 'Replies to'} post `, h('code', {}, [c.postId(b.item, b.itemAuthorId)]), b.itemAuthorId ? [' by ', c.who(b.itemAuthorId)] : []].flat()
      : [`${signalShort[b.signal]}: `, h('q', {}, [excerpt(c.text(b.item))])];
  return scrollTable(
    'coordination-bursts',
    [`Bursts: one item shared by more than ${c.n(result.params.burstCap)} accounts within ${c.n(result.params.window)} seconds`],
    ['Burst', 'Shared item', 'First in the burst', 'Accounts', 'Posts', 'Start', 'End'],
    [false, false, false, true, true, false, false],
    bursts.map((b, i) => [
      String(i + 1),
      item(b),
      [c.who(b.firstAccountId), ', post ', h('code', {}, [c.postId(b.firstPostId, b.firstAccountId)])],
      c.n(b.accounts),
      c.n(b.posts),
      c.time(b.start),
      c.time(b.end),
    ] as Cell[]),
  );
}

/** Each cluster's evidence posts with their authors, for publishing their ids under the privacy decision. */
function evidenceAuthors(result: CoordinationResult): (postId: string) => string | undefined {
  const authors = new Map<string, string>();
  for (const cluster of result.clusters) for (const a of cluster.actions) authors.set(a.postId, a.accountId);
  return (postId) => authors.get(postId);
}

function clustersTable(clusters: readonly CoordinationCluster[], c: Cells & { authorOf: (postId: string) => string | undefined }): Element {
  if (clusters.length === 0) return h('p', { id: 'coordination-clusters' }, ['No cluster: no two accounts were tied at these parameters.']);
  const list = (items: Child[]): Child[] => items.flatMap((x, i) => (i > 0 ? [', ', x] : [x]));
  return scrollTable(
    'coordination-clusters',
    ['Clusters of accounts acting together, largest first'],
    ['Cluster', 'Accounts', 'Signals', 'Shared items', 'First', 'Last', 'Symmetry', 'Evidence posts'],
    [false, false, false, true, false, false, true, false],
    clusters.map((k) => [
      String(k.id),
      h('span', { className: ['coordination-accounts'] }, [`${c.n(k.accounts.length)}: `, ...list(k.accounts.map((a) => c.who(a.accountId)))]),
      k.signals.map((s) => signalShort[s]).join(', '),
      c.n(k.sharedItems),
      c.time(k.first),
      c.time(k.last),
      k.symmetry.toFixed(2),
      list(k.evidence.slice(0, EVIDENCE_SHOWN).map((id) => h('code', {}, [c.postId(id, c.authorOf(id))]))),
    ] as Cell[]),
  );
}

function sensitivityTable(rows: readonly SensitivityRow[], nullRow: CoordinationResult['nullModel'], result: CoordinationResult, n: (v: number) => string): Element {
  const inForce = (r: SensitivityRow) => r.window === result.params.window && r.minWeight === result.params.resolvedMinWeight;
  const cells = (r: SensitivityRow, label: Child): Cell[] => [label, n(r.minWeight), n(r.edges), n(r.accounts), n(r.largestCluster)];
  const seconds = (w: number) => (w < 60 ? `${w} s` : w < 3600 ? `${w / 60} min` : `${w / 3600} h`);
  // On paper the grid of every window and weight would fill a page with bare rows, so a printed report keeps
  // the rows at the weight in force (every window, then chance) and says where the rest are.
  const weight = result.params.resolvedMinWeight;
  return scrollTable(
    'coordination-sensitivity',
    [
      'What other thresholds would find',
      h('span', { className: ['coordination-print-note'] }, [
        ` (on paper, ties of ${n(weight)} or more shared items only; every threshold is in sensitivity.csv)`,
      ]),
    ],
    ['Window', 'Ties need', 'Ties', 'Accounts', 'Largest cluster'],
    [false, true, true, true, true],
    rows.map((r) => cells(r, inForce(r) ? h('strong', {}, [`${seconds(r.window)} (in force)`]) : seconds(r.window))),
    [cells(nullRow, `Chance, ${seconds(nullRow.window)}`)],
    (i) => (rows[i]!.minWeight === weight ? undefined : 'coordination-other-weight'),
  );
}

function chanceNote(nullRow: CoordinationResult['nullModel'], n: (v: number) => string): Element {
  return h('p', { className: ['coordination-note'] }, [
    `Chance: the parameters in force, after moving all the posts of each account by one random offset of up to ±${n(nullRow.shift / 3600)} hours (seed ${nullRow.seed}). Ties that remain are what chance alone produces in data this busy.`,
  ]);
}

/** A burst's text as a short quotation: the whole text is in bursts.csv. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= 120 ? text : `${chars.slice(0, 119).join('').trimEnd()}…`;
}
