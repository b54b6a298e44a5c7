import { beforeEach, describe, expect, it } from 'vitest';
import { CoordinationSchema, type CoordinationParams } from '../../schema/index.ts';
import type { CoordinationPost } from './actions.ts';
import { analyseCoordination } from './analyse.ts';

const T0 = Date.UTC(2024, 4, 15, 0, 0, 0);
const TEXT = 'the referendum was organised without the consent of the people';

function post(id: string, accountId: string, seconds: number, fields: Partial<CoordinationPost> = {}): CoordinationPost {
  return { id, accountId, time: T0 + seconds * 1000, kind: 'post', text: '', urls: [], hashtags: [], ...fields };
}
const repost = (id: string, accountId: string, seconds: number, refId: string): CoordinationPost =>
  post(id, accountId, seconds, { kind: 'repost', refId });
const params = (p: Partial<CoordinationParams> = {}): CoordinationParams => CoordinationSchema.parse(p);
const ties = (posts: CoordinationPost[], p: Partial<CoordinationParams>) =>
  analyseCoordination(posts, params(p)).edges.map((e) => `${e.a}-${e.b} ${e.signal} ${e.weight}`);

describe('the window', () => {
  it('pairs posts Δt = window apart, and not window + 1 s apart', () => {
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'b', 60, 'x'), repost('3', 'a', 1000, 'y'), repost('4', 'c', 1061, 'y')];
    expect(ties(posts, { minPosts: 1, minWeight: 1 })).toEqual(['a-b repost 1']);
    expect(ties(posts, { minPosts: 1, minWeight: 1, window: 61 })).toEqual(['a-b repost 1', 'a-c repost 1']);
  });

  it('weighs a tie by distinct shared items, not by pairs of posts', () => {
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'a', 1, 'x'), repost('3', 'b', 2, 'x'), repost('4', 'b', 3, 'x')];
    const [edge] = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1 })).edges;
    expect(edge).toMatchObject({ a: 'a', b: 'b', weight: 1, postsA: 2, postsB: 2, symmetry: 1, minDt: 1 });
  });
});

describe('one item, several accounts taking turns', () => {
  it('weighs each pair of accounts once for the item, however their posts interleave', () => {
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'b', 1, 'x'), repost('3', 'c', 2, 'x'), repost('4', 'a', 3, 'x'), repost('5', 'b', 4, 'x')];
    expect(ties(posts, { minPosts: 1, minWeight: 1 })).toEqual(['a-b repost 1', 'a-c repost 1', 'b-c repost 1']);
    // One shared item is weight 1: below a minimum of 2, however many times the two posted it.
    expect(ties(posts, { minPosts: 1, minWeight: 2 })).toEqual([]);
    expect(analyseCoordination(posts, params({ minPosts: 1, minWeight: 1 })).counts.pairs).toBe(3);
  });
});

describe('empty keys', () => {
  it('never make an edge: no link, no reply target, a short text, fewer than 3 tags', () => {
    const posts = ['a', 'b', 'c'].flatMap((account, k) =>
      [0, 1, 2].map((round) =>
        post(`${account}${round}`, account, round * 600 + k, { text: 'too short to count', urls: [''], hashtags: ['one', 'two'] }),
      ),
    );
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1 }));
    expect(result.edges).toEqual([]);
    expect(result.counts.pairs).toBe(0);
  });
});

describe("QUT's co-retweet test input (tests/data/coretweet_test_input.csv)", () => {
  // message_id, user_id, repost_id, timestamp (s), as in the toolkit's 15-row file.
  const rows: [string, string, string, number][] = [
    ['0', 'uid0', 'rtid0', 0], ['1', 'uid1', 'rtid0', 59], ['2', 'uid2', 'rtid1', 60], ['3', 'uid3', 'rtid1', 70],
    ['4', 'uid2', 'rtid2', 70], ['5', 'uid3', 'rtid2', 131], ['6', 'uid4', 'rtid3', 30], ['7', 'uid5', 'rtid3', 89],
    ['8', 'uid4', 'rtid4', 40], ['9', 'uid5', 'rtid4', 41], ['10', 'uid10', 'rtid5', 42], ['11', 'uid10', 'rtid5', 52],
    ['12', 'uid11', 'rtid6', 42], ['13', 'uid12', 'rtid6', 300],
  ];
  const posts = rows.map(([id, user, rt, t]) => repost(id, user, t, rt));
  const base = { minPosts: 1, signals: ['repost' as const] };

  it('gives symmetric edges: window 60 s, weight 1 ties six accounts (uid10 reposting itself ties nobody)', () => {
    expect(ties(posts, { ...base, window: 60, minWeight: 1 })).toEqual(['uid0-uid1 repost 1', 'uid2-uid3 repost 1', 'uid4-uid5 repost 2']);
  });
  it('window 1 s ties only uid4 and uid5; weight 2 leaves no edge', () => {
    expect(ties(posts, { ...base, window: 1, minWeight: 1 })).toEqual(['uid4-uid5 repost 1']);
    expect(ties(posts, { ...base, window: 1, minWeight: 2 })).toEqual([]);
  });
  it('window 60 s, weight 2 keeps uid4–uid5 alone', () => {
    expect(ties(posts, { ...base, window: 60, minWeight: 2 })).toEqual(['uid4-uid5 repost 2']);
  });
});

describe('bursts', () => {
  it('a window with more accounts than the cap is one burst and makes no pairs', () => {
    const posts = Array.from({ length: 6 }, (_, k) => post(`m${k}`, `acc${k}`, k * 5, { text: TEXT }));
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, burstCap: 5 }));
    expect(result.edges).toEqual([]);
    expect(result.bursts).toEqual([
      expect.objectContaining({ signal: 'text', firstPostId: 'm0', firstAccountId: 'acc0', accounts: 6, posts: 6, start: T0, end: T0 + 25_000 }),
    ]);
    expect(analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, burstCap: 6 })).bursts).toEqual([]);
  });
});

describe('bursts, one item after another', () => {
  it('lists bursts in time order, each with only its own posts (not a later post of its item, nor the next item\'s, a smaller burst after a larger one too) and whose post was reposted', () => {
    // Eight accounts repost y within 8 s, then five of them repost x within 5 s: two bursts at a cap of 3,
    // listed in time order. Two of them repost z later, in no burst; a ninth account reposts y an hour later,
    // in no burst either. The reposted posts are by 'origin'.
    const posts = [
      ...Array.from({ length: 8 }, (_, k) => repost(`y${k}`, `acc${k}`, k, 'y')),
      repost('y8', 'acc8', 3600, 'y'),
      ...Array.from({ length: 5 }, (_, k) => repost(`x${k}`, `acc${k}`, 600 + k, 'x')),
      repost('z0', 'acc0', 1200, 'z'), repost('z1', 'acc1', 1201, 'z'),
    ].map((p) => ({ ...p, refAuthorId: 'origin' }));
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, burstCap: 3, signals: ['repost'] }));
    expect(result.bursts.map((b) => [b.item, b.itemAuthorId, b.accounts, b.posts, b.postIds.join(' ')])).toEqual([
      ['y', 'origin', 8, 8, 'y0 y1 y2 y3 y4 y5 y6 y7'],
      ['x', 'origin', 5, 5, 'x0 x1 x2 x3 x4'],
    ]);
  });
});

describe('parameters', () => {
  it('a weight percentile resolves to the weight at that rank when it is higher than minWeight', () => {
    // a–b share 4 posts, c–d 1, e–f 1: at the 90th percentile the weight is 4.
    const posts = [
      ...[0, 1, 2, 3].flatMap((k) => [repost(`a${k}`, 'a', k * 600, `x${k}`), repost(`b${k}`, 'b', k * 600 + 1, `x${k}`)]),
      repost('c', 'c', 9000, 'y'), repost('d', 'd', 9001, 'y'), repost('e', 'e', 9500, 'z'), repost('f', 'f', 9501, 'z'),
    ];
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, weightPercentile: 90 }));
    expect(result.params).toMatchObject({ percentileWeight: 4, resolvedMinWeight: 4 });
    expect(result.edges.map((e) => `${e.a}-${e.b}`)).toEqual(['a-b']);
  });

  it('accounts with fewer than minPosts posts are left out', () => {
    const posts = [repost('1', 'a', 0, 'x'), repost('2', 'b', 1, 'x'), repost('3', 'b', 900, 'z')];
    expect(ties(posts, { minPosts: 1, minWeight: 1 })).toEqual(['a-b repost 1']);
    expect(ties(posts, { minPosts: 2, minWeight: 1 })).toEqual([]);
  });

  it('edge symmetry exposes a tie inflated by one hyperactive account', () => {
    const posts = [
      ...[0, 1, 2].map((k) => repost(`a${k}`, 'a', k * 600, `x${k}`)),
      ...[0, 1, 2].flatMap((k) => [0, 1, 2].map((r) => repost(`h${k}-${r}`, 'h', k * 600 + r + 1, `x${k}`))),
    ];
    const [edge] = analyseCoordination(posts, params({ minPosts: 1 })).edges;
    expect(edge).toMatchObject({ weight: 3, postsA: 3, postsB: 9, symmetry: 1 / 3 });
  });
});

describe('cluster items and actions (what a synchrony strip draws)', () => {
  // a, b and c repost x and z; a and b repost y and link two pages; c also reposts y, but 10 minutes late.
  const posts = [
    repost('1', 'a', 0, 'x'), repost('2', 'b', 4, 'x'), repost('3', 'c', 9, 'x'),
    repost('4', 'a', 600, 'y'), repost('5', 'b', 602, 'y'), repost('6', 'c', 1200, 'y'),
    post('7', 'a', 1800, { urls: ['https://news.example/a?utm_source=t'] }), post('8', 'b', 1830, { urls: ['https://news.example/a'] }),
    repost('9', 'a', 2400, 'z'), repost('10', 'b', 2401, 'z'), repost('11', 'c', 2402, 'z'),
    post('12', 'b', 3000, { urls: ['https://news.example/b'] }), post('13', 'a', 3001, { urls: ['https://news.example/b'] }),
  ];
  // Analysed inside each test (milliseconds), so mutation testing attributes the analysis to the tests that check it.
  let cluster: ReturnType<typeof analyseCoordination>['clusters'][number] | undefined;
  beforeEach(() => {
    [cluster] = analyseCoordination(posts, params({ minPosts: 1, minWeight: 2, signals: ['repost', 'link'] })).clusters;
  });

  it('lists the items shared along the ties, most accounts first, with their counts', () => {
    expect(cluster!.items.map((i) => [i.signal, i.key, i.accounts, i.posts, (i.first - T0) / 1000])).toEqual([
      ['repost', 'x', 3, 3, 0],
      ['repost', 'z', 3, 3, 2400],
      ['repost', 'y', 2, 2, 600],
      ['link', 'news.example/a', 2, 2, 1800],
      ['link', 'news.example/b', 2, 2, 3000],
    ]);
    expect(cluster!.items).toHaveLength(cluster!.sharedItems);
  });

  it('lists each post paired through an item, earliest first; a late post on a shared item is not one', () => {
    expect(cluster!.actions.map((a) => [a.postId, a.accountId, (a.time - T0) / 1000, cluster!.items[a.item]!.key])).toEqual([
      ['1', 'a', 0, 'x'], ['2', 'b', 4, 'x'], ['3', 'c', 9, 'x'],
      ['4', 'a', 600, 'y'], ['5', 'b', 602, 'y'],
      ['7', 'a', 1800, 'news.example/a'], ['8', 'b', 1830, 'news.example/a'],
      ['9', 'a', 2400, 'z'], ['10', 'b', 2401, 'z'], ['11', 'c', 2402, 'z'],
      ['12', 'b', 3000, 'news.example/b'], ['13', 'a', 3001, 'news.example/b'],
    ]);
  });
});

describe('the tables of ties and clusters', () => {
  // b and c link two pages 10 s and 6 s apart; later a and b repost two posts 4 s and 2 s apart.
  const posts = [
    post('1', 'b', 0, { urls: ['https://news.example/1'] }), post('2', 'c', 10, { urls: ['https://news.example/1'] }),
    post('3', 'b', 600, { urls: ['https://news.example/2'] }), post('4', 'c', 606, { urls: ['https://news.example/2'] }),
    repost('5', 'a', 1200, 'x'), repost('6', 'b', 1204, 'x'), repost('7', 'a', 1800, 'y'), repost('8', 'b', 1802, 'y'),
  ];
  let result: ReturnType<typeof analyseCoordination>;
  beforeEach(() => {
    result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 2, signals: ['repost', 'link'] }));
  });

  it('lists ties by account, then signal, each with its closest and median gap (the mean of the middle two of an even count)', () => {
    expect(result.edges.map((e) => [e.a, e.b, e.signal, e.weight, e.minDt, e.medianDt])).toEqual([
      ['a', 'b', 'repost', 2, 2, 3],
      ['b', 'c', 'link', 2, 6, 8],
    ]);
  });

  it("gives a cluster's signals in name order, its first and last post and its evidence in time order, and each account's first and last post in it", () => {
    const [cluster] = result.clusters;
    expect(cluster!.signals).toEqual(['link', 'repost']);
    expect([(cluster!.first - T0) / 1000, (cluster!.last - T0) / 1000, cluster!.evidence]).toEqual([0, 1802, ['1', '2', '3', '4', '5', '6', '7', '8']]);
    expect(cluster!.accounts.map((a) => [a.accountId, a.signals, (a.first - T0) / 1000, (a.last - T0) / 1000, a.posts])).toEqual([
      ['a', ['repost'], 1200, 1800, 2],
      ['b', ['link', 'repost'], 0, 1802, 4],
      ['c', ['link'], 10, 606, 2],
    ]);
  });

  it('counts in the sensitivity table, per window and minimum weight, the ties, the accounts they tie and the largest cluster', () => {
    const rows = result.sensitivity.filter((r) => r.window <= 10).map((r) => [r.window, r.minWeight, r.edges, r.accounts, r.largestCluster]);
    expect(rows).toEqual([
      [1, 2, 0, 0, 0], [1, 3, 0, 0, 0], [1, 5, 0, 0, 0],
      [10, 2, 2, 3, 3], [10, 3, 0, 0, 0], [10, 5, 0, 0, 0],
    ]);
  });

  it('counts the posts, the accounts, those with enough posts to be read, their actions per signal and the pairs', () => {
    expect(result.counts).toEqual({ posts: 8, accounts: 3, eligibleAccounts: 3, actions: { link: 4, repost: 4 }, pairs: 2 });
    expect(analyseCoordination(posts, params({ minPosts: 3, signals: ['repost', 'link'] })).counts).toMatchObject({ accounts: 3, eligibleAccounts: 1 });
  });

  it('names the methods its keys were made with, for the data release to print', () => {
    expect(result.normalisation).toEqual({ text: 'casefile-text-1', url: 'casefile-url-1' });
  });
});

describe('links and replies', () => {
  it('ties accounts through any of the links of a post, each link once', () => {
    // a's posts link two pages each (one of them twice); b links only the second page of each, seconds later.
    const posts = [0, 1, 2].flatMap((k) => [
      post(`a${k}`, 'a', k * 600, { urls: [`https://news.example/${k}/one`, `https://news.example/${k}/two`, `https://news.example/${k}/two#top`] }),
      post(`b${k}`, 'b', k * 600 + 5, { urls: [`https://news.example/${k}/two`] }),
    ]);
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 3, signals: ['link'] }));
    expect(result.edges.map((e) => [e.a, e.b, e.signal, e.weight])).toEqual([['a', 'b', 'link', 3]]);
    expect(result.counts.actions).toEqual({ link: 9 });
  });

  it('ties no one through replies that name no post', () => {
    const posts = ['a', 'b'].flatMap((account, k) => [0, 1, 2].map((round) => post(`${account}${round}`, account, round * 600 + k, { kind: 'reply' })));
    expect(ties(posts, { minPosts: 1, minWeight: 1, signals: ['reply'] })).toEqual([]);
  });
});

describe('what a repost carries', () => {
  it("ties no one through a repost's links, hashtags or text, which are the original's", () => {
    const carried = { urls: ['https://news.example/1'], hashtags: ['one', 'two', 'three'], text: TEXT };
    const posts = ['a', 'b'].flatMap((account, k) => [0, 1, 2].map((round) =>
      post(`${account}${round}`, account, round * 600 + k, { kind: 'repost', refId: `x${round}`, ...carried })));
    expect(ties(posts, { minPosts: 1, minWeight: 1, signals: ['link', 'hashtags', 'text'] })).toEqual([]);
    expect(ties(posts, { minPosts: 1, minWeight: 1, signals: ['repost'] })).toEqual(['a-b repost 3']);
  });
});

describe('the null model', () => {
  // a and b repost three posts 5 s apart, ten minutes between posts.
  const posts = [0, 1, 2].flatMap((k) => [repost(`a${k}`, 'a', k * 600, `x${k}`), repost(`b${k}`, 'b', k * 600 + 5, `x${k}`)]);

  it('shifts each account by up to a day, which breaks a tie of seconds', () => {
    const { nullModel } = analyseCoordination(posts, params({ minPosts: 1, minWeight: 3, signals: ['repost'] }));
    expect(nullModel).toEqual({ window: 60, minWeight: 3, edges: 0, accounts: 0, largestCluster: 0, seed: 17, shift: 86_400 });
  });

  it('keeps a tie that its window still covers once the accounts are shifted', () => {
    // With seed 17 the two accounts' shifts differ by less than a day: a window of a day still pairs them.
    const { nullModel } = analyseCoordination(posts, params({ minPosts: 1, minWeight: 3, window: 86_400, signals: ['repost'] }));
    expect(nullModel).toMatchObject({ window: 86_400, edges: 1, accounts: 2, largestCluster: 2 });
  });
});

describe('the addresses of evidence posts', () => {
  it('keeps the address of the posts the tables name, and of no other post', () => {
    const posts = [
      post('1', 'a', 0, { urls: ['https://news.example/1'], url: 'https://x.com/a/status/1' }),
      post('2', 'b', 5, { urls: ['https://news.example/1'], url: 'https://x.com/b/status/2' }),
      post('3', 'c', 900, { text: 'a post no table names', url: 'https://x.com/c/status/3' }),
    ];
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, signals: ['link'] }));
    expect(result.postLinks).toEqual({ 1: 'https://x.com/a/status/1', 2: 'https://x.com/b/status/2' });
  });
});

describe('a burst of replies', () => {
  it('names whose post the replies answered, as it does for reposts', () => {
    const replies = Array.from({ length: 6 }, (_, k) => post(`r${k}`, `acc${k}`, k * 5, { kind: 'reply', refId: 'q', refAuthorId: 'origin' }));
    const [burst] = analyseCoordination(replies, params({ minPosts: 1, minWeight: 1, burstCap: 5, signals: ['reply'] })).bursts;
    expect(burst).toMatchObject({ signal: 'reply', item: 'q', itemAuthorId: 'origin', accounts: 6, posts: 6 });
  });
});

describe('clusters', () => {
  it('groups every account a chain of ties reaches, largest cluster first', () => {
    // a–f share two reposted posts; so do b–e, c–d and c–e: {b, c, d, e} through c, and {a, f}.
    const pairs = [['a', 'f'], ['b', 'e'], ['c', 'd'], ['c', 'e']] as const;
    const posts = pairs.flatMap(([x, y], p) => [0, 1].flatMap((k) => {
      const item = `${x}${y}${k}`;
      return [repost(`${item}-${x}`, x, (p * 2 + k) * 600, item), repost(`${item}-${y}`, y, (p * 2 + k) * 600 + 3, item)];
    }));
    const result = analyseCoordination(posts, params({ minPosts: 1, minWeight: 2, signals: ['repost'] }));
    expect(result.clusters.map((c) => c.accounts.map((a) => a.accountId))).toEqual([['b', 'c', 'd', 'e'], ['a', 'f']]);
  });
});

describe('near-text keys', () => {
  it('tie no one through texts too short to compare or reposts', () => {
    const posts = ['a', 'b', 'c'].flatMap((account, k) => [0, 1, 2].flatMap((round) => [
      post(`${account}${round}`, account, round * 600 + k, { text: 'too short to count' }),
      // A repost carries the text of the post it repeats: it acts only through the repost signal.
      post(`${account}${round}r`, account, round * 600 + 300 + k, { kind: 'repost', refId: `x${round}`, text: TEXT }),
    ]));
    expect(analyseCoordination(posts, params({ minPosts: 1, minWeight: 1, signals: ['near-text'] })).edges).toEqual([]);
  });
});
