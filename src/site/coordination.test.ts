import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoordinationPost } from '../aggregate/coordination/actions.ts';
import { analyseCoordination } from '../aggregate/coordination/analyse.ts';
import { CoordinationSchema, type Account } from '../schema/index.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import { coordinationFiles, type Publish } from './coordination.ts';

const T0 = Date.UTC(2024, 4, 15);
const TEXT = 'the referendum was organised without the consent of the people';

/** Three accounts reposting the same three posts seconds apart; account 42 is a private person (handle janedoe). */
function posts(): CoordinationPost[] {
  const list: CoordinationPost[] = [];
  for (let k = 0; k < 3; k++) {
    for (const [n, account] of ['42', '7', '8'].entries()) {
      list.push({ id: `r${k}-${account}`, accountId: account, time: T0 + (k * 900 + n * 5) * 1000, kind: 'repost', refId: `orig${k}`, text: '', urls: [], hashtags: [] });
    }
  }
  // A burst: 25 accounts post the same text, written by the private person first, within a minute.
  for (let m = 0; m < 25; m++) {
    const account = m === 0 ? '42' : `b${m}`;
    list.push({ id: `t${m}`, accountId: account, time: T0 + (5000 + m * 2) * 1000, kind: 'post', text: `${TEXT}, says janedoe`, urls: [], hashtags: [] });
  }
  return list;
}

function publish(): Publish {
  const data = { platform: 'x', handle: 'janedoe', platformId: '42', displayName: 'Jane Doe', subject: 'private', pseudonym: 'Member A', status: [] } as unknown as Account;
  const privacy = decidePrivacy([{ id: 'x/member-a', data }], [{ id: '42', platform: 'x', handle: 'janedoe', name: 'Jane Doe' }] as never);
  return { accountId: privacy.accountId, handle: (id) => (id === '42' ? '' : `user${id}`), postId: privacy.postId, text: privacy.text };
}

const build = () => coordinationFiles('demo', analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1 })), publish(), 'a'.repeat(64));

describe('coordinationFiles(case, result, publish, inputs)', () => {
  // Built inside each test, not when the file is collected, so each mutant's coverage names the test.
  let files: ReturnType<typeof build>;
  let byName: Record<string, string>;
  beforeEach(() => {
    files = build();
    byName = Object.fromEntries(files.map((f) => [f.name, f.body]));
  });

  it('writes the six files under coordination/ with the columns the release promises', () => {
    expect(files.map((f) => f.name)).toEqual([
      'coordination/params.json', 'coordination/edges.csv', 'coordination/clusters.csv',
      'coordination/bursts.csv', 'coordination/sensitivity.csv', 'coordination/coordination.gexf',
    ]);
    expect(byName['coordination/edges.csv']!.split('\r\n')[0]).toBe('account_a,account_b,signal,weight,min_dt_s,median_dt_s,first,last,posts_a,posts_b,symmetry');
    expect(byName['coordination/clusters.csv']!.split('\r\n')[0]).toBe('cluster,account_id,handle,signals,degree,strength,first,last,posts');
    expect(byName['coordination/edges.csv']).toContain('pseudonymised-x-member-a,7,repost,3,5,5,2024-05-15T00:00:00.000Z,2024-05-15T00:30:05.000Z,3,3,1');
    const params = JSON.parse(byName['coordination/params.json']!);
    expect(params).toMatchObject({ parameters: { window: 60, minWeight: 3, resolvedMinWeight: 3 }, normalisation: { text: 'casefile-text-1', url: 'casefile-url-1' } });
    expect(params.inputHash).toBe('a'.repeat(64));
    expect(byName['coordination/sensitivity.csv']!.split('\r\n')).toHaveLength(1 + 18 + 1 + 1);
  });

  it('names a private person by pseudonym only: no platform id, handle or name in any file', () => {
    for (const f of files) {
      expect(f.body).not.toMatch(/janedoe|Jane Doe|(?<![\w-])42(?![\w-])/i);
    }
    expect(byName['coordination/bursts.csv']).toContain(',pseudonymised-x-member-a,25,25,');
    expect(byName['coordination/bursts.csv']).toContain('[Member A]');
  });

  it('is a GEXF graph Gephi can read: three accounts, three ties', () => {
    const graph = new XMLParser({ ignoreAttributes: false }).parse(byName['coordination/coordination.gexf']!).gexf.graph;
    expect(graph.nodes.node).toHaveLength(3);
    expect(graph.edges.edge).toHaveLength(3);
  });

  it('gives the same bytes on a rebuild', () => {
    expect(build()).toEqual(files);
  });
});

describe('coordinationFiles(case, result, publish, inputs) byte for byte', () => {
  const t = (s: string) => Date.parse(`2024-05-15T${s}Z`);
  // Two accounts tied twice (by reposts and by text), one cluster, a repost burst and a text burst.
  const result = {
    params: { window: 60, minWeight: 3 },
    normalisation: { text: 'casefile-text-1', url: 'casefile-url-1' },
    counts: { posts: 9, accounts: 2, eligibleAccounts: 2, actions: { repost: 6 }, pairs: 1 },
    edges: [
      { a: '42', b: '7', signal: 'repost', weight: 3, minDt: 5, medianDt: 5.5, first: t('00:00:00'), last: t('00:30:05'), postsA: 3, postsB: 4, symmetry: 0.123456 },
      { a: '42', b: '7', signal: 'text', weight: 2, minDt: 1, medianDt: 2, first: t('01:00:00'), last: t('01:00:01'), postsA: 2, postsB: 2, symmetry: 1 },
    ],
    clusters: [
      {
        id: 1,
        accounts: [
          { accountId: '42', signals: ['repost', 'text'], degree: 1, strength: 5, first: t('00:00:00'), last: t('01:00:00'), posts: 5 },
          { accountId: '7', signals: ['repost'], degree: 1, strength: 5, first: t('00:00:05'), last: t('01:00:01'), posts: 6 },
        ],
      },
    ],
    bursts: [
      { signal: 'repost', item: 'orig1', itemAuthorId: '42', firstPostId: 'r1', firstAccountId: '42', accounts: 2, posts: 2, start: t('00:00:00'), end: t('00:00:05') },
      { signal: 'reply', item: 'orig2', itemAuthorId: '42', firstPostId: 'q1', firstAccountId: '7', accounts: 2, posts: 2, start: t('00:10:00'), end: t('00:10:05') },
      { signal: 'text', item: 'janedoe says <this> & "that"', firstPostId: 'p9', firstAccountId: '7', accounts: 2, posts: 3, start: t('01:00:00'), end: t('01:00:01') },
    ],
    sensitivity: [{ window: 30, minWeight: 2, edges: 1, accounts: 2, largestCluster: 2 }],
    nullModel: { window: 60, minWeight: 3, edges: 0, accounts: 0, largestCluster: 0, seed: 7, shift: 3600 },
  } as unknown as Parameters<typeof coordinationFiles>[1];
  const shown: Publish = {
    accountId: (id) => (id === '42' ? 'member-a' : id),
    handle: (id) => (id === '7' ? 'demo_news' : ''),
    postId: (id, author) => (author === '42' ? `stand-in-${id}` : id),
    text: (text) => text.replace('janedoe', '[Member A]'),
  };
  // Made inside each test, not when the file is collected, so each mutant's coverage names the test.
  const made = () => coordinationFiles('demo', result, shown, createHash('sha256').update('a.ndjson 1\nb.ndjson 2').digest('hex'));
  const body = (name: string) => made().find((f) => f.name === `coordination/${name}`)!.body;

  it('writes each file as readers download it', () => {
    expect(made().map((f) => [f.name, f.type])).toEqual([
      ['coordination/params.json', 'application/json; charset=utf-8'],
      ['coordination/edges.csv', 'text/csv; charset=utf-8'],
      ['coordination/clusters.csv', 'text/csv; charset=utf-8'],
      ['coordination/bursts.csv', 'text/csv; charset=utf-8'],
      ['coordination/sensitivity.csv', 'text/csv; charset=utf-8'],
      ['coordination/coordination.gexf', 'application/gexf+xml; charset=utf-8'],
    ]);
    expect(JSON.parse(body('params.json'))).toEqual({
      case: 'demo',
      parameters: { window: 60, minWeight: 3 },
      normalisation: { text: 'casefile-text-1', url: 'casefile-url-1' },
      inputHash: createHash('sha256').update('a.ndjson 1\nb.ndjson 2').digest('hex'),
      counts: { posts: 9, accounts: 2, eligibleAccounts: 2, actions: { repost: 6 }, pairs: 1, edges: 2, clusters: 1, bursts: 3 },
      caveat: 'Coordination is not proof of inauthenticity: communities and newsrooms also share the same links and posts within seconds.',
    });
    expect(body('params.json')).toBe(`${JSON.stringify(JSON.parse(body('params.json')), null, 2)}\n`);
    expect(body('edges.csv').split('\r\n')).toEqual([
      'account_a,account_b,signal,weight,min_dt_s,median_dt_s,first,last,posts_a,posts_b,symmetry',
      'member-a,7,repost,3,5,5.5,2024-05-15T00:00:00.000Z,2024-05-15T00:30:05.000Z,3,4,0.1235',
      'member-a,7,text,2,1,2,2024-05-15T01:00:00.000Z,2024-05-15T01:00:01.000Z,2,2,1',
      '',
    ]);
    expect(body('clusters.csv').split('\r\n')).toEqual([
      'cluster,account_id,handle,signals,degree,strength,first,last,posts',
      '1,member-a,,repost;text,1,5,2024-05-15T00:00:00.000Z,2024-05-15T01:00:00.000Z,5',
      '1,7,demo_news,repost,1,5,2024-05-15T00:00:05.000Z,2024-05-15T01:00:01.000Z,6',
      '',
    ]);
    expect(body('bursts.csv').split('\r\n')).toEqual([
      'signal,item,first_post,first_account,accounts,posts,start,end',
      'repost,stand-in-orig1,stand-in-r1,member-a,2,2,2024-05-15T00:00:00.000Z,2024-05-15T00:00:05.000Z',
      'reply,stand-in-orig2,q1,7,2,2,2024-05-15T00:10:00.000Z,2024-05-15T00:10:05.000Z',
      'text,"[Member A] says <this> & ""that""",p9,7,2,3,2024-05-15T01:00:00.000Z,2024-05-15T01:00:01.000Z',
      '',
    ]);
    expect(body('sensitivity.csv').split('\r\n')).toEqual([
      'model,window_s,min_weight,edges,accounts,largest_cluster',
      'observed,30,2,1,2,2',
      '"null: each account shifted by up to ±3600 s, seed 7",60,3,0,0,0',
      '',
    ]);
    expect(body('coordination.gexf')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph defaultedgetype="undirected">',
        '    <attributes class="node"><attribute id="cluster" title="cluster" type="integer"/></attributes>',
        '    <attributes class="edge"><attribute id="signals" title="signals" type="string"/></attributes>',
        '    <nodes>',
        '      <node id="member-a" label="member-a"><attvalues><attvalue for="cluster" value="1"/></attvalues></node>',
        '      <node id="7" label="demo_news"><attvalues><attvalue for="cluster" value="1"/></attvalues></node>',
        '    </nodes>',
        '    <edges>',
        '      <edge id="0" source="member-a" target="7" weight="5"><attvalues><attvalue for="signals" value="repost;text"/></attvalues></edge>',
        '    </edges>',
        '  </graph>',
        '</gexf>',
        '',
      ].join('\n'),
    );
  });

  it('escapes what an account id could carry into the GEXF markup', () => {
    const odd: Publish = { ...shown, accountId: (id) => (id === '42' ? 'a&b<"c">' : id), handle: () => '' };
    const gexf = coordinationFiles('demo', result, odd, '').at(-1)!.body;
    expect(gexf).toContain('<node id="a&amp;b&lt;&quot;c&quot;&gt;" label="a&amp;b&lt;&quot;c&quot;&gt;">');
    expect(gexf).toContain('source="a&amp;b&lt;&quot;c&quot;&gt;" target="7"');
  });

  it('lists the signals of a GEXF tie in alphabetical order, whatever the order of the edges', () => {
    const reversed = { ...result, edges: [...result.edges].reverse() } as typeof result;
    expect(coordinationFiles('demo', reversed, shown, '').at(-1)!.body).toContain('<attvalue for="signals" value="repost;text"/>');
  });

  it('writes the header of a table that has no rows', () => {
    const empty = { ...result, edges: [], clusters: [], bursts: [] } as typeof result;
    const out = coordinationFiles('demo', empty, shown, '');
    expect(out.slice(1, 4).map((f) => f.body)).toEqual([
      'account_a,account_b,signal,weight,min_dt_s,median_dt_s,first,last,posts_a,posts_b,symmetry\r\n',
      'cluster,account_id,handle,signals,degree,strength,first,last,posts\r\n',
      'signal,item,first_post,first_account,accounts,posts,start,end\r\n',
    ]);
  });
});
