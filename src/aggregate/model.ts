/**
 * The plain, JSON-serialisable model of one case that every page, chart and figure reads.
 * Produced by `aggregateCase` (pure: no files, no clock). Times are epoch milliseconds (UTC);
 * local calendar labels are in the case's time zone.
 */
import type { Platform, PostKind } from '../schema/index.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import type { FigureValue } from './figure-query.ts';
import type { CoordinationResult } from './coordination/types.ts';

export type KindCounts = Record<PostKind, number>;

export interface Bin {
  /** Start of the bin, epoch ms. */
  start: number;
  /** Local label in the case's zone: `2024-05-16` (day) or `2024-05-16T09` (hour). */
  label: string;
  total: number;
  byKind: KindCounts;
  /** Distinct authors posting in the bin. */
  accounts: number;
  /** Running total up to and including this bin. */
  cumulative: number;
}

export interface PostRef {
  id: string;
  authorId: string;
  time: number;
}

export interface AccountCount {
  authorId: string;
  count: number;
  /** count / the relevant total, 0..1. */
  share: number;
}

export interface HashtagTimeline {
  tag: string;
  /** Posts carrying the tag inside the case period. */
  total: number;
  byKind: KindCounts;
  accounts: number;
  day: Bin[];
  hour: Bin[];
  /** Bin(s) with the highest total; several on a tie. */
  peakDay: { labels: string[]; starts: number[]; value: number };
  peakHour: { labels: string[]; starts: number[]; value: number };
  /**
   * The local day and the hour just before the period, counted like its bins (their `cumulative` is their
   * own total): outside what the case counts, but shown on a timeline so an onset reads as one.
   */
  leadIn: { day: Bin; hour: Bin };
  /** Earliest post(s) carrying the tag; several on a tie. */
  firstPosts: PostRef[];
  /** Top 10 authors by posts under the tag. */
  topAccounts: AccountCount[];
  /** Share of the tag's volume from those top 10 accounts, 0..1. */
  top10Share: number;
  /** Root post ids of the largest cascades under the tag, largest first. */
  topCascades: string[];
}

/** Posts carrying both of two tracked hashtags, per bin of the tags' timelines (same order and length). */
export interface TagOverlap {
  tags: [string, string];
  day: number[];
  hour: number[];
}

/** What the case's accounts table and accounts.csv show of every author. */
export interface AccountSummary {
  authorId: string;
  platform: Platform;
  handle: string | null;
  name?: string;
  /** Id of the dossier in content/accounts, when one matches. */
  dossierId?: string;
  total: number;
  byKind: KindCounts;
  first: number;
  last: number;
  /** Distinct local days with at least one post. */
  activeDays: number;
}

/** Everything an account page shows: kept only for the accounts that get one (see `ReportModel.profiles`). */
export interface AccountProfile extends AccountSummary {
  hashtags: { tag: string; count: number }[];
  /** 24 counts, local hour 0..23. */
  hourOfDay: number[];
  /** 7 counts, Monday = 0 .. Sunday = 6, local. */
  dayOfWeek: number[];
  /** 7 x 24 counts, [dayOfWeek][hour]. */
  dayHour: number[][];
  /** 24 counts, local hour 0..23, for each local date with posts (`2024-05-16`), in date order. */
  dateHour: { date: string; hours: number[] }[];
  /** Every post's time, in order, when there are at most `SPARSE_POSTS`: few enough to show one by one. */
  times?: number[];
  /** Accounts this one reposted or quoted most. */
  amplified: { authorId: string; count: number }[];
  /** Accounts that reposted or quoted this one most. */
  amplifiedBy: { authorId: string; count: number }[];
  /** Its posts reposted most within the dataset. */
  topPosts: { id: string; reposts: number; quotes: number }[];
  /** Share of each tracked hashtag's volume, 0..1. */
  shareOfTag: Record<string, number>;
}

export interface Cascade {
  rootId: string;
  rootAuthorId: string;
  rootTime: number;
  /** Reposts plus quotes of the root found in the dataset. */
  size: number;
  reposts: number;
  quotes: number;
  /** ms from the root to the first repost or quote. */
  firstDelay: number;
  /** ms from the root until the cascade reached half its final size. */
  halfTime: number;
  /** Amplifiers in time order. */
  amplifiers: { authorId: string; postId: string; time: number; kind: 'repost' | 'quote' }[];
  tags: string[];
}

/** Posts with identical normalised text or identical media are one content item. */
export interface ContentItem {
  key: string;
  match: 'text' | 'media';
  posts: number;
  /** Earliest poster(s) — "patient zero" — several on a tie. */
  firstPosters: PostRef[];
  /** The normalised text (whitespace collapsed, lower case) of a `text` item. */
  text?: string;
}

export interface DatasetSummary {
  total: number;
  byKind: KindCounts;
  /** Earliest and latest post times, epoch ms; null when empty. */
  from: number | null;
  to: number | null;
  accounts: number;
  outsidePeriod: number;
  /** References to posts that are not in the dataset. */
  missingRefs: number;
  datasets: { id: string; posts: number }[];
}

export interface ReportModel {
  caseId: string;
  timeZone: string;
  period: { from: string; to: string };
  /** Epoch ms of the period's first local midnight and of the midnight after its last day. */
  periodStart: number;
  periodEnd: number;
  summary: DatasetSummary;
  /** Keyed by tracked tag, as the case spells it. */
  timelines: Record<string, HashtagTimeline>;
  /** Each pair of tracked tags that share posts in the period, in the case's order of tags. */
  overlaps: TagOverlap[];
  /** Every author, most active first (ties by authorId). */
  accounts: AccountSummary[];
  /**
   * Full profiles of the authors that can get a page: every one matching a dossier, and the
   * `topAccounts` first of `accounts`. In the order of `accounts`.
   */
  profiles: AccountProfile[];
  /**
   * The cascades a page can show, largest first (ties by root time, then id): the `CASCADES_KEPT`
   * largest overall and under each tracked tag, and every one rooted at a wanted post. A
   * `cascade-size` figure counts any root.
   */
  cascades: Cascade[];
  /** Content items posted by more than one post, largest first. */
  contentItems: ContentItem[];
  /** Who acted together, when the case asks for it (`coordination:` in its frontmatter). */
  coordination?: CoordinationResult;
  /** Posts asked for by id (evidence cards, cascade roots shown on pages). */
  posts: Record<string, NormalisedPost>;
  /**
   * The ids of every post in the data by a person whose dossier is private, keyed by dossier id, sorted.
   * A link such as x.com/i/status/<id> names no handle but leads to its author: the privacy decision
   * recognises it by the id. Never published.
   */
  privatePostIds: Record<string, string[]>;
  /** Answers to the figure queries found in the case's Markdown, keyed by `figureKey`. */
  figures: Record<string, FigureValue>;
}
