/** What coordination analysis gives the model: plain, JSON-serialisable data (times in epoch ms). */
import type { CoordinationParams, CoordinationSignal } from '../../schema/index.ts';

export interface ResolvedParams extends CoordinationParams {
  /** The minimum weight in force: `minWeight`, or the weight at `weightPercentile` when higher. */
  resolvedMinWeight: number;
  /** The weight at `weightPercentile` among all pairs (nearest rank), when one was asked for. */
  percentileWeight?: number;
}

export interface CoordinationEdge {
  a: string;
  b: string;
  signal: CoordinationSignal;
  /** Distinct keys both shared within the window. */
  weight: number;
  /** Seconds: the closest pair of posts, and the median over keys of each key's closest pair. */
  minDt: number;
  medianDt: number;
  /** Epoch ms of the earliest and latest post in the tie. */
  first: number;
  last: number;
  /** Distinct posts each account put into the tie. */
  postsA: number;
  postsB: number;
  /** min(postsA, postsB) / max(postsA, postsB): low when one hyperactive account inflates the tie. */
  symmetry: number;
  evidence: string[];
}

export interface ClusterAccount {
  accountId: string;
  signals: CoordinationSignal[];
  /** Accounts of the cluster it is tied to, and the sum of those ties' weights over signals. */
  degree: number;
  strength: number;
  first: number;
  last: number;
  /** Distinct posts of the account in the cluster's ties. */
  posts: number;
}

/** One item the accounts of a cluster shared within the window: a post reposted or replied to, a text, a link, a hashtag set. */
export interface ClusterItem {
  signal: CoordinationSignal;
  /** The key as normalised (as in `CoordinationBurst.item`). */
  key: string;
  /** For `repost` and `reply`, the author of the item (a post), when the posts state it. */
  itemAuthorId?: string;
  /** Accounts of the cluster and their posts on the item, inside the cluster's ties. */
  accounts: number;
  posts: number;
  /** Epoch ms of the first of those posts. */
  first: number;
}

/** One post of a cluster on one shared item: what a synchrony strip draws. */
export interface ClusterAction {
  accountId: string;
  postId: string;
  time: number;
  /** Index into the cluster's `items`. */
  item: number;
}

export interface CoordinationCluster {
  /** 1 for the largest cluster. */
  id: number;
  accounts: ClusterAccount[];
  signals: CoordinationSignal[];
  /** Distinct (signal, key) items shared along the cluster's ties. */
  sharedItems: number;
  first: number;
  last: number;
  /** Mean edge symmetry of the cluster's ties. */
  symmetry: number;
  edges: number;
  evidence: string[];
  /** The items shared along the cluster's ties, most accounts first (then most posts, earliest). */
  items: ClusterItem[];
  /** Every post of the cluster's ties on each item it was paired through, earliest first. */
  actions: ClusterAction[];
}

export interface CoordinationBurst {
  signal: CoordinationSignal;
  /** The key as normalised: the post reposted or replied to, the text, the URL, the hashtag set. */
  item: string;
  /** For `repost` and `reply`, the author of the item (a post), when the posts state it. */
  itemAuthorId?: string;
  firstPostId: string;
  firstAccountId: string;
  accounts: number;
  posts: number;
  start: number;
  end: number;
  postIds: string[];
}

export interface SensitivityRow {
  window: number;
  minWeight: number;
  edges: number;
  accounts: number;
  largestCluster: number;
}

export interface CoordinationResult {
  params: ResolvedParams;
  normalisation: { text: string; url: string; nearText?: string };
  counts: { posts: number; accounts: number; eligibleAccounts: number; actions: Partial<Record<CoordinationSignal, number>>; pairs: number };
  edges: CoordinationEdge[];
  clusters: CoordinationCluster[];
  bursts: CoordinationBurst[];
  sensitivity: SensitivityRow[];
  /**
   * The address (http(s)) of each post the report's tables name, when the data states one: clusters'
   * evidence posts, bursts' first posts and the posts bursts repost or reply to. Real addresses, private
   * people's included: the site's privacy decision chooses which are published.
   */
  postLinks: Record<string, string>;
  /** The defaults on data whose accounts were each shifted in time at random: ties that survive are chance. */
  nullModel: SensitivityRow & { seed: number; shift: number };
}
