/**
 * Accounts: a summary row for every author (the accounts table), and a full profile (local hour and
 * weekday, hashtags, who it amplified and who amplified it, top posts) only for the authors that
 * can get a page, since only a page shows one.
 */
import { compare, TopRoots, type CascadeCounts } from './cascades.ts';
import type { DossierMatcher } from './dossier-match.ts';
import { groupIndex } from './group-index.ts';
import { idRecord } from './id-record.ts';
import { kindCounts, QUOTE, REPOST } from './kinds.ts';
import type { AccountProfile, AccountSummary } from './model.ts';
import type { PostTable } from './post-table.ts';
import type { LocalTimes } from './local-times.ts';
import { Ranker } from './rank.ts';

/** Length of the ranked lists in a profile (hashtags, amplified, amplified by). */
export const PROFILE_LIST = 20;
export const PROFILE_TOP_POSTS = 5;
/** An account with this many posts or fewer is charted post by post, not as a heatmap. */
export const SPARSE_POSTS = 10;

export interface ProfileInput {
  table: PostTable;
  local: LocalTimes;
  /** Index of each post's referenced post, -1 when absent. */
  target: Int32Array;
  cascades: CascadeCounts;
  /** Per author index: share of each tracked tag's in-period volume. */
  shares: (Record<string, number> | undefined)[];
  dossiers: DossierMatcher;
  /** Author indices in id order, for ties. */
  authorRanker: Ranker;
  /** How many of the most active authors get a profile besides the dossier accounts. */
  topAccounts: number;
}

export function profiles(input: ProfileInput): { accounts: AccountSummary[]; profiles: AccountProfile[] } {
  const { table, local } = input;
  const n = table.size;
  const authorCount = table.authors.length;
  const byAuthor = groupIndex(table.author, n, authorCount);

  // Kinds and first and last times in post order; active days by stamping each local day with the author's number.
  const kinds = new Int32Array(authorCount * 4);
  const firstTime = new Float64Array(authorCount).fill(Infinity);
  const lastTime = new Float64Array(authorCount).fill(-Infinity);
  let minDay = 0;
  let maxDay = 0;
  for (let i = 0; i < n; i++) {
    const a = table.author[i]!;
    const t = table.time[i]!;
    kinds[a * 4 + table.kind[i]!]!++;
    if (t < firstTime[a]!) firstTime[a] = t;
    if (t > lastTime[a]!) lastTime[a] = t;
    if (i === 0 || local.day[i]! < minDay) minDay = local.day[i]!;
    if (i === 0 || local.day[i]! > maxDay) maxDay = local.day[i]!;
  }
  const dayStamp = new Int32Array(n === 0 ? 0 : maxDay - minDay + 1);
  const activeDays = new Int32Array(authorCount);
  for (let a = 0; a < authorCount; a++) {
    for (let k = byAuthor.start[a]!; k < byAuthor.start[a + 1]!; k++) {
      const d = local.day[byAuthor.order[k]!]! - minDay;
      if (dayStamp[d] !== a + 1) {
        dayStamp[d] = a + 1;
        activeDays[a]!++;
      }
    }
  }

  const ranked: number[] = [];
  for (let a = 0; a < authorCount; a++) if (table.authors[a]!.posts > 0) ranked.push(a);
  ranked.sort((x, y) => table.authors[y]!.posts - table.authors[x]!.posts || compare(table.authors[x]!.id, table.authors[y]!.id));

  const accounts: AccountSummary[] = [];
  const paged: number[] = [];
  const summaries: AccountSummary[] = [];
  ranked.forEach((a, rank) => {
    const author = table.authors[a]!;
    const summary: AccountSummary = {
      authorId: author.id,
      platform: author.platform,
      handle: author.handle,
      total: author.posts,
      byKind: kindCounts(kinds, a * 4),
      first: firstTime[a]!,
      last: lastTime[a]!,
      activeDays: activeDays[a]!,
    };
    if (author.name !== undefined) summary.name = author.name;
    const dossierId = input.dossiers.match(author.platform, author.id, author.handle);
    if (dossierId !== undefined) summary.dossierId = dossierId;
    accounts.push(summary);
    if (dossierId !== undefined || rank < input.topAccounts) {
      paged.push(a);
      summaries.push(summary);
    }
  });
  return { accounts, profiles: fullProfiles(input, byAuthor, paged, summaries) };
}

/** Profiles of authors `paged` (in rank order), whose summaries are given. */
function fullProfiles(
  { table, local, target, cascades, shares, authorRanker }: ProfileInput,
  byAuthor: { start: Int32Array; order: Int32Array },
  paged: readonly number[],
  summaries: readonly AccountSummary[],
): AccountProfile[] {
  const n = table.size;
  const pageOf = new Int32Array(table.authors.length).fill(-1);
  paged.forEach((a, p) => (pageOf[a] = p));

  // Who amplified whom: the author of the referenced post, or the ref's stated author when the post is absent.
  const amplifiedAuthor = (i: number): number => {
    const k = table.kind[i];
    if (k !== REPOST && k !== QUOTE) return -1;
    return target[i]! >= 0 ? table.author[target[i]!]! : table.refAuthor[i]!;
  };
  // Amplifications of paged authors only, grouped by the page of the amplified author.
  const amplifiedPage = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = amplifiedAuthor(i);
    if (a >= 0) amplifiedPage[i] = pageOf[a]!;
  }
  const byAmplified = groupIndex(amplifiedPage, n, paged.length);

  const topRoots = paged.map(() => new TopRoots(PROFILE_TOP_POSTS, cascades.order));
  for (const r of cascades.roots) {
    const p = pageOf[table.author[r]!]!;
    if (p >= 0) topRoots[p]!.offer(r);
  }

  const tagRanker = new Ranker(table.tags);
  const tagName = (t: number): string => table.tags[t]!;
  const authorId = (x: number): string => table.authors[x]!.id;
  const tagCounter = new Int32Array(table.tags.length);
  const authorCounter = new Int32Array(table.authors.length);
  const cells = new Int32Array(168);
  return paged.map((a, p): AccountProfile => {
    cells.fill(0);
    const tags: number[] = [];
    const amplified: number[] = [];
    const byDate = new Map<number, number[]>();
    for (let k = byAuthor.start[a]!; k < byAuthor.start[a + 1]!; k++) {
      const i = byAuthor.order[k]!;
      const cell = local.cell[i]!;
      cells[cell]!++;
      let hours = byDate.get(local.day[i]!);
      if (hours === undefined) byDate.set(local.day[i]!, (hours = new Array<number>(24).fill(0)));
      hours[cell % 24]!++;
      for (let j = table.tagStart[i]!; j < table.tagStart[i + 1]!; j++) {
        const tag = table.tagList[j]!;
        if (tagCounter[tag]!++ === 0) tags.push(tag);
      }
      const source = amplifiedAuthor(i);
      if (source >= 0 && authorCounter[source]!++ === 0) amplified.push(source);
    }
    const dayHour: number[][] = [];
    const hourOfDay = new Array<number>(24).fill(0);
    const dayOfWeek = new Array<number>(7).fill(0);
    for (let w = 0; w < 7; w++) {
      const row = new Array<number>(24);
      for (let h = 0; h < 24; h++) {
        const v = cells[w * 24 + h]!;
        row[h] = v;
        hourOfDay[h]! += v;
        dayOfWeek[w]! += v;
      }
      dayHour.push(row);
    }
    const dateHour = [...byDate].sort((x, y) => x[0] - y[0]).map(([day, hours]) => ({ date: new Date(day * 86_400_000).toISOString().slice(0, 10), hours }));
    const count = byAuthor.start[a + 1]! - byAuthor.start[a]!;
    const times = count > SPARSE_POSTS ? undefined
      : Array.from({ length: count }, (_, k) => table.time[byAuthor.order[byAuthor.start[a]! + k]!]!).sort((x, y) => x - y);
    const hashtags = rank(tags, tagCounter, tagRanker, tagName).map(([tag, count]) => ({ tag, count }));
    const amplifiedList = rank(amplified, authorCounter, authorRanker, authorId).map(([id, count]) => ({ authorId: id, count }));
    const amplifiers: number[] = [];
    for (let k = byAmplified.start[p]!; k < byAmplified.start[p + 1]!; k++) {
      const source = table.author[byAmplified.order[k]!]!;
      if (authorCounter[source]!++ === 0) amplifiers.push(source);
    }
    const amplifiedBy = rank(amplifiers, authorCounter, authorRanker, authorId).map(([id, count]) => ({ authorId: id, count }));
    const topPosts = topRoots[p]!.list.map((r) => ({ id: table.id(r), reposts: cascades.reposts[r]!, quotes: cascades.size[r]! - cascades.reposts[r]! }));
    return {
      ...summaries[p]!,
      hashtags,
      hourOfDay,
      dayOfWeek,
      dayHour,
      dateHour,
      ...(times ? { times } : {}),
      amplified: amplifiedList,
      amplifiedBy,
      topPosts,
      shareOfTag: shares[a] ?? idRecord(),
    };
  });
}

/** Top PROFILE_LIST keys by count (ties by name), resetting their counters for the next author. */
function rank(keys: number[], counter: Int32Array, ranker: Ranker, name: (k: number) => string): [string, number][] {
  const ranked = ranker.top(keys, counter, PROFILE_LIST).map((k): [string, number] => [name(k), counter[k]!]);
  for (const k of keys) counter[k] = 0;
  return ranked;
}
