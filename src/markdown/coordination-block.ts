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
import { dateTimeFormat, numberFormat } from '../locale/intl.ts';
import { slot, translator, type Translator } from '../locale/messages.ts';
import { isHttpUrl } from '../schema/index.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { notConfigured } from './coordination-figure.ts';
import { coordinationParameters } from './coordination-params.ts';
import { h, rich, type Child } from './hast.ts';
import { accountName } from './references.ts';
import type { RenderState } from './state.ts';

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
  const t = translator(ctx.locale);
  const n = (v: number) => numberFormat(ctx.locale).format(v);
  // To the second: a burst lasts under a minute, and a tie's closeness is counted in seconds.
  const when = (time: number) =>
    dateTimeFormat(ctx.locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone: ctx.timeZone }).format(time);
  const time = (v: number) => h('time', { dateTime: new Date(v).toISOString() }, [when(v)]);
  const who = (id: string): Element => {
    // Every author of the case has a label (pseudonymised for a private person); no platform id is shown raw.
    return accountName(ctx.account(id) ?? { label: t('coord.outsideCase') }, ctx.locale);
  };
  const file = (name: string) => ctx.urls.dataFile(caseId, `coordination/${name}`);
  /**
   * A post the tables name, as a link: to its evidence card when the page shows one, else to the post's own
   * address. A private person's post is named by its stand-in only (the site's privacy decision gives one
   * exactly when the author is private) and never linked to its address, which leads back to the person;
   * nor is a post of invented data, whose address is made up and may lead to a real account.
   */
  const post = (id: string, authorId: string | undefined): Element => {
    const published = ctx.publishPostId ? ctx.publishPostId(id, authorId) : id;
    const label = h('code', {}, [published]);
    if (state.cardsOnPage?.has(id)) return h('a', { href: `#post-${published}` }, [label]);
    const address = published === id && !ctx.inventedData ? result.postLinks[id] : undefined;
    return address !== undefined && isHttpUrl(address) ? h('a', { href: address, rel: ['nofollow', 'noreferrer'] }, [label]) : label;
  };

  return h('section', { className: ['coordination'], ariaLabel: t('coord.label') }, [
    coordinationParameters(result, ctx, { intro: true }),
    h('p', { className: ['coordination-caveat'] }, [h('strong', {}, [t('coord.caveatTitle')]), ' ', t('coord.caveat')]),
    burstsTable(result.bursts, result, { t, n, time, who, post, text: ctx.publishText ?? ((x) => x) }),
    clustersTable(result.clusters, { t, n, time, who, post, authorOf: evidenceAuthors(result) }),
    sensitivityTable(result.sensitivity, result.nullModel, result, t, ctx.locale),
    h('p', { className: ['coordination-note'] }, [
      t('coord.chance', { hours: result.nullModel.shift / 3600, seed: String(result.nullModel.seed) }),
    ]),
    h('p', { className: ['coordination-files'] }, [
      t('coord.files'),
      ' ',
      ...(
        [
          ['edges.csv', t('coord.fileTies')],
          ['clusters.csv', t('coord.fileClusters')],
          ['bursts.csv', t('coord.fileBursts')],
          ['sensitivity.csv', t('coord.fileSensitivity')],
          ['coordination.gexf', t('coord.fileGraph')],
          ['params.json', t('coord.fileParams')],
        ] as const
      ).flatMap(([name, what], i) => [i > 0 ? t('coord.listSeparator') : '', h('a', { href: file(name) }, [h('code', {}, [name])]), ` (${what})`]),
      t('coord.filesEnd'),
    ]),
  ]);
}

interface Cells {
  t: Translator;
  n: (v: number) => string;
  time: (t: number) => Element;
  who: (id: string) => Element;
  post: (id: string, authorId: string | undefined) => Element;
}

/** A table in the site's scrolling box (components/TableScroll.astro), named by its caption. */
type Cell = Child | Child[];

interface TableOptions {
  foot?: Cell[][];
  rowClass?: (index: number) => string | undefined;
  /**
   * A phone shows each row as a card, every cell under its column's name (`data-label`, drawn by the
   * stylesheet), instead of a table to scroll sideways; the markup stays one table with its headers.
   */
  stack?: boolean;
}

function scrollTable(id: string, caption: Child[], head: string[], numeric: boolean[], rows: Cell[][], options: TableOptions = {}): Element {
  const { foot, rowClass, stack } = options;
  const row = (cells: Cell[], index = -1) =>
    h('tr', index >= 0 && rowClass?.(index) ? { className: [rowClass(index)!] } : {}, cells.map((c, i) => {
      const content = Array.isArray(c) ? c : [c];
      const label = stack ? { dataLabel: head[i] } : {};
      return i === 0 ? h('th', { scope: 'row', ...label }, content) : h('td', { ...(numeric[i] ? { className: ['num'] } : {}), ...label }, content);
    }));
  return h('section', { className: stack ? ['table-scroll', 'table-stack'] : ['table-scroll'], tabIndex: 0, ariaLabelledBy: [id] }, [
    h('table', {}, [
      h('caption', { id }, caption),
      h('thead', {}, [h('tr', {}, head.map((c, i) => h('th', { scope: 'col', ...(numeric[i] ? { className: ['num'] } : {}) }, [c])))]),
      h('tbody', {}, rows.map((r, i) => row(r, i))),
      foot && h('tfoot', {}, foot.map((r) => row(r))),
    ]),
  ]);
}

function burstsTable(bursts: readonly CoordinationBurst[], result: CoordinationResult, c: Cells & { text: (t: string) => string }): Element {
  const { t } = c;
  const { burstCap, window } = result.params;
  if (bursts.length === 0) return h('p', { id: 'coordination-bursts' }, [t('coord.noBurst', { cap: burstCap })]);
  const item = (b: CoordinationBurst): Child[] =>
    b.signal === 'repost' || b.signal === 'reply'
      ? rich(
        b.itemAuthorId ? t('coord.itemPostBy', { signal: b.signal, post: slot('post'), author: slot('author') }) : t('coord.itemPost', { signal: b.signal, post: slot('post') }),
        { post: c.post(b.item, b.itemAuthorId), author: b.itemAuthorId ? c.who(b.itemAuthorId) : null },
      )
      : [`${t('chart.coordSignal', { signal: b.signal })}: `, h('q', {}, [excerpt(c.text(b.item))])];
  return scrollTable(
    'coordination-bursts',
    [t('coord.burstsCaption', { cap: burstCap, window })],
    [t('coord.burst'), t('coord.sharedItem'), t('coord.firstInBurst'), t('coord.accounts'), t('coord.posts'), t('coord.start'), t('coord.end')],
    [false, false, false, true, true, false, false],
    bursts.map((b, i) => [
      c.n(i + 1),
      item(b),
      rich(t('coord.firstPost', { account: slot('account'), post: slot('post') }), { account: c.who(b.firstAccountId), post: c.post(b.firstPostId, b.firstAccountId) }),
      c.n(b.accounts),
      c.n(b.posts),
      c.time(b.start),
      c.time(b.end),
    ] as Cell[]),
    { stack: true },
  );
}

/** Each cluster's evidence posts with their authors, for publishing their ids under the privacy decision. */
function evidenceAuthors(result: CoordinationResult): (postId: string) => string | undefined {
  const authors = new Map<string, string>();
  for (const cluster of result.clusters) for (const a of cluster.actions) authors.set(a.postId, a.accountId);
  return (postId) => authors.get(postId);
}

function clustersTable(clusters: readonly CoordinationCluster[], c: Cells & { authorOf: (postId: string) => string | undefined }): Element {
  const { t } = c;
  if (clusters.length === 0) return h('p', { id: 'coordination-clusters' }, [t('coord.noCluster')]);
  const list = (items: Child[]): Child[] => items.flatMap((x, i) => (i > 0 ? [t('coord.listSeparator'), x] : [x]));
  return scrollTable(
    'coordination-clusters',
    [t('coord.clustersCaption')],
    [t('coord.cluster'), t('coord.accounts'), t('coord.signals'), t('coord.sharedItems'), t('coord.first'), t('coord.last'), t('coord.symmetry'), t('coord.evidence')],
    [false, false, false, true, false, false, true, false],
    clusters.map((k) => [
      c.n(k.id),
      h('span', { className: ['coordination-accounts'] }, [`${c.n(k.accounts.length)}: `, ...list(k.accounts.map((a) => c.who(a.accountId)))]),
      list(k.signals.map((signal) => t('chart.coordSignal', { signal }))),
      c.n(k.sharedItems),
      c.time(k.first),
      c.time(k.last),
      k.symmetry.toFixed(2),
      list(k.evidence.slice(0, EVIDENCE_SHOWN).map((id) => c.post(id, c.authorOf(id)))),
    ] as Cell[]),
    { stack: true },
  );
}

/** A window as a reader reads it: seconds under a minute, then minutes, then hours, in the page's language. */
function duration(seconds: number, locale: string): string {
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

function sensitivityTable(rows: readonly SensitivityRow[], nullRow: CoordinationResult['nullModel'], result: CoordinationResult, t: Translator, locale: string): Element {
  const n = (v: number) => numberFormat(locale).format(v);
  const inForce = (r: SensitivityRow) => r.window === result.params.window && r.minWeight === result.params.resolvedMinWeight;
  const cells = (r: SensitivityRow, label: Child): Cell[] => [label, n(r.minWeight), n(r.edges), n(r.accounts), n(r.largestCluster)];
  // On paper the grid of every window and weight would fill a page with bare rows, so a printed report keeps
  // the rows at the weight in force (every window, then chance) and says where the rest are.
  const weight = result.params.resolvedMinWeight;
  return scrollTable(
    'coordination-sensitivity',
    [t('coord.sensitivityCaption'), h('span', { className: ['coordination-print-note'] }, [` ${t('coord.sensitivityPrinted', { weight })}`])],
    [t('coord.window'), t('coord.tiesNeed'), t('coord.ties'), t('coord.accounts'), t('coord.largestCluster')],
    [false, true, true, true, true],
    rows.map((r) => cells(r, inForce(r) ? h('strong', {}, [t('coord.inForce', { window: duration(r.window, locale) })]) : duration(r.window, locale))),
    {
      foot: [cells(nullRow, t('coord.chanceRow', { window: duration(nullRow.window, locale) }))],
      rowClass: (i) => (rows[i]!.minWeight === weight ? undefined : 'coordination-other-weight'),
    },
  );
}

/** A burst's text as a short quotation: the whole text is in bursts.csv. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length <= 120 ? text : `${chars.slice(0, 119).join('').trimEnd()}…`;
}
