/**
 * A figure stated in the prose (`:count{…}`, `:share{…}`, …) as a query over one case's posts.
 * Queries are collected from the case's Markdown before aggregation and answered in the same
 * single pass over the posts, so any filter combination works without keeping every post.
 */
import type { PostKind, AccountStatus } from '../schema/index.ts';

export type FigureMeasure =
  /** Number of posts matching the filters. */
  | 'count'
  /** Distinct authors among posts matching the filters. */
  | 'accounts'
  /** Highest bin total (per `bin`) among matching posts; value is the count. */
  | 'peak'
  /** Start of the peak bin (first on a tie); value is epoch ms. */
  | 'peak-time'
  /** Share (0..1) of matching posts written by `accounts` / `account`, or by the `top` N authors. */
  | 'share'
  /** Time of the earliest matching post; value is epoch ms. */
  | 'first-time'
  /** Size (reposts + quotes in the dataset) of the cascade rooted at `post`. */
  | 'cascade-size'
  /** Number of dossier accounts whose latest status is `status` (optionally only those posting under `hashtag`). */
  | 'status-count';

export interface FigureQuery {
  measure: FigureMeasure;
  /** Tracked tag as the case spells it (aliases are accepted and folded). */
  hashtag?: string;
  kind?: PostKind;
  /** A dossier id (`x/esmirakhahil`) or an author handle. */
  account?: string;
  accounts?: string[];
  /** Inclusive local dates (YYYY-MM-DD) in the case's time zone; default: the case period. */
  from?: string;
  to?: string;
  bin?: 'day' | 'hour';
  top?: number;
  post?: string;
  status?: AccountStatus;
}

export interface FigureValue {
  /** `figureKey(query)`. */
  key: string;
  /** Count, share in 0..1, or epoch ms for time measures (NaN when nothing matched). */
  value: number;
  unit: 'count' | 'share' | 'time';
  /**
   * What the answer was computed from: matching posts, or for `status-count` the dossiers counted and
   * for `cascade-size` the reposts and quotes. 0 means the question found nothing in the data.
   */
  basis: number;
  /** Names in the query (`account`, `accounts`, `post`) that match nothing in the case's data. */
  unknown?: UnknownName[];
}

export interface UnknownName {
  option: 'account' | 'accounts' | 'post';
  name: string;
  /** The closest dossier id or author handle (or post id), for a "did you mean". */
  suggestion?: string;
}

/** Canonical key for a query: same query, same key, whatever the attribute order in the Markdown. */
export function figureKey(query: FigureQuery): string {
  const entries = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort().join(',') : String(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([k, v]) => `${k}=${v}`).join(';');
}
