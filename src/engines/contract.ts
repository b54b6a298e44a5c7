/**
 * The aggregation contract, version 1: what an SQL engine (embedded or a warehouse) is given and what it
 * must hand back so Casefile can build a case's ReportModel from it. docs/model.md explains every table.
 *
 * Input: one posts table (`PostRow`, the canonical post flattened) and the case's parameters, bound by
 * name (`CaseParameters`: scalars, plus small parameter tables an engine loads before running the SQL).
 * Output: the tables in `ModelTables`, one per file in `src/engines/sql/`. Casefile validates every row
 * against these schemas before it assembles the model (`assemble.ts`), so a wrong column type or an
 * unknown kind from a warehouse is a located error, never a wrong chart.
 */
import { z } from 'zod';

export const CONTRACT_VERSION = 1;

const ms = z.number().int().safe();
const count = z.number().int().min(0);
const id = z.string().min(1);
const kindName = z.enum(['post', 'repost', 'quote', 'reply']);
/** Posts per kind, as columns (`post`, `repost`, `quote`, `reply`). */
const kinds = { post: count, repost: count, quote: count, reply: count };

/** The posts table: one row per post, the canonical post (docs/posts.md) flattened. */
export const PostRow = z
  .object({
    id,
    platform: z.string(),
    author_id: id,
    handle: z.string().nullable(),
    name: z.string().nullable(),
    /** createdAt as epoch ms, UTC. */
    time_ms: ms,
    precision: z.string(),
    kind: kindName,
    ref_id: z.string().nullable(),
    ref_author_id: z.string().nullable(),
    text: z.string(),
    /** The language of `text` (BCP 47) when the export knew it. */
    lang: z.string().nullable(),
    /** As written in the post; folding and aliases are the SQL's work (`post_tags`). */
    hashtags: z.array(z.string()),
    media_hashes: z.array(z.string()),
    urls: z.array(z.string()),
    url: z.string().nullable(),
    availability: z.string().nullable(),
    /** The post's `archives` as JSON text (`[]` when none). */
    archives: z.string(),
    dataset: z.string(),
    /** Repo-relative path of the file the post was read from. */
    file: z.string(),
    /** 1-based line (NDJSON) or element index (JSON) in that file. */
    line: z.number().int().min(0),
  })
  .strict();
export type PostRow = z.infer<typeof PostRow>;

/**
 * The case's parameters, as tables an engine loads before the SQL runs, each value bound through the
 * engine's own API (never text pasted into the SQL). Times are cut by Casefile's zone clock
 * (src/locale/zone-clock.ts), so every engine bins exactly as the in-process aggregator, DST included.
 */
export interface ParameterTables {
  /** One row: the period as epoch ms of its first local midnight and of the midnight after its last day, and the list lengths. */
  case_settings: {
    period_start: number;
    period_end: number;
    /** Authors listed per tag (TOP_ACCOUNTS). */
    top_accounts: number;
    /** Entries per ranked profile list (PROFILE_LIST). */
    profile_list: number;
    profile_top_posts: number;
    /** Authors with at most this many posts have every post time listed (SPARSE_POSTS). */
    sparse_posts: number;
    /** Cascades kept overall and per tag (CASCADES_KEPT). */
    cascades_kept: number;
  }[];
  /** UTC offset of the case's zone, constant over [from_ms, to_ms); together they cover every post's time. */
  case_zone: { from_ms: number; to_ms: number; offset_ms: number }[];
  /** Every local day and hour bin of the period, and the lead-in day and hour just before it. */
  case_bins: { bin: 'day' | 'hour' | 'lead_day' | 'lead_hour'; start_ms: number; end_ms: number }[];
  /** Tracked tags in the case's order (position from 0). */
  case_tags: { tag: string; position: number }[];
  /** Folded spelling (foldTag) of each tracked tag and alias, and the tracked tag it counts for. */
  case_aliases: { folded: string; tag: string }[];
  /** The posts files in the order the case reads them: ties of the latest handle are settled by it. */
  case_files: { file: string; position: number }[];
  /** Posts asked for by id (evidence cards, cascade charts). */
  case_wanted: { id: string }[];
  /** Authors that get an account page, hence a full profile. */
  case_paged: { author_id: string }[];
  /** Authors matched to a private dossier. */
  case_private: { author_id: string; dossier_id: string }[];
}

/** Dataset totals, one row. */
export const SummaryRow = z.object({ total: count, ...kinds, first_ms: ms.nullable(), last_ms: ms.nullable(), accounts: count, outside_period: count, missing_refs: count }).strict();
export const DatasetRow = z.object({ dataset: z.string(), posts: count }).strict();
/** Posts per tracked tag and bin (rows only for bins with posts; the period's empty bins are zero). */
export const TagBinRow = z.object({ tag: z.string(), bin: z.enum(['day', 'hour', 'lead_day', 'lead_hour']), start_ms: ms, total: count, ...kinds, accounts: count }).strict();
/** Per tracked tag inside the period (rows only for tags with posts). */
export const TagTotalRow = z.object({ tag: z.string(), total: count, ...kinds, accounts: count, first_ms: ms }).strict();
export const TagFirstPostRow = z.object({ tag: z.string(), id, author_id: id, time_ms: ms }).strict();
/** The TOP_ACCOUNTS authors with most posts under each tag in the period, ties by id. */
export const TagTopAccountRow = z.object({ tag: z.string(), author_id: id, count: count.min(1) }).strict();
/** Posts carrying two tracked tags, per bin; tag_a before tag_b in the case's order. */
export const OverlapRow = z.object({ tag_a: z.string(), tag_b: z.string(), bin: z.enum(['day', 'hour']), start_ms: ms, posts: count.min(1) }).strict();
/** Every author, most posts first, ties by id. handle and name from the latest post (docs/model.md). */
export const AccountRow = z.object({ author_id: id, platform: z.string(), handle: z.string().nullable(), name: z.string().nullable(), total: count.min(1), ...kinds, first_ms: ms, last_ms: ms, active_days: count.min(1) }).strict();
/** Profiles of the paged authors, list by list. */
export const ProfileTagRow = z.object({ author_id: id, tag: z.string(), count: count.min(1) }).strict();
export const ProfileCellRow = z.object({ author_id: id, weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23), posts: count.min(1) }).strict();
/** Local day as days since 1970-01-01 in the case's zone. */
export const ProfileDateRow = z.object({ author_id: id, local_day: z.number().int(), hour: z.number().int().min(0).max(23), posts: count.min(1) }).strict();
export const ProfileTimeRow = z.object({ author_id: id, time_ms: ms }).strict();
export const ProfileAmplifiedRow = z.object({ author_id: id, other_id: id, count: count.min(1) }).strict();
export const ProfileTopPostRow = z.object({ author_id: id, id, reposts: count, quotes: count }).strict();
export const ProfileTagShareRow = z.object({ author_id: id, tag: z.string(), count: count.min(1) }).strict();
/** Kept cascades (CASCADES_KEPT overall and per tag, and wanted roots), in cascade order. */
export const CascadeRow = z.object({ root_id: id, root_author_id: id, root_time_ms: ms, size: count.min(1), reposts: count, quotes: count, first_delay_ms: ms, half_time_ms: ms }).strict();
export const CascadeTagRow = z.object({ root_id: id, tag: z.string(), position: count }).strict();
export const CascadeAmplifierRow = z.object({ root_id: id, author_id: id, post_id: id, time_ms: ms, kind: z.enum(['repost', 'quote']) }).strict();
export const ContentItemRow = z.object({ key: z.string(), match: z.enum(['text', 'media']), posts: count.min(2), text: z.string().nullable(), first_ms: ms }).strict();
export const ContentPosterRow = z.object({ key: z.string(), id, author_id: id, time_ms: ms }).strict();
export const PrivatePostRow = z.object({ dossier_id: z.string(), id }).strict();
/** What coordination reads of each in-period post, in read order; Casefile runs the analysis on it. */
export const CoordinationPostRow = z.object({ id, author_id: id, time_ms: ms, kind: kindName, ref_id: z.string().nullable(), ref_author_id: z.string().nullable(), text: z.string(), urls: z.array(z.string()), hashtags: z.array(z.string()), url: z.string().nullable() }).strict();
/** A post id that occurs more than once, with each occurrence. */
export const DuplicateRow = z.object({ id, dataset: z.string(), file: z.string(), line: z.number().int() }).strict();

export const ModelTables = z.object({
  version: z.literal(CONTRACT_VERSION),
  summary: z.array(SummaryRow).length(1),
  datasets: z.array(DatasetRow),
  tag_bins: z.array(TagBinRow),
  tag_totals: z.array(TagTotalRow),
  tag_first_posts: z.array(TagFirstPostRow),
  tag_top_accounts: z.array(TagTopAccountRow),
  overlaps: z.array(OverlapRow),
  accounts: z.array(AccountRow),
  profile_tags: z.array(ProfileTagRow),
  profile_cells: z.array(ProfileCellRow),
  profile_dates: z.array(ProfileDateRow),
  profile_times: z.array(ProfileTimeRow),
  profile_amplified: z.array(ProfileAmplifiedRow),
  profile_amplified_by: z.array(ProfileAmplifiedRow),
  profile_top_posts: z.array(ProfileTopPostRow),
  profile_tag_shares: z.array(ProfileTagShareRow),
  cascades: z.array(CascadeRow),
  cascade_tags: z.array(CascadeTagRow),
  cascade_amplifiers: z.array(CascadeAmplifierRow),
  content_items: z.array(ContentItemRow),
  content_posters: z.array(ContentPosterRow),
  kept_posts: z.array(PostRow),
  private_posts: z.array(PrivatePostRow),
  coordination_posts: z.array(CoordinationPostRow),
});
export type ModelTables = z.infer<typeof ModelTables>;

/** The tables, in the order the SQL files run (each is `src/engines/sql/<name>.sql`). */
export const TABLE_NAMES = Object.keys(ModelTables.shape).filter((k) => k !== 'version') as Exclude<keyof ModelTables, 'version'>[];
