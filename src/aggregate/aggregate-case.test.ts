import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postNormaliser } from '../ingest/normalise-post.ts';
import { readPosts } from '../ingest/read-posts.ts';
import { aggregateCase } from './aggregate-case.ts';
import { figureKey, type FigureQuery } from './figure-query.ts';
import type { AggregateInput } from './input.ts';
import type { ReportModel } from './model.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';

const T = 'RecognizeNewCaledonia';
const fixture = fileURLToPath(new URL('../../test/fixtures/aggregate/posts.ndjson', import.meta.url));
const input: AggregateInput = {
  caseId: 'fixture',
  timeZone: 'Europe/Paris',
  period: { from: '2024-10-26', to: '2024-10-27' },
  hashtags: [{ tag: T, aliases: ['RecognizeNewCalendonia'] }],
  dossiers: [
    { id: 'x/user1', platform: 'x', handle: 'USER1', status: 'suspended' },
    { id: 'x/six', platform: 'x', handle: null, platformId: 'a6', status: 'active' },
  ],
  wantedPostIds: ['p19'],
  topAccounts: 1,
  figureQueries: [
    { measure: 'count', hashtag: 'RecognizeNewCalendonia' },
    { measure: 'accounts', hashtag: T },
    { measure: 'peak', hashtag: T, bin: 'hour' },
    { measure: 'peak-time', hashtag: T, bin: 'hour' },
    { measure: 'share', hashtag: T, account: 'x/user1' },
    { measure: 'share', hashtag: T, top: 2 },
    { measure: 'first-time', hashtag: T },
    { measure: 'count', hashtag: T, kind: 'repost', from: '2024-10-27' },
    { measure: 'cascade-size', post: 'p02' },
    { measure: 'status-count', status: 'suspended', hashtag: T },
  ],
};

let posts: NormalisedPost[];
let model: ReportModel;

beforeAll(async () => {
  posts = [];
  await readPosts({ path: fixture, file: 'fixture', dataset: 'd', format: 'ndjson', normalise: postNormaliser(input.hashtags), onPost: (p) => posts.push(p) });
});

// Aggregated again for each test (a few milliseconds), so each test runs the aggregation it checks: mutation
// testing attributes code to the tests that run it, and code run once for the file belongs to none.
beforeEach(() => {
  model = aggregateCase(posts, input);
});

const at = (iso: string) => Date.parse(iso);

describe('aggregateCase(posts, input) on the hand-computed fixture', () => {
  it('aggregateCase(posts) bins the period in local days across the end of DST (24 h then 25 h)', () => {
    expect(model.periodStart).toBe(at('2024-10-25T22:00:00Z'));
    expect(model.periodEnd).toBe(at('2024-10-27T23:00:00Z'));
    const tl = model.timelines[T]!;
    expect(tl.day.map((b) => [b.label, b.total])).toEqual([
      ['2024-10-26', 12],
      ['2024-10-27', 11],
    ]);
    expect(tl.hour).toHaveLength(49);
    expect(tl.hour.filter((b) => b.label === '2024-10-27T02').map((b) => b.total)).toEqual([1, 2]);
  });

  it('aggregateCase(posts) counts a tag and its alias, by kind, inside the period only', () => {
    const tl = model.timelines[T]!;
    expect(tl.total).toBe(23);
    expect(tl.byKind).toEqual({ post: 15, repost: 6, quote: 1, reply: 1 });
    expect(tl.accounts).toBe(6);
    expect(tl.day.at(-1)!.cumulative).toBe(23);
  });

  it('aggregateCase(posts) counts the local day and hour before the period apart, for a timeline\'s lead-in', () => {
    const { leadIn, total } = model.timelines[T]!;
    // p01, 23:30 in Paris on the 25th: in the day and the hour before the period, not in its total.
    expect(leadIn.day).toEqual({ start: at('2024-10-24T22:00:00Z'), label: '2024-10-25', total: 1, byKind: { post: 1, repost: 0, quote: 0, reply: 0 }, accounts: 1, cumulative: 1 });
    expect([leadIn.hour.start, leadIn.hour.label, leadIn.hour.total]).toEqual([at('2024-10-25T21:00:00Z'), '2024-10-25T23', 1]);
    expect(total).toBe(23);
  });

  it('aggregateCase(posts) reports every peak hour on a tie and the first posts on a tie', () => {
    const tl = model.timelines[T]!;
    expect(tl.peakHour).toEqual({ labels: ['2024-10-26T14', '2024-10-27T16'], starts: [at('2024-10-26T12:00:00Z'), at('2024-10-27T15:00:00Z')], value: 3 });
    expect(tl.peakDay.labels).toEqual(['2024-10-26']);
    expect(tl.firstPosts.map((p) => p.id)).toEqual(['p02', 'p03']);
    expect(Object.keys(model.posts)).toEqual(['p02', 'p03', 'p19']);
  });

  it('aggregateCase(posts) ranks top accounts by count, then id, with their share', () => {
    const tl = model.timelines[T]!;
    expect(tl.topAccounts.map((a) => [a.authorId, a.count])).toEqual([['a1', 5], ['a2', 5], ['a3', 4], ['a4', 4], ['a5', 3], ['a6', 2]]);
    expect(tl.topAccounts[0]!.share).toBeCloseTo(5 / 23);
    expect(tl.top10Share).toBe(1);
  });

  it('aggregateCase(posts) builds cascades with delay to first and time to half size', () => {
    const [first, ...rest] = model.cascades;
    expect(first).toMatchObject({ rootId: 'p02', size: 4, reposts: 3, quotes: 1, firstDelay: 3_600_000, halfTime: 3 * 3_600_000 });
    expect(first!.amplifiers.map((a) => [a.postId, a.kind])).toEqual([['p04', 'repost'], ['p05', 'repost'], ['p06', 'quote'], ['p30', 'repost']]);
    expect(rest.map((c) => c.rootId)).toEqual(['p07', 'p19', 'p12']);
    expect(model.timelines[T]!.topCascades).toEqual(['p02', 'p07', 'p12']);
  });

  it('aggregateCase(posts) finds content items by normalised text and by media, with patient zero ties', () => {
    expect(model.contentItems.map((c) => [c.match, c.posts, c.firstPosters.map((p) => p.id)])).toEqual([
      ['media', 3, ['p27', 'p28']],
      ['text', 2, ['p02', 'p03']],
    ]);
    expect(model.contentItems[1]!.text).toBe('free kanaky now');
  });

  it('aggregateCase(posts) lists content items by posts, then by who posted first, then by key', () => {
    const post = (id: string, text: string, time: string): NormalisedPost => ({
      id, platform: 'x', authorId: id, handle: null, time: at(time), precision: 'second', kind: 'post',
      tags: [T], text, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const items = aggregateCase(
      [
        post('q1', 'later text', '2024-10-26T10:00:00Z'), post('q2', 'later text', '2024-10-26T11:00:00Z'),
        post('q3', 'earlier text', '2024-10-26T09:00:00Z'), post('q4', 'earlier text', '2024-10-26T12:00:00Z'),
        post('q5', 'more text', '2024-10-26T13:00:00Z'), post('q6', 'more text', '2024-10-26T13:00:00Z'), post('q7', 'more text', '2024-10-26T14:00:00Z'),
        post('q8', 'same time b', '2024-10-26T15:00:00Z'), post('q9', 'same time b', '2024-10-26T16:00:00Z'),
        post('r1', 'same time a', '2024-10-26T15:00:00Z'), post('r2', 'same time a', '2024-10-26T16:00:00Z'),
      ],
      input,
    ).contentItems;
    // Three posts before two; of the pairs, the one posted first at 09:00, then 10:00; the two posted first
    // at 15:00 in the order of their keys (a hash of the text), whichever was read first.
    const tied = items.slice(3).map((c) => c.key);
    expect(items.map((c) => [c.text, c.posts, c.firstPosters.map((p) => p.id)]).slice(0, 3)).toEqual([
      ['more text', 3, ['q5', 'q6']],
      ['earlier text', 2, ['q3']],
      ['later text', 2, ['q1']],
    ]);
    expect(tied).toEqual([...tied].sort());
    expect(items.slice(3).map((c) => c.text).sort()).toEqual(['same time a', 'same time b']);
  });

  it('aggregateCase(posts) names the first posters of a content item in id order, whatever order they are read in', () => {
    const post = (id: string, time: string): NormalisedPost => ({
      id, platform: 'x', authorId: id, handle: null, time: at(time), precision: 'second', kind: 'post',
      tags: [T], text: 'one text', mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const [item] = aggregateCase([post('s3', '2024-10-26T10:00:00Z'), post('s1', '2024-10-26T10:00:00Z'), post('s2', '2024-10-26T11:00:00Z')], input).contentItems;
    expect(item!.firstPosters.map((p) => p.id)).toEqual(['s1', 's3']);
  });

  it('aggregateCase(posts) summarises kinds, span, posts outside the period and missing refs', () => {
    expect(model.summary).toEqual({
      total: 30,
      byKind: { post: 21, repost: 7, quote: 1, reply: 1 },
      from: at('2024-10-25T21:30:00Z'),
      to: at('2024-10-27T23:00:00Z'),
      accounts: 6,
      outsidePeriod: 2,
      missingRefs: 1,
      datasets: [{ id: 'd', posts: 30 }],
    });
  });

  it('aggregateCase(posts) profiles an account: kinds, local active days, who amplified it, its dossier', () => {
    const a1 = model.profiles.find((p) => p.authorId === 'a1')!;
    expect(a1).toMatchObject({ total: 7, byKind: { post: 6, repost: 1, quote: 0, reply: 0 }, activeDays: 4, dossierId: 'x/user1' });
    expect(a1.amplified).toEqual([{ authorId: 'a1', count: 1 }]);
    expect(a1.amplifiedBy).toEqual([
      { authorId: 'a5', count: 2 },
      { authorId: 'a1', count: 1 },
      { authorId: 'a3', count: 1 },
      { authorId: 'a4', count: 1 },
    ]);
    expect(a1.shareOfTag[T]).toBeCloseTo(5 / 23);
    expect(model.profiles.find((p) => p.authorId === 'a6')!.dossierId).toBe('x/six');
    expect(model.profiles[0]!.authorId).toBe('a1');
  });

  it('aggregateCase(posts) lists every account, and profiles in full only the dossier accounts and the topAccounts first', () => {
    expect(model.accounts.map((a) => [a.authorId, a.total])).toEqual([['a1', 7], ['a2', 5], ['a3', 5], ['a6', 5], ['a4', 4], ['a5', 4]]);
    // a1 is both first and a dossier account; a6 has a dossier; topAccounts is 1.
    expect(model.profiles.map((p) => p.authorId)).toEqual(['a1', 'a6']);
    expect(model.accounts[0]).not.toHaveProperty('dayHour');
    expect(aggregateCase(posts, { ...input, topAccounts: 2 }).profiles.map((p) => p.authorId)).toEqual(['a1', 'a2', 'a6']);
    const full = aggregateCase(posts, { ...input, topAccounts: 6 });
    expect(full.profiles.map(({ authorId, platform, handle, name, dossierId, total, byKind, first, last, activeDays }) => ({
      authorId, platform, handle, ...(name === undefined ? {} : { name }), ...(dossierId === undefined ? {} : { dossierId }), total, byKind, first, last, activeDays,
    }))).toEqual(full.accounts);
  });

  it('aggregateCase(posts) answers figure queries', () => {
    const value = (q: (typeof input.figureQueries)[number]) => model.figures[figureKey(q)]!.value;
    const [count, accounts, peak, peakTime, shareA1, shareTop2, first, reposts27, cascade, status] = input.figureQueries.map(value);
    expect(count).toBe(23);
    expect(accounts).toBe(6);
    expect(peak).toBe(3);
    expect(peakTime).toBe(at('2024-10-26T12:00:00Z'));
    expect(shareA1).toBeCloseTo(5 / 23);
    expect(shareTop2).toBeCloseTo(10 / 23);
    expect(first).toBe(at('2024-10-25T22:00:00Z'));
    expect(reposts27).toBe(2);
    expect(cascade).toBe(4);
    expect(status).toBe(1);
  });

  it('aggregateCase(posts) answers a figure about a hashtag the case does not track, from the posts that carry it', () => {
    const untracked: FigureQuery[] = [{ measure: 'count', hashtag: 'Kanaky' }, { measure: 'accounts', hashtag: 'kanaky' }];
    const answers = aggregateCase(posts, { ...input, figureQueries: untracked }).figures;
    expect(untracked.map((q) => answers[figureKey(q)]!.value)).toEqual([2, 2]);
  });

  it('aggregateCase(posts) names what a figure query asks about that the data does not hold, with the closest name', () => {
    const queries = [
      { measure: 'count', hashtag: T, account: 'usr1' },
      { measure: 'share', hashtag: T, accounts: ['x/user1', 'x/usr1'] },
      { measure: 'cascade-size', post: 'p99' },
      { measure: 'count', hashtag: T, account: '@user1' },
    ] satisfies FigureQuery[];
    const answers = aggregateCase(posts, { ...input, figureQueries: queries }).figures;
    expect(queries.map((q) => answers[figureKey(q)]!.unknown)).toEqual([
      [{ option: 'account', name: 'usr1', suggestion: 'User1' }],
      [{ option: 'accounts', name: 'x/usr1', suggestion: 'x/user1' }],
      [{ option: 'post', name: 'p99' }],
      undefined,
    ]);
  });

  it('aggregateCase(posts) gives each figure the number of things it was computed from, 0 when nothing matched', () => {
    const queries = [
      { measure: 'count', hashtag: T, kind: 'repost', from: '2024-10-27' },
      { measure: 'first-time', hashtag: T, kind: 'quote', from: '2024-10-27', to: '2024-10-27' },
      { measure: 'cascade-size', post: 'p02' },
      { measure: 'status-count', status: 'suspended' },
      { measure: 'status-count', status: 'deleted' },
    ] satisfies FigureQuery[];
    const answers = aggregateCase(posts, { ...input, figureQueries: queries }).figures;
    expect(queries.map((q) => answers[figureKey(q)]!.basis)).toEqual([2, 0, 4, 1, 0]);
  });

  it('aggregateCase(posts) labels days in Pacific/Noumea and UTC differently for the same posts', () => {
    const noumea = aggregateCase(posts, { ...input, timeZone: 'Pacific/Noumea' }).timelines[T]!;
    const utc = aggregateCase(posts, { ...input, timeZone: 'UTC' }).timelines[T]!;
    expect(noumea.day.map((b) => [b.label, b.total])).toEqual([['2024-10-26', 12], ['2024-10-27', 6]]);
    expect(utc.day.map((b) => [b.label, b.total])).toEqual([['2024-10-26', 10], ['2024-10-27', 11]]);
  });

  it('aggregateCase(posts) names each account by the handle and display name of its latest post, whatever the reading order', () => {
    const post = (id: string, authorId: string, time: string, handle: string | null, name?: string): NormalisedPost => ({
      id, platform: 'x', authorId, handle, ...(name === undefined ? {} : { name }), time: at(time), precision: 'second', kind: 'post',
      tags: [T], text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const m = aggregateCase([
      post('n2', 'renamed', '2024-10-26T11:00:00Z', 'new_handle', 'New Name'), post('n1', 'renamed', '2024-10-26T10:00:00Z', 'old_handle', 'Old Name'),
      // A later post that states no handle or name leaves the ones known.
      post('k1', 'kept', '2024-10-26T10:00:00Z', 'kept_handle', 'Kept Name'), post('k2', 'kept', '2024-10-26T11:00:00Z', null),
      post('u1', 'unnamed', '2024-10-26T10:00:00Z', null),
    ], input);
    expect(m.accounts.map((a) => [a.authorId, a.handle, a.name])).toEqual([
      ['kept', 'kept_handle', 'Kept Name'], ['renamed', 'new_handle', 'New Name'], ['unnamed', null, undefined],
    ]);
    expect(m.accounts.find((a) => a.authorId === 'unnamed')).not.toHaveProperty('name');
  });

  it('aggregateCase(posts) matches no account to a dossier that knows neither a handle nor a platform id', () => {
    const dossiers = [...input.dossiers, { id: 'x/unknown', platform: 'x' as const, handle: null, status: 'active' as const }];
    const m = aggregateCase(posts, { ...input, dossiers });
    expect(m.accounts.filter((a) => a.dossierId !== undefined).map((a) => [a.authorId, a.dossierId])).toEqual([['a1', 'x/user1'], ['a6', 'x/six']]);
  });

  it("aggregateCase(posts) places an account's posts in its heatmaps by local weekday, hour and date, inside the period or not", () => {
    const post = (id: string, time: string): NormalisedPost => ({
      id, platform: 'x', authorId: 'clock', handle: 'clock', time: at(time), precision: 'second', kind: 'post',
      tags: [T], text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    // Friday 10:00 in Paris, the day before the period; Saturday 12:30 (summer time); Sunday 16:00 and 16:45 (winter time, from that morning).
    const times = ['2024-10-25T08:00:00Z', '2024-10-26T10:30:00Z', '2024-10-27T15:00:00Z', '2024-10-27T15:45:00Z'];
    const [profile] = aggregateCase(times.map((t, k) => post(`h${k}`, t)), input).profiles;
    const hours = (entries: [number, number][]) => Array.from({ length: 24 }, (_, h) => entries.find(([x]) => x === h)?.[1] ?? 0);
    expect(profile!.hourOfDay).toEqual(hours([[10, 1], [12, 1], [16, 2]]));
    expect(profile!.dayOfWeek).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(profile!.dayHour.map((row, day) => [day, row.join(',')] as const).filter(([day]) => day >= 4)).toEqual([
      [4, hours([[10, 1]]).join(',')], [5, hours([[12, 1]]).join(',')], [6, hours([[16, 2]]).join(',')],
    ]);
    expect(profile!.dayHour.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(profile!.dateHour).toEqual([
      { date: '2024-10-25', hours: hours([[10, 1]]) }, { date: '2024-10-26', hours: hours([[12, 1]]) }, { date: '2024-10-27', hours: hours([[16, 2]]) },
    ]);
    expect([profile!.activeDays, profile!.times]).toEqual([3, times.map(at)]);
  });

  it('aggregateCase(posts) counts the posts of each dataset apart, and one media item shared by many posts', () => {
    const post = (id: string, dataset: string, file: string): NormalisedPost => ({
      id, platform: 'x', authorId: id, handle: null, time: at('2024-10-26T10:00:00Z'), precision: 'second', kind: 'post',
      tags: [T], text: id, mediaHashes: ['f'.repeat(64)], archives: [], dataset, file, line: 1,
    });
    const list = Array.from({ length: 12 }, (_, k) => post(`m${String(k).padStart(2, '0')}`, k < 9 ? 'first' : 'second', k < 9 ? 'a.ndjson' : 'b.ndjson'));
    const m = aggregateCase(list, input);
    expect(m.summary.datasets).toEqual([{ id: 'first', posts: 9 }, { id: 'second', posts: 3 }]);
    expect(m.contentItems.map((c) => [c.match, c.posts, c.firstPosters.length])).toEqual([['media', 12, 12]]);
  });

  it('aggregateCase(posts) names whom an account amplified by the stated author of a post the data does not hold', () => {
    const repost = (id: string, refId: string): NormalisedPost => ({
      id, platform: 'x', authorId: 'fan', handle: null, time: at('2024-10-26T10:00:00Z'), precision: 'second', kind: 'repost',
      refId, refAuthorId: 'origin', tags: [T], text: '', mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const m = aggregateCase([repost('r1', 'absent1'), repost('r2', 'absent2')], input);
    expect(m.profiles.find((p) => p.authorId === 'fan')!.amplified).toEqual([{ authorId: 'origin', count: 2 }]);
  });

  it('aggregateCase(posts) counts a repost of a repost in the original\'s cascade, and makes none of a post that quotes itself', () => {
    const post = (id: string, kind: NormalisedPost['kind'], refId?: string): NormalisedPost => ({
      id, platform: 'x', authorId: `by-${id}`, handle: null, time: at('2024-10-26T10:00:00Z'), precision: 'second', kind,
      ...(refId === undefined ? {} : { refId }), tags: [T], text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const m = aggregateCase([post('o', 'post'), post('r1', 'repost', 'o'), post('r2', 'repost', 'r1'), post('self', 'quote', 'self')], input);
    expect(m.cascades.map((c) => [c.rootId, c.size, c.amplifiers.map((a) => a.postId)])).toEqual([['o', 2, ['r1', 'r2']]]);
  });

  it('aggregateCase(posts) states the case, its zone and its period as the case gives them', () => {
    expect([model.caseId, model.timeZone, model.period]).toEqual(['fixture', 'Europe/Paris', { from: '2024-10-26', to: '2024-10-27' }]);
  });

  it('aggregateCase(posts) keeps the first post of a tag whole, even when an earlier wanted post without the tag is read after it', () => {
    const post = (id: string, tags: string[], time: string): NormalisedPost => ({
      id, platform: 'x', authorId: id, handle: null, time: at(time), precision: 'second', kind: 'post',
      tags, text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const m = aggregateCase([post('tagged', [T], '2024-10-26T10:00:00Z'), post('wanted', [], '2024-10-26T09:00:00Z')], { ...input, wantedPostIds: ['wanted'] });
    expect(m.timelines[T]!.firstPosts.map((p) => p.id)).toEqual(['tagged']);
    expect(Object.keys(m.posts)).toEqual(['tagged', 'wanted']);
  });
});

const tags = ['A', 'B', 'c'];
const start = Date.UTC(2024, 2, 29);
const arbitraryPost = fc.record({
  author: fc.integer({ min: 0, max: 9 }),
  time: fc.integer({ min: start - 86_400_000, max: start + 5 * 86_400_000 }),
  kind: fc.constantFrom('post' as const, 'repost' as const, 'quote' as const, 'reply' as const),
  ref: fc.integer({ min: 0, max: 60 }),
  tags: fc.subarray(tags),
});
const arbitraryPosts = fc.array(arbitraryPost, { maxLength: 60 }).map((list) =>
  list.map((p, i): NormalisedPost => ({
    id: `p${i}`,
    platform: 'x',
    authorId: `u${p.author}`,
    handle: null,
    time: p.time,
    precision: 'second',
    kind: p.kind,
    ...(p.kind === 'post' ? {} : { refId: `p${p.ref}` }),
    tags: p.tags,
    text: `t${i % 7}`,
    mediaHashes: [],
    archives: [],
    dataset: 'd',
    line: i + 1,
  })),
);
const propertyInput: AggregateInput = {
  ...input,
  period: { from: '2024-03-29', to: '2024-04-01' },
  hashtags: tags.map((tag) => ({ tag, aliases: [] })),
  figureQueries: [],
};

describe('aggregateCase(posts) invariants', () => {
  it('aggregateCase(posts) counts each in-period post in exactly one day bin and one hour bin', () => {
    fc.assert(
      fc.property(arbitraryPosts, (list) => {
        const m = aggregateCase(list, propertyInput);
        for (const tag of tags) {
          const inPeriod = list.filter((p) => p.tags.includes(tag) && p.time >= m.periodStart && p.time < m.periodEnd).length;
          const tl = m.timelines[tag]!;
          expect(tl.day.reduce((s, b) => s + b.total, 0)).toBe(inPeriod);
          expect(tl.hour.reduce((s, b) => s + b.total, 0)).toBe(inPeriod);
          expect(tl.total).toBe(inPeriod);
        }
      }),
      { seed: 20240513, numRuns: 100 },
    );
  });

  it('aggregateCase(posts) gives accounts that sum to the total, and profiles whose hours sum to theirs', () => {
    fc.assert(
      fc.property(arbitraryPosts, (list) => {
        const m = aggregateCase(list, propertyInput);
        expect(m.accounts.reduce((s, p) => s + p.total, 0)).toBe(list.length);
        for (const p of m.profiles) expect(p.hourOfDay.reduce((s, v) => s + v, 0)).toBe(p.total);
        expect(m.summary.total).toBe(list.length);
      }),
      { seed: 20240514, numRuns: 100 },
    );
  });

  it('aggregateCase(posts) does not depend on input order', () => {
    fc.assert(
      fc.property(arbitraryPosts, fc.integer(), (list, salt) => {
        const shuffled = [...list].sort((a, b) => hash(a.id, salt) - hash(b.id, salt));
        expect(aggregateCase(shuffled, propertyInput)).toEqual(aggregateCase(list, propertyInput));
      }),
      { seed: 20240515, numRuns: 100 },
    );
  });
});

function hash(s: string, salt: number): number {
  let h = salt | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

describe('aggregateCase(posts) overlaps', () => {
  const post = (id: string, tags: string[], hours: number): NormalisedPost => ({
    id, platform: 'x', authorId: 'a', handle: 'a', time: Date.parse('2024-10-25T22:00:00Z') + hours * 3_600_000, precision: 'second',
    kind: 'post', tags, text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
  });
  const overlapInput: AggregateInput = { ...input, hashtags: [{ tag: 'A', aliases: [] }, { tag: 'B', aliases: [] }], dossiers: [], wantedPostIds: [], figureQueries: [] };

  it('aggregateCase(posts).overlaps counts posts carrying both tracked tags per day and hour bin, inside the period only', () => {
    const model = aggregateCase([
      post('1', ['A', 'B'], 1), post('2', ['B', 'A'], 1.5), post('3', ['A'], 2), post('4', ['A', 'B', 'other'], 30), post('5', ['A', 'B'], -5),
    ], overlapInput);
    expect(model.overlaps).toHaveLength(1);
    const [o] = model.overlaps;
    expect(o!.tags).toEqual(['A', 'B']);
    expect(o!.day).toEqual([2, 1]);
    expect(o!.hour[1]).toBe(2);
    expect(o!.hour.reduce((a, b) => a + b, 0)).toBe(3);
    expect(o!.hour).toHaveLength(model.timelines['A']!.hour.length);
  });
});

describe('aggregateCase(posts).privatePostIds', () => {
  it("lists every post of a private person, and the posts others reply to or repost by their id, for that person's dossier only", () => {
    const reply = { ...posts[0]!, id: 'p98', authorId: 'a1', kind: 'reply' as const, refId: 'p99', refAuthorId: 'a6' };
    const dossiers = input.dossiers.map((d) => (d.id === 'x/six' ? { ...d, private: true as const } : d));
    const withPrivate = aggregateCase([...posts, reply], { ...input, dossiers });
    expect({ ...withPrivate.privatePostIds }).toEqual({ 'x/six': ['p10', 'p11', 'p20', 'p26', 'p29', 'p99'] });
    expect({ ...model.privatePostIds }).toEqual({});
  });

  it('lists only the posts the data holds of the person, in id order whatever the order they are read in', () => {
    const post = (id: string, authorId: string): NormalisedPost => ({
      id, platform: 'x', authorId, handle: null, time: at('2024-10-26T10:00:00Z'), precision: 'second', kind: 'post',
      tags: [], text: id, mediaHashes: [], archives: [], dataset: 'd', line: 1,
    });
    const dossiers = [{ id: 'x/hidden', platform: 'x' as const, handle: null, platformId: 'hidden', status: 'active' as const, private: true as const }];
    // A post asked for by id (an evidence card of another person's post) is no post of theirs.
    const m = aggregateCase([post('z2', 'hidden'), post('a1', 'hidden'), post('m3', 'public')], { ...input, dossiers, wantedPostIds: ['card'] });
    expect({ ...m.privatePostIds }).toEqual({ 'x/hidden': ['a1', 'z2'] });
  });
});
