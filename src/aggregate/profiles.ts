/** One profile per author: activity by kind, local hour and weekday, hashtags, who it amplified and who amplified it. */
import { compare } from './cascades.ts';
import type { DossierMatcher } from './dossier-match.ts';
import { groupIndex } from './group-index.ts';
import { kindCounts, QUOTE, REPOST } from './kinds.ts';
import type { AccountProfile, Cascade } from './model.ts';
import type { PostTable } from './post-table.ts';
import type { LocalTimes } from './local-times.ts';
import { Ranker } from './rank.ts';

/** Length of the ranked lists in a profile (hashtags, amplified, amplified by). */
export const PROFILE_LIST = 20;
export const PROFILE_TOP_POSTS = 5;

export interface ProfileInput {
  table: PostTable;
  local: LocalTimes;
  /** Index of each post's referenced post, -1 when absent. */
  target: Int32Array;
  cascades: readonly Cascade[];
  /** Per author index: share of each tracked tag's in-period volume. */
  shares: (Record<string, number> | undefined)[];
  dossiers: DossierMatcher;
  /** Author indices in id order, for ties. */
  authorRanker: Ranker;
}

export function profiles({ table, local, target, cascades, shares, dossiers, authorRanker }: ProfileInput): AccountProfile[] {
  const n = table.size;
  const authorCount = table.authors.length;
  const byAuthor = groupIndex(table.author, n, authorCount);

  // Who amplified whom: the author of the referenced post, or the ref's stated author when the post is absent.
  const amplifiedAuthor = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const k = table.kind[i];
    if (k !== REPOST && k !== QUOTE) continue;
    amplifiedAuthor[i] = target[i]! >= 0 ? table.author[target[i]!]! : table.refAuthor[i]!;
  }
  const byAmplified = groupIndex(amplifiedAuthor, n, authorCount);

  const topPosts = new Map<string, AccountProfile['topPosts']>();
  for (const c of cascades) {
    const list = topPosts.get(c.rootAuthorId) ?? [];
    if (list.length < PROFILE_TOP_POSTS) list.push({ id: c.rootId, reposts: c.reposts, quotes: c.quotes });
    topPosts.set(c.rootAuthorId, list);
  }

  const tagRanker = new Ranker(table.tags);
  const tagName = (t: number): string => table.tags[t]!;
  const authorId = (x: number): string => table.authors[x]!.id;
  const tagCounter = new Int32Array(table.tags.length);
  const authorCounter = new Int32Array(authorCount);
  const cells = new Int32Array(168);
  const byKind = new Int32Array(4);
  // What can be gathered in post order is, so the walk by author below reads fewer scattered
  // columns: first and last times per author, and cell and kind packed into one number a post.
  const firstTime = new Float64Array(authorCount).fill(Infinity);
  const lastTime = new Float64Array(authorCount).fill(-Infinity);
  const cellKind = new Uint16Array(n);
  // Distinct active days by stamping each local day with the author's number.
  let minDay = 0;
  let maxDay = 0;
  for (let i = 0; i < n; i++) {
    const a = table.author[i]!;
    const t = table.time[i]!;
    if (t < firstTime[a]!) firstTime[a] = t;
    if (t > lastTime[a]!) lastTime[a] = t;
    cellKind[i] = local.cell[i]! * 4 + table.kind[i]!;
    if (i === 0 || local.day[i]! < minDay) minDay = local.day[i]!;
    if (i === 0 || local.day[i]! > maxDay) maxDay = local.day[i]!;
  }
  const dayStamp = new Int32Array(n === 0 ? 0 : maxDay - minDay + 1);
  const out: AccountProfile[] = [];
  for (let a = 0; a < authorCount; a++) {
    const author = table.authors[a]!;
    if (author.posts === 0) continue;
    byKind.fill(0);
    cells.fill(0);
    let activeDays = 0;
    const tags: number[] = [];
    const amplified: number[] = [];
    for (let k = byAuthor.start[a]!; k < byAuthor.start[a + 1]!; k++) {
      const i = byAuthor.order[k]!;
      const packed = cellKind[i]!;
      byKind[packed & 3]!++;
      cells[packed >> 2]!++;
      const d = local.day[i]! - minDay;
      if (dayStamp[d] !== a + 1) {
        dayStamp[d] = a + 1;
        activeDays++;
      }
      for (let j = table.tagStart[i]!; j < table.tagStart[i + 1]!; j++) {
        const tag = table.tagList[j]!;
        if (tagCounter[tag]!++ === 0) tags.push(tag);
      }
      const target = amplifiedAuthor[i]!;
      if (target >= 0 && authorCounter[target]!++ === 0) amplified.push(target);
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
    const hashtags = rank(tags, tagCounter, tagRanker, tagName).map(([tag, count]) => ({ tag, count }));
    const amplifiedList = rank(amplified, authorCounter, authorRanker, authorId).map(([id, count]) => ({ authorId: id, count }));
    const amplifiers: number[] = [];
    for (let k = byAmplified.start[a]!; k < byAmplified.start[a + 1]!; k++) {
      const source = table.author[byAmplified.order[k]!]!;
      if (authorCounter[source]!++ === 0) amplifiers.push(source);
    }
    const amplifiedBy = rank(amplifiers, authorCounter, authorRanker, authorId).map(([id, count]) => ({ authorId: id, count }));

    const profile: AccountProfile = {
      authorId: author.id,
      platform: author.platform,
      handle: author.handle,
      total: author.posts,
      byKind: kindCounts(byKind),
      first: firstTime[a]!,
      last: lastTime[a]!,
      activeDays,
      hashtags,
      hourOfDay,
      dayOfWeek,
      dayHour,
      amplified: amplifiedList,
      amplifiedBy,
      topPosts: topPosts.get(author.id) ?? [],
      shareOfTag: shares[a] ?? {},
    };
    if (author.name !== undefined) profile.name = author.name;
    const dossierId = dossiers.match(author.platform, author.id, author.handle);
    if (dossierId !== undefined) profile.dossierId = dossierId;
    out.push(profile);
  }
  return out.sort((x, y) => y.total - x.total || compare(x.authorId, y.authorId));
}

/** Top PROFILE_LIST keys by count (ties by name), resetting their counters for the next author. */
function rank(keys: number[], counter: Int32Array, ranker: Ranker, name: (k: number) => string): [string, number][] {
  const ranked = ranker.top(keys, counter, PROFILE_LIST).map((k): [string, number] => [name(k), counter[k]!]);
  for (const k of keys) counter[k] = 0;
  return ranked;
}
