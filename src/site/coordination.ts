/**
 * The coordination files of a case's data release (`data/coordination/`): the resolved parameters,
 * ties, clusters, bursts, the sensitivity table and a GEXF graph for Gephi. Plain functions of the
 * model and the site's privacy decision, with no clock and sorted rows, so a rebuild gives the same bytes.
 */
import { toCsv } from '../charts/csv.ts';
import { escapeXml } from '../cite/xml-escape.ts';
import type { CoordinationResult } from '../aggregate/coordination/analyse.ts';

export const coordinationFolder = 'coordination';

/** How accounts, posts and texts are published: pseudonymised for private people, as elsewhere in the release. */
export interface Publish {
  accountId(id: string): string;
  /** The handle a file may print, '' for a private person or an account without one. */
  handle(id: string): string;
  postId(id: string, authorId?: string): string;
  text(text: string): string;
}

export interface CoordinationFile {
  name: string;
  type: string;
  body: string;
}

const CSV = 'text/csv; charset=utf-8';

/** `inputHash`: coordinationInputHash of the case's datasets, as the report's parameters box prints it. */
export function coordinationFiles(caseId: string, result: CoordinationResult, publish: Publish, inputHash: string): CoordinationFile[] {
  const iso = (t: number): string => new Date(t).toISOString();
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  const edges = result.edges.map((e) => ({
    account_a: publish.accountId(e.a),
    account_b: publish.accountId(e.b),
    signal: e.signal,
    weight: e.weight,
    min_dt_s: e.minDt,
    median_dt_s: e.medianDt,
    first: iso(e.first),
    last: iso(e.last),
    posts_a: e.postsA,
    posts_b: e.postsB,
    symmetry: round(e.symmetry),
  }));
  const clusters = result.clusters.flatMap((c) =>
    c.accounts.map((a) => ({
      cluster: c.id,
      account_id: publish.accountId(a.accountId),
      handle: publish.handle(a.accountId),
      signals: a.signals.join(';'),
      degree: a.degree,
      strength: a.strength,
      first: iso(a.first),
      last: iso(a.last),
      posts: a.posts,
    })),
  );
  const bursts = result.bursts.map((b) => ({
    signal: b.signal,
    item: b.signal === 'repost' || b.signal === 'reply' ? publish.postId(b.item, b.itemAuthorId) : publish.text(b.item),
    first_post: publish.postId(b.firstPostId, b.firstAccountId),
    first_account: publish.accountId(b.firstAccountId),
    accounts: b.accounts,
    posts: b.posts,
    start: iso(b.start),
    end: iso(b.end),
  }));
  const sensitivity = [
    ...result.sensitivity.map((r) => ({ model: 'observed', ...sensitivityRow(r) })),
    { model: `null: each account shifted by up to ±${result.nullModel.shift} s, seed ${result.nullModel.seed}`, ...sensitivityRow(result.nullModel) },
  ];
  const params = {
    case: caseId,
    parameters: result.params,
    normalisation: result.normalisation,
    // The posts files the analysis read, by their pinned hashes: the same hash, the same input.
    inputHash,
    counts: { ...result.counts, edges: result.edges.length, clusters: result.clusters.length, bursts: result.bursts.length },
    caveat: 'Coordination is not proof of inauthenticity: communities and newsrooms also share the same links and posts within seconds.',
  };
  const file = (name: string, type: string, body: string): CoordinationFile => ({ name: `${coordinationFolder}/${name}`, type, body });
  return [
    file('params.json', 'application/json; charset=utf-8', `${JSON.stringify(params, null, 2)}\n`),
    file('edges.csv', CSV, table(EDGE_COLUMNS, edges)),
    file('clusters.csv', CSV, table(CLUSTER_COLUMNS, clusters)),
    file('bursts.csv', CSV, table(BURST_COLUMNS, bursts)),
    // Never without rows: the null model's row is always there, so its header comes from the rows.
    file('sensitivity.csv', CSV, toCsv(sensitivity)),
    file('coordination.gexf', 'application/gexf+xml; charset=utf-8', gexf(result, publish)),
  ];
}

const EDGE_COLUMNS = ['account_a', 'account_b', 'signal', 'weight', 'min_dt_s', 'median_dt_s', 'first', 'last', 'posts_a', 'posts_b', 'symmetry'];
const CLUSTER_COLUMNS = ['cluster', 'account_id', 'handle', 'signals', 'degree', 'strength', 'first', 'last', 'posts'];
const BURST_COLUMNS = ['signal', 'item', 'first_post', 'first_account', 'accounts', 'posts', 'start', 'end'];

function sensitivityRow(r: { window: number; minWeight: number; edges: number; accounts: number; largestCluster: number }) {
  return { window_s: r.window, min_weight: r.minWeight, edges: r.edges, accounts: r.accounts, largest_cluster: r.largestCluster };
}

/** A CSV with its header even when it has no rows: an empty file would not say what was looked for. */
function table(columns: readonly string[], rows: Record<string, string | number>[]): string {
  return rows.length === 0 ? `${columns.join(',')}\r\n` : toCsv(rows);
}

/** GEXF 1.3: accounts as nodes (with their cluster), ties summed over signals as weighted edges. */
function gexf(result: CoordinationResult, publish: Publish): string {
  // The site's one XML escaper, which also drops the control characters XML 1.0 forbids.
  const xml = escapeXml;
  const clusterOf = new Map<string, number>();
  for (const c of result.clusters) for (const a of c.accounts) clusterOf.set(a.accountId, c.id);
  const ties = new Map<string, { a: string; b: string; weight: number; signals: Set<string> }>();
  for (const e of result.edges) {
    const key = `${e.a}\u0000${e.b}`;
    const tie = ties.get(key) ?? { a: e.a, b: e.b, weight: 0, signals: new Set<string>() };
    tie.weight += e.weight;
    tie.signals.add(e.signal);
    ties.set(key, tie);
  }
  const nodes = [...clusterOf.keys()].map((id) => {
    const published = publish.accountId(id);
    const label = publish.handle(id) || published;
    return `      <node id="${xml(published)}" label="${xml(label)}"><attvalues><attvalue for="cluster" value="${clusterOf.get(id)}"/></attvalues></node>`;
  });
  const edges = [...ties.values()].map(
    (t, k) =>
      `      <edge id="${k}" source="${xml(publish.accountId(t.a))}" target="${xml(publish.accountId(t.b))}" weight="${t.weight}"><attvalues><attvalue for="signals" value="${[...t.signals].sort().join(';')}"/></attvalues></edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph defaultedgetype="undirected">',
    '    <attributes class="node"><attribute id="cluster" title="cluster" type="integer"/></attributes>',
    '    <attributes class="edge"><attribute id="signals" title="signals" type="string"/></attributes>',
    '    <nodes>',
    ...nodes,
    '    </nodes>',
    '    <edges>',
    ...edges,
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
