import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
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

const build = () => coordinationFiles('demo', analyseCoordination(posts(), CoordinationSchema.parse({ minPosts: 1 })), publish(), ['posts/posts.ndjson ' + 'a'.repeat(64)]);

describe('coordinationFiles(case, result, publish, inputs)', () => {
  const files = build();
  const byName = Object.fromEntries(files.map((f) => [f.name, f.body]));

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
    expect(params.inputHash).toMatch(/^[0-9a-f]{64}$/);
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
