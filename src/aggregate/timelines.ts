/** Per tracked hashtag: zero-filled local hour and day bins over the case period, peaks, first posts, top accounts. */
import { compare } from './cascades.ts';
import { groupIndex } from './group-index.ts';
import { kindCounts } from './kinds.ts';
import type { Ranker } from './rank.ts';
import type { AccountCount, Bin, Cascade, HashtagTimeline, PostRef } from './model.ts';
import type { PeriodGrid } from './period-grid.ts';
import type { PostTable } from './post-table.ts';
import { peakOf } from './peak.ts';

/** How many of each hashtag's most active accounts the model keeps: the one top-N limit, which charts and pages show at most. */
export const TOP_ACCOUNTS = 10;
/** At most CASCADES_KEPT (cascades.ts), so the kept cascades hold every tag's top list. */
export const TOP_CASCADES = 10;

export interface TimelineResult {
  timeline: HashtagTimeline;
  /** Posts under the tag inside the period, per author index (sparse: only authors listed in `authors`). */
  authors: Int32Array;
  counts: Int32Array;
}

/**
 * `posts` are the indices of posts carrying the tag; `slot` gives each post's quarter-hour slot in
 * the period (-1 outside). `seen` is scratch space of one int per author, stamped to count distinct authors;
 * `authorRanker` orders authors by id for ties.
 */
export function timeline(
  tag: string,
  table: PostTable,
  grid: PeriodGrid,
  posts: Int32Array,
  slot: Int32Array,
  seen: Stamp,
  cascades: readonly Cascade[],
  authorRanker: Ranker,
): TimelineResult {
  const inPeriod = posts.filter((i) => slot[i]! >= 0);
  const hourBin = inPeriod.map((i) => grid.hourOfSlot[slot[i]!]!);
  const dayBin = inPeriod.map((i) => grid.dayOfSlot[slot[i]!]!);
  const hour = bins(table, inPeriod, hourBin, grid.hourStarts, grid.hourLabels, seen);
  const day = bins(table, inPeriod, dayBin, grid.dayStarts, grid.dayLabels, seen);
  const leadIn = { day: leadInBin(table, posts, grid.leadDay, grid.start, seen), hour: leadInBin(table, posts, grid.leadHour, grid.start, seen) };

  const byKind = new Int32Array(4);
  let first = Infinity;
  for (const i of inPeriod) {
    byKind[table.kind[i]!]!++;
    if (table.time[i]! < first) first = table.time[i]!;
  }
  const firstPosts: PostRef[] = [];
  for (const i of inPeriod) if (table.time[i] === first) firstPosts.push(postRef(table, i));
  firstPosts.sort((a, b) => compare(a.id, b.id));

  const counter = new Int32Array(table.authors.length);
  const touched: number[] = [];
  for (const i of inPeriod) {
    const a = table.author[i]!;
    if (counter[a]!++ === 0) touched.push(a);
  }
  const total = inPeriod.length;
  const topAccounts: AccountCount[] = authorRanker.top(touched, counter, TOP_ACCOUNTS).map((a) => ({
    authorId: table.authors[a]!.id,
    count: counter[a]!,
    share: counter[a]! / total,
  }));
  const topSum = topAccounts.reduce((s, a) => s + a.count, 0);

  return {
    timeline: {
      tag,
      total,
      byKind: kindCounts(byKind),
      accounts: touched.length,
      day,
      hour,
      peakDay: peak(day),
      peakHour: peak(hour),
      leadIn,
      firstPosts,
      topAccounts,
      top10Share: total === 0 ? 0 : topSum / total,
      topCascades: topCascades(cascades, tag),
    },
    authors: Int32Array.from(touched),
    counts: counter,
  };
}

/** Root ids of the first TOP_CASCADES cascades (largest first) carrying `tag`. */
function topCascades(cascades: readonly Cascade[], tag: string): string[] {
  const out: string[] = [];
  for (const c of cascades) {
    if (out.length === TOP_CASCADES) break;
    if (c.tags.includes(tag)) out.push(c.rootId);
  }
  return out;
}

/** Scratch marks over authors: `mark(a)` is true the first time `a` is marked since the last `next()`. */
export interface Stamp {
  next(): void;
  mark(a: number): boolean;
}

export function stamp(size: number): Stamp {
  const marks = new Int32Array(size);
  let current = 0;
  return {
    next: () => void current++,
    mark: (a) => (marks[a] === current ? false : ((marks[a] = current), true)),
  };
}

function bins(table: PostTable, posts: Int32Array, bin: Int32Array, starts: number[], labels: string[], seen: Stamp): Bin[] {
  const n = starts.length;
  const kinds = new Int32Array(n * 4);
  const { start, order } = groupIndex(bin, posts.length, n);
  const accounts = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    seen.next();
    for (let k = start[b]!; k < start[b + 1]!; k++) {
      const i = posts[order[k]!]!;
      kinds[b * 4 + table.kind[i]!]!++;
      if (seen.mark(table.author[i]!)) accounts[b]!++;
    }
  }
  const out: Bin[] = [];
  let cumulative = 0;
  for (let b = 0; b < n; b++) {
    const total = kinds[b * 4]! + kinds[b * 4 + 1]! + kinds[b * 4 + 2]! + kinds[b * 4 + 3]!;
    cumulative += total;
    out.push({ start: starts[b]!, label: labels[b]!, total, byKind: kindCounts(kinds, b * 4), accounts: accounts[b]!, cumulative });
  }
  return out;
}

/** The posts of `posts` from `lead.start` up to the period's `start`, as one bin. */
function leadInBin(table: PostTable, posts: Int32Array, lead: { start: number; label: string }, start: number, seen: Stamp): Bin {
  const before = posts.filter((i) => table.time[i]! >= lead.start && table.time[i]! < start);
  return bins(table, before, new Int32Array(before.length), [lead.start], [lead.label], seen)[0]!;
}

export function peak(list: readonly Bin[]): { labels: string[]; starts: number[]; value: number } {
  const { value, indices } = peakOf(list.map((b) => b.total));
  return { labels: indices.map((i) => list[i]!.label), starts: indices.map((i) => list[i]!.start), value };
}

export function postRef(table: PostTable, i: number): PostRef {
  return { id: table.id(i), authorId: table.authors[table.author[i]!]!.id, time: table.time[i]! };
}
