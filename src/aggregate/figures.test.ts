import { describe, expect, it } from 'vitest';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { aggregateCase } from './aggregate-case.ts';
import { figureKey, type FigureQuery } from './figure-query.ts';
import type { AggregateInput } from './input.ts';

// Nouméa is UTC+11: local 09:00 on 14 May is 22:00 UTC on 13 May.
const local = (day: number, hour: number, minute = 0) => Date.UTC(2024, 4, day, hour - 11, minute);
let line = 0;
const post = (id: string, author: string, time: number, tags: string[], extra: Partial<NormalisedPost> = {}): NormalisedPost => ({
  id, platform: 'x', authorId: author.toLowerCase(), handle: author, time, precision: 'second', kind: 'post', tags, text: id, mediaHashes: [], archives: [], dataset: 'd', line: ++line, ...extra,
});

const posts = [
  post('p8', 'Alpha', local(13, 23, 50), ['K']), // the evening before the period
  post('p1', 'Alpha', local(14, 9), ['K']),
  post('p4', 'Beta', local(14, 9, 10), ['K']),
  post('p2', 'Alpha', local(14, 9, 30), ['K']),
  post('p3', 'Alpha', local(15, 10), ['K'], { kind: 'repost', refId: 'p1', refAuthorId: 'alpha' }),
  post('p5', 'Beta', local(15, 10, 5), ['K'], { kind: 'quote', refId: 'p1', refAuthorId: 'alpha' }),
  post('p6', 'Gamma', local(15, 10, 20), ['M']),
  post('p7', 'Beta', local(16, 8), ['K']), // the morning after
];

const input = (figureQueries: FigureQuery[]): AggregateInput => ({
  caseId: 'figures',
  timeZone: 'Pacific/Noumea',
  period: { from: '2024-05-14', to: '2024-05-15' },
  hashtags: [{ tag: 'K', aliases: [] }, { tag: 'M', aliases: [] }],
  dossiers: [
    { id: 'x/alpha', platform: 'x', handle: 'alpha', status: 'suspended' },
    { id: 'x/gamma', platform: 'x', handle: null, platformId: 'gamma', status: 'suspended' },
    { id: 'x/delta', platform: 'x', handle: 'delta', status: 'deleted' },
  ],
  wantedPostIds: [],
  topAccounts: 10,
  figureQueries,
});

/** Each query's answer as [value, basis]. */
const answers = (queries: FigureQuery[]) => {
  const figures = aggregateCase(posts, input(queries)).figures;
  return queries.map((q) => [figures[figureKey(q)]!.value, figures[figureKey(q)]!.basis]);
};

describe('figures: the answers to the prose\'s figure queries', () => {
  it('counts posts under a tag inside the case period only, by kind, by account (dossier id or handle in any case, @ optional) and by local dates', () => {
    expect(answers([
      { measure: 'count', hashtag: 'K' },
      { measure: 'count', hashtag: 'K', kind: 'repost' },
      { measure: 'count', hashtag: 'K', account: 'x/alpha' },
      { measure: 'count', hashtag: 'K', account: '@BETA' },
      { measure: 'count', hashtag: 'K', accounts: ['x/alpha', 'beta'] },
      { measure: 'count', hashtag: 'K', from: '2024-05-15' },
      { measure: 'count', hashtag: 'K', to: '2024-05-14' },
      { measure: 'count', hashtag: 'M', account: 'x/gamma' },
      { measure: 'count' },
      { measure: 'count', hashtag: 'Untracked' },
    ])).toEqual([[5, 5], [1, 1], [3, 3], [2, 2], [5, 5], [2, 2], [3, 3], [1, 1], [6, 6], [0, 0]]);
  });

  it('counts a post at the first instant of the period and none at its end, and original posts by their kind', () => {
    const edge = [
      post('e1', 'Alpha', local(14, 0), ['K']),
      post('e2', 'Beta', local(14, 0, 5), ['K'], { kind: 'repost', refId: 'e1', refAuthorId: 'alpha' }),
      post('e3', 'Alpha', local(15, 23, 59), ['K']),
      post('e4', 'Beta', local(16, 0), ['K']),
    ];
    const queries: FigureQuery[] = [{ measure: 'count', hashtag: 'K' }, { measure: 'count', hashtag: 'K', kind: 'post' }, { measure: 'first-time', hashtag: 'K' }];
    const figures = aggregateCase(edge, input(queries)).figures;
    expect(queries.map((q) => figures[figureKey(q)]!.value)).toEqual([3, 2, local(14, 0)]);
  });

  it('gives each measure its unit, which says how the prose prints it: a count, a time or a share', () => {
    const queries: FigureQuery[] = [
      { measure: 'cascade-size', post: 'p1' },
      { measure: 'status-count', status: 'suspended' },
      { measure: 'status-count', status: 'suspended', hashtag: 'K' },
      { measure: 'count', hashtag: 'K' },
      { measure: 'accounts', hashtag: 'K' },
      { measure: 'peak', hashtag: 'K', bin: 'day' },
      { measure: 'peak-time', hashtag: 'K', bin: 'day' },
      { measure: 'first-time', hashtag: 'K' },
      { measure: 'share', hashtag: 'K', kind: 'reply' },
      { measure: 'share', hashtag: 'K', account: 'x/alpha' },
      { measure: 'share', hashtag: 'K', top: 1 },
    ];
    const figures = aggregateCase(posts, input(queries)).figures;
    expect(queries.map((q) => figures[figureKey(q)]!.unit)).toEqual(['count', 'count', 'count', 'count', 'count', 'count', 'time', 'time', 'share', 'share', 'share']);
  });

  it('takes the top N accounts by their number of posts, whoever posted first', () => {
    const few = [post('q1', 'Beta', local(14, 9), ['K']), post('q2', 'Alpha', local(14, 10), ['K']), post('q3', 'Alpha', local(14, 11), ['K'])];
    const query: FigureQuery = { measure: 'share', hashtag: 'K', top: 1 };
    expect(aggregateCase(few, input([query])).figures[figureKey(query)]!.value).toBe(2 / 3);
  });

  it('counts distinct accounts', () => {
    expect(answers([{ measure: 'accounts', hashtag: 'K' }, { measure: 'accounts' }, { measure: 'accounts', hashtag: 'K', kind: 'quote' }])).toEqual([[2, 5], [3, 6], [1, 1]]);
  });

  it('finds the busiest local day or hour, and its start; the earliest on a tie; none when nothing matches', () => {
    expect(answers([
      { measure: 'peak', hashtag: 'K', bin: 'day' },
      { measure: 'peak-time', hashtag: 'K', bin: 'day' },
      { measure: 'peak', hashtag: 'K', bin: 'hour' },
      { measure: 'peak-time', hashtag: 'K', bin: 'hour' },
      // Beta posts once on each day: a tie, stated as the first day.
      { measure: 'peak-time', hashtag: 'K', account: 'beta', bin: 'day' },
      { measure: 'peak-time', hashtag: 'K', from: '2024-05-15', bin: 'hour' },
      { measure: 'peak', hashtag: 'K', kind: 'reply', bin: 'day' },
    ])).toEqual([
      [3, 5], [local(14, 0), 5],
      [3, 5], [local(14, 9), 5],
      [local(14, 0), 2],
      [local(15, 10), 2],
      [0, 0],
    ]);
  });

  it('gives the time of the first matching post, and no time when none matches', () => {
    expect(answers([
      { measure: 'first-time', hashtag: 'K' },
      { measure: 'first-time', hashtag: 'K', account: 'beta' },
      { measure: 'first-time', hashtag: 'K', kind: 'reply' },
    ])).toEqual([[local(14, 9), 5], [local(14, 9, 10), 2], [NaN, 0]]);
  });

  it('gives the share of the named accounts or of the top N accounts, 0 of nothing', () => {
    expect(answers([
      { measure: 'share', hashtag: 'K', account: 'x/alpha' },
      { measure: 'share', hashtag: 'K', accounts: ['beta'] },
      { measure: 'share', hashtag: 'K', top: 1 },
      { measure: 'share', hashtag: 'K', top: 2 },
      { measure: 'share', hashtag: 'K', kind: 'reply', top: 1 },
    ])).toEqual([[3 / 5, 5], [2 / 5, 5], [3 / 5, 5], [1, 5], [0, 0]]);
    // Ten by default: every account of this case.
    expect(answers([{ measure: 'share', hashtag: 'K' }])).toEqual([[1, 5]]);
  });

  it('sizes a cascade by its reposts and quotes, 0 for a post nobody shared', () => {
    expect(answers([{ measure: 'cascade-size', post: 'p1' }, { measure: 'cascade-size', post: 'p2' }])).toEqual([[2, 2], [0, 0]]);
  });

  it('counts dossiers by their latest status, all of them or those posting under a tag, what was counted being the dossiers', () => {
    expect(answers([
      { measure: 'status-count', status: 'suspended' },
      { measure: 'status-count', status: 'suspended', hashtag: 'K' },
      { measure: 'status-count', status: 'suspended', hashtag: 'M' },
      { measure: 'status-count', status: 'deleted' },
      { measure: 'status-count', status: 'deleted', hashtag: 'K' },
      { measure: 'status-count', status: 'protected' },
    ])).toEqual([[2, 2], [1, 1], [1, 1], [1, 1], [0, 0], [0, 0]]);
  });

  it('names the accounts and posts a query asks about that the case does not know, with the closest name', () => {
    const queries: FigureQuery[] = [
      { measure: 'count', hashtag: 'K', account: '@Alpah' },
      { measure: 'count', hashtag: 'K', accounts: ['beta', 'x/gama', 'zzzzzzzz'] },
      { measure: 'cascade-size', post: 'p99' },
      // A dossier with no post is known: its answer is an empty one, not an unknown name.
      { measure: 'count', account: 'x/delta' },
      { measure: 'count', account: 'gamma' },
    ];
    const figures = aggregateCase(posts, input(queries)).figures;
    expect(queries.map((q) => figures[figureKey(q)]!.unknown)).toEqual([
      [{ option: 'account', name: '@Alpah', suggestion: 'Alpha' }],
      [{ option: 'accounts', name: 'x/gama', suggestion: 'x/gamma' }, { option: 'accounts', name: 'zzzzzzzz' }],
      [{ option: 'post', name: 'p99' }],
      undefined,
      undefined,
    ]);
    expect(figures[figureKey(queries[0]!)]).toMatchObject({ key: 'account=@Alpah;hashtag=K;measure=count', unit: 'count' });
  });
});

describe('figureKey(query)', () => {
  it('is the same whatever the order of attributes and list items, and leaves out what is not given', () => {
    expect(figureKey({ measure: 'share', hashtag: 'K', accounts: ['b', 'a'], top: undefined })).toBe('accounts=a,b;hashtag=K;measure=share');
    expect(figureKey({ accounts: ['a', 'b'], measure: 'share', hashtag: 'K' } as FigureQuery)).toBe('accounts=a,b;hashtag=K;measure=share');
    expect(figureKey({ measure: 'peak', bin: 'hour', to: '2024-05-15', from: '2024-05-14' })).toBe('bin=hour;from=2024-05-14;measure=peak;to=2024-05-15');
  });
});
