/**
 * `:coordination{measure=… expect=…}`: a number of the case's coordination analysis stated in a sentence
 * (how many clusters, how many accounts in cluster 1, how many posts in the montage burst, when it began),
 * computed from the model like every figure, linked to the methodology and checked against `expect=`.
 */
import type { TextDirective } from 'mdast-util-directive';
import type { CoordinationBurst, CoordinationCluster, CoordinationResult } from '../aggregate/coordination/types.ts';
import { choiceHint } from '../diagnostics/suggest.ts';
import { numberFormat } from '../locale/intl.ts';
import { translator } from '../locale/messages.ts';
import { attributesOf, unknownOptions } from './attributes.ts';
import { figureAnchor } from './figure-format.ts';
import { formatInstantNamed, localIso } from './format.ts';
import type { Problem } from './report.ts';
import type { RenderState } from './state.ts';

/** What a `:coordination` figure can state; each takes the selectors listed. */
const measures = {
  clusters: { unit: 'count', selectors: [] },
  bursts: { unit: 'count', selectors: ['post'] },
  accounts: { unit: 'count', selectors: ['cluster', 'account', 'burst', 'post'] },
  posts: { unit: 'count', selectors: ['cluster', 'account', 'burst', 'post'] },
  items: { unit: 'count', selectors: ['cluster', 'account'] },
  ties: { unit: 'count', selectors: ['cluster', 'account'] },
  start: { unit: 'time', selectors: ['cluster', 'account', 'burst', 'post'] },
  end: { unit: 'time', selectors: ['cluster', 'account', 'burst', 'post'] },
  window: { unit: 'count', selectors: [] },
  'min-weight': { unit: 'count', selectors: [] },
} as const satisfies Record<string, { unit: 'count' | 'time'; selectors: readonly Selector[] }>;

type Selector = 'cluster' | 'account' | 'burst' | 'post';
export type CoordinationMeasure = keyof typeof measures;
export const coordinationMeasures = Object.keys(measures) as CoordinationMeasure[];

const allOptions = ['measure', 'cluster', 'account', 'burst', 'post', 'expect'];

/** What the directive asks, read from its attributes before any data is looked at. */
export interface CoordinationFigureQuery {
  measure: CoordinationMeasure;
  cluster?: number;
  account?: string;
  burst?: number;
  post?: string;
}

export interface ParsedCoordinationFigure {
  query?: CoordinationFigureQuery;
  expect?: string;
  problems: Problem[];
}

function invalid(name: string, value: string, expected: string, choices?: readonly string[]): Problem {
  return {
    ruleId: 'figure/invalid-option',
    message: `Unexpected ${name}=${value === '' ? '(empty)' : `\`${value}\``} on \`:coordination\`, expected ${expected}.`,
    actual: value,
    expected,
    hint: choices ? choiceHint(name, value, choices, expected) : `Write ${name}= as ${expected}.`,
  };
}

const EXPECT = {
  count: { pattern: /^\d+$/, example: 'a whole number such as expect=7' },
  time: { pattern: /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?$/, example: 'a local date or time in the case zone such as expect=2024-05-16T00:40' },
} as const;

export function parseCoordinationFigure(attributes: Record<string, string>): ParsedCoordinationFigure {
  const problems = unknownOptions(':coordination', attributes, allOptions);
  const a = attributes;
  const measure = a['measure'];
  if (measure === undefined || !(measure in measures)) {
    problems.push(
      measure === undefined
        ? {
            ruleId: 'figure/missing-option',
            message: 'Unexpected `:coordination` without measure=, expected it to say what to state.',
            expected: coordinationMeasures.join(', '),
            hint: `Add measure= with one of ${coordinationMeasures.join(', ')}.`,
          }
        : invalid('measure', measure, `one of ${coordinationMeasures.join(', ')}`, coordinationMeasures),
    );
    return { problems };
  }
  const m = measure as CoordinationMeasure;
  const query: CoordinationFigureQuery = { measure: m };
  const allowed: readonly Selector[] = measures[m].selectors;
  const given = (['cluster', 'account', 'burst', 'post'] as const).filter((s) => a[s] !== undefined);
  for (const s of given) {
    if (!allowed.includes(s)) problems.push(invalid(s, a[s]!, allowed.length === 0 ? `no selector with measure=${m}` : `only ${allowed.map((x) => `${x}=`).join(', ')} with measure=${m}`));
  }
  if (given.length > 1) {
    problems.push({
      ruleId: 'figure/invalid-option',
      message: `Unexpected ${given.map((s) => `${s}=`).join(' and ')} together on \`:coordination\`, expected one of them.`,
      hint: 'Name the cluster (cluster= or account=) or the burst (burst= or post=) once.',
    });
  }
  const needs = m === 'items' || m === 'ties' ? ['cluster', 'account'] : m === 'start' || m === 'end' ? allowed : [];
  if (needs.length > 0 && !given.some((s) => needs.includes(s))) {
    problems.push({
      ruleId: 'figure/missing-option',
      message: `Unexpected \`:coordination{measure=${m}}\` without ${needs.map((s) => `${s}=`).join(' or ')}, expected it to say which ${m === 'items' || m === 'ties' ? 'cluster' : 'cluster or burst'}.`,
      expected: needs.join(', '),
      hint: 'Add cluster=1 for the largest cluster, or burst=1 for the first burst.',
    });
  }
  for (const name of ['cluster', 'burst'] as const) {
    const value = a[name];
    if (value === undefined) continue;
    if (/^[1-9]\d*$/.test(value)) query[name] = Number(value);
    else problems.push(invalid(name, value, `a ${name} number such as ${name}=1`));
  }
  for (const name of ['account', 'post'] as const) {
    const value = a[name];
    if (value === undefined) continue;
    if (value.trim()) query[name] = value.trim();
    else problems.push(invalid(name, value, name === 'post' ? 'the id of the post reposted or replied to' : 'a dossier id, handle or author id'));
  }
  const expect = a['expect'];
  if (expect !== undefined && !EXPECT[measures[m].unit].pattern.test(expect)) problems.push(invalid('expect', expect, EXPECT[measures[m].unit].example));
  return problems.length > 0 ? { problems } : { query, ...(expect !== undefined ? { expect } : {}), problems };
}

/** Canonical key: same question, same key (and so the same methodology entry). */
export function coordinationFigureKey(q: CoordinationFigureQuery): string {
  const parts = [`measure=${q.measure}`];
  for (const name of ['account', 'burst', 'cluster', 'post'] as const) if (q[name] !== undefined) parts.push(`${name}=${q[name]}`);
  return `coordination:${parts.join(';')}`;
}

type Target = { cluster: CoordinationCluster } | { burst: CoordinationBurst; number: number } | Record<string, never>;

/** Resolves the selector to one cluster or burst, or the located problem with it. */
function target(q: CoordinationFigureQuery, result: CoordinationResult, authorOf: (name: string) => string | undefined): Target | Problem {
  const { clusters, bursts } = result;
  if (q.cluster !== undefined) {
    const cluster = clusters[q.cluster - 1];
    if (cluster) return { cluster };
    return unknown('cluster', String(q.cluster), clusters.length === 0 ? 'a cluster, but the analysis found none' : `a cluster from 1 to ${clusters.length}`, 'Clusters are numbered by size, 1 the largest; see the cluster table.');
  }
  if (q.account !== undefined) {
    const id = authorOf(q.account) ?? q.account;
    const cluster = clusters.find((c) => c.accounts.some((a) => a.accountId === id));
    if (cluster) return { cluster };
    return unknown('account', q.account, 'an account in one of the clusters', 'The account is in no cluster at these parameters; check the cluster table, or name the cluster by number.');
  }
  if (q.burst !== undefined) {
    const burst = bursts[q.burst - 1];
    if (burst) return { burst, number: q.burst };
    return unknown('burst', String(q.burst), bursts.length === 0 ? 'a burst, but the analysis found none' : `a burst from 1 to ${bursts.length}`, 'Bursts are numbered in time order; see the bursts table.');
  }
  if (q.post !== undefined) {
    const matching = bursts.flatMap((b, i) => ((b.signal === 'repost' || b.signal === 'reply') && b.item === q.post ? [i + 1] : []));
    if (q.measure === 'bursts') return {};
    if (matching.length === 1) return { burst: bursts[matching[0]! - 1]!, number: matching[0]! };
    if (matching.length > 1) {
      return {
        ruleId: 'coordination/ambiguous-burst',
        message: `Unexpected post=\`${q.post}\` on \`:coordination\`, which bursts ${matching.length} times (bursts ${matching.join(', ')}); expected one burst.`,
        actual: q.post,
        hint: `Name the burst by number: burst=${matching[0]}.`,
      };
    }
    return unknown('post', q.post, 'a post whose reposts or replies burst', 'Copy the id of the post reposted or replied to from the bursts table.');
  }
  return {};
}

function unknown(option: 'cluster' | 'account' | 'burst' | 'post', value: string, expected: string, hint: string): Problem {
  return {
    ruleId: option === 'cluster' || option === 'account' ? 'coordination/unknown-cluster' : 'coordination/unknown-burst',
    message: `Unexpected ${option}=\`${value}\` on \`:coordination\`, expected ${expected}.`,
    actual: value,
    expected,
    hint,
  };
}

/** The value asked for, from the cluster or burst the selector named (or the whole result). */
function valueOf(q: CoordinationFigureQuery, result: CoordinationResult, t: Target): number {
  const c = 'cluster' in t ? t.cluster : undefined;
  const b = 'burst' in t ? t.burst : undefined;
  switch (q.measure) {
    case 'clusters':
      return result.clusters.length;
    case 'bursts':
      return q.post === undefined ? result.bursts.length : result.bursts.filter((x) => x.item === q.post && (x.signal === 'repost' || x.signal === 'reply')).length;
    case 'accounts':
      return c ? c.accounts.length : b ? b.accounts : result.clusters.reduce((n, x) => n + x.accounts.length, 0);
    case 'posts':
      return c ? c.accounts.reduce((n, a) => n + a.posts, 0) : b ? b.posts : result.clusters.reduce((n, x) => n + x.accounts.reduce((m, a) => m + a.posts, 0), 0);
    case 'items':
      return c!.sharedItems;
    case 'ties':
      return c!.edges;
    case 'start':
      return c ? c.first : b!.start;
    case 'end':
      return c ? c.last : b!.end;
    case 'window':
      return result.params.window;
    case 'min-weight':
      return result.params.resolvedMinWeight;
  }
}

/** The question in plain words, in `locale`: for the methodology appendix in the page's language, and for diagnostics in English. */
export function describeCoordinationFigure(q: CoordinationFigureQuery, result: CoordinationResult, t: Target, label: (id: string) => string, locale: string): string {
  const words = translator(locale);
  const counted = q.measure === 'accounts' || q.measure === 'posts';
  const where = words('figure.coordWhere', 'cluster' in t
    ? { where: 'cluster', n: numberFormat(locale).format(t.cluster.id), signal: '' }
    : 'burst' in t
      ? { where: 'burst', n: numberFormat(locale).format(t.number), signal: words('chart.coordSignal', { signal: t.burst.signal }) }
      : { where: counted ? 'all' : 'none', n: '', signal: '' });
  const named = q.account !== undefined ? words('figure.coordNamed', { account: label(q.account) }) : '';
  const params = words('figure.coordParams', { window: numberFormat(locale).format(result.params.window), weight: result.params.resolvedMinWeight });
  const measure = q.measure === 'bursts' && q.post !== undefined ? 'postBursts' : q.measure === 'min-weight' ? 'minWeight' : q.measure;
  return words('figure.coord', { measure, where, named, params, cap: result.params.burstCap, post: q.post ?? '' });
}

export function coordinationFigureDirective(node: TextDirective, state: RenderState): void {
  const { ctx, report } = state;
  const parsed = parseCoordinationFigure(attributesOf(node));
  for (const problem of parsed.problems) report.at(node, problem);
  const { query } = parsed;
  if (!query) return;
  if (!ctx.model || !ctx.caseId) {
    report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: 'Unexpected `:coordination` outside a case, expected coordination figures only in a case report, where there is data to compute them.',
      hint: 'Write the number in words here, or move the figure into the case report.',
    });
    return;
  }
  const result = ctx.model.coordination;
  if (!result) {
    report.at(node, notConfigured(':coordination'));
    return;
  }
  const authorOf = (name: string): string | undefined => {
    const bare = name.replace(/^@/, '').toLowerCase();
    return ctx.model!.accounts.find((a) => a.authorId === name || a.dossierId === name || a.handle?.toLowerCase() === bare)?.authorId;
  };
  const t = target(query, result, authorOf);
  if ('ruleId' in t) {
    report.at(node, t as Problem);
    return;
  }
  const value = valueOf(query, result, t as Target);
  const time = measures[query.measure].unit === 'time';
  const formatted = time ? formatInstantNamed(value, ctx.locale, ctx.timeZone) : numberFormat(ctx.locale).format(value);
  const label = (id: string) => ctx.account(authorOf(id) ?? id)?.label ?? id;
  const description = describeCoordinationFigure(query, result, t as Target, label, ctx.locale);
  const key = coordinationFigureKey(query);
  const place = report.place(node);
  state.collected.figures.push({ key, value, formatted, line: place.line, column: place.column, description, ...(parsed.expect !== undefined ? { expect: parsed.expect } : {}) });
  if (parsed.expect !== undefined && !(time ? localIso(value, ctx.timeZone).startsWith(parsed.expect) : value === Number(parsed.expect))) {
    const shown = time ? formatInstantNamed(value, 'en', ctx.timeZone) : numberFormat('en').format(value);
    report.at(node, {
      ruleId: 'figure/expect-mismatch',
      message: `Unexpected ${shown} for ${describeCoordinationFigure(query, result, t as Target, label, 'en')}, expected ${parsed.expect} (as written in the text).`,
      actual: shown,
      expected: parsed.expect,
      hint: 'Update the text (and its expect=), or check the data or the `coordination:` parameters that moved this figure.',
    });
  }
  node.data = {
    hName: 'a',
    hProperties: { className: ['figure'], href: `${ctx.urls.caseSection(ctx.caseId, 'methodology')}#${figureAnchor(key)}`, dataFigureKey: key },
    hChildren: [{ type: 'text', value: formatted }],
  };
}

/** The directive asks for an analysis the case's frontmatter does not request. */
export function notConfigured(directive: string): Problem {
  return {
    ruleId: 'coordination/not-configured',
    message: `Unexpected \`${directive}\` in a case without \`coordination:\` in its frontmatter, expected the analysis to be asked for.`,
    hint: 'Add `coordination: {}` to the frontmatter for the defaults (window 60 s, ties of at least 3 shared items), or set its fields.',
  };
}
