/**
 * A ReportModel projected into the contract's tables: what an engine must return for the model to come
 * out as it is. The inverse of `assemble.ts` on everything the model keeps; two tables are only
 * approximated, since the model does not keep what they hold: `kept_posts` (a post's hashtags as written
 * are not kept, its normalised tags stand in) and `coordination_posts` (the analysis keeps its result, not its input).
 */
import type { AggregateInput } from '../aggregate/input.ts';
import type { Bin, KindCounts, ReportModel } from '../aggregate/model.ts';
import { CONTRACT_VERSION, type ModelTables } from './contract.ts';

const DAY = 86_400_000;

export function modelTables(model: ReportModel, input: AggregateInput): ModelTables {
  const tags = input.hashtags.map((h) => h.tag);
  const timelines = tags.map((tag) => model.timelines[tag]!);
  const binRows = (tag: string, bin: ModelTables['tag_bins'][number]['bin'], list: readonly Bin[]) =>
    list.filter((b) => b.total > 0).map((b) => ({ tag, bin, start_ms: b.start, total: b.total, ...b.byKind, accounts: b.accounts }));
  const byTag = <T extends { tag: string }>(rows: T[]) => rows.sort((x, y) => compare(x.tag, y.tag));
  // Profile tables list author by author, by id.
  const paged = [...model.profiles].sort((x, y) => compare(x.authorId, y.authorId));
  const profileRows = <T>(each: (p: ReportModel['profiles'][number]) => T[]): T[] => paged.flatMap(each);
  return {
    version: CONTRACT_VERSION,
    summary: [
      {
        total: model.summary.total,
        ...kinds(model.summary.byKind),
        first_ms: model.summary.from,
        last_ms: model.summary.to,
        accounts: model.summary.accounts,
        outside_period: model.summary.outsidePeriod,
        missing_refs: model.summary.missingRefs,
      },
    ],
    datasets: model.summary.datasets.map((d) => ({ dataset: d.id, posts: d.posts })),
    tag_bins: byTag(
      timelines.flatMap((t) => [
        ...binRows(t.tag, 'day', t.day),
        ...binRows(t.tag, 'hour', t.hour),
        ...binRows(t.tag, 'lead_day', [t.leadIn.day]),
        ...binRows(t.tag, 'lead_hour', [t.leadIn.hour]),
      ]),
    ).sort((x, y) => compare(x.tag, y.tag) || compare(x.bin, y.bin) || x.start_ms - y.start_ms),
    tag_totals: byTag(timelines.filter((t) => t.total > 0).map((t) => ({ tag: t.tag, total: t.total, ...kinds(t.byKind), accounts: t.accounts, first_ms: t.firstPosts[0]!.time }))),
    tag_first_posts: byTag(timelines.flatMap((t) => t.firstPosts.map((p) => ({ tag: t.tag, id: p.id, author_id: p.authorId, time_ms: p.time })))),
    tag_top_accounts: byTag(timelines.flatMap((t) => t.topAccounts.map((a) => ({ tag: t.tag, author_id: a.authorId, count: a.count })))),
    overlaps: model.overlaps.flatMap((o) => [
      ...o.day.flatMap((posts, i) => (posts > 0 ? [{ tag_a: o.tags[0], tag_b: o.tags[1], bin: 'day' as const, start_ms: model.timelines[o.tags[0]]!.day[i]!.start, posts }] : [])),
      ...o.hour.flatMap((posts, i) => (posts > 0 ? [{ tag_a: o.tags[0], tag_b: o.tags[1], bin: 'hour' as const, start_ms: model.timelines[o.tags[0]]!.hour[i]!.start, posts }] : [])),
    ]),
    accounts: model.accounts.map((a) => ({
      author_id: a.authorId,
      platform: a.platform,
      handle: a.handle,
      name: a.name ?? null,
      total: a.total,
      ...kinds(a.byKind),
      first_ms: a.first,
      last_ms: a.last,
      active_days: a.activeDays,
    })),
    profile_tags: profileRows((p) => p.hashtags.map((h) => ({ author_id: p.authorId, tag: h.tag, count: h.count }))),
    profile_cells: profileRows((p) => p.dayHour.flatMap((row, weekday) => row.flatMap((posts, hour) => (posts > 0 ? [{ author_id: p.authorId, weekday, hour, posts }] : [])))),
    profile_dates: profileRows((p) => p.dateHour.flatMap((d) => d.hours.flatMap((posts, hour) => (posts > 0 ? [{ author_id: p.authorId, local_day: Date.parse(d.date) / DAY, hour, posts }] : [])))),
    profile_times: profileRows((p) => (p.times ?? []).map((time_ms) => ({ author_id: p.authorId, time_ms }))),
    profile_amplified: profileRows((p) => p.amplified.map((a) => ({ author_id: p.authorId, other_id: a.authorId, count: a.count }))),
    profile_amplified_by: profileRows((p) => p.amplifiedBy.map((a) => ({ author_id: p.authorId, other_id: a.authorId, count: a.count }))),
    profile_top_posts: profileRows((p) => p.topPosts.map((t) => ({ author_id: p.authorId, id: t.id, reposts: t.reposts, quotes: t.quotes }))),
    profile_tag_shares: profileRows((p) =>
      tags.filter((tag) => p.shareOfTag[tag] !== undefined).map((tag) => ({ author_id: p.authorId, tag, count: Math.round(p.shareOfTag[tag]! * model.timelines[tag]!.total) })),
    ),
    cascades: model.cascades.map((c) => ({
      root_id: c.rootId,
      root_author_id: c.rootAuthorId,
      root_time_ms: c.rootTime,
      size: c.size,
      reposts: c.reposts,
      quotes: c.quotes,
      first_delay_ms: c.firstDelay,
      half_time_ms: c.halfTime,
    })),
    cascade_tags: model.cascades.flatMap((c) => c.tags.map((tag, i) => ({ root_id: c.rootId, tag, position: i + 1 }))),
    cascade_amplifiers: model.cascades.flatMap((c) => c.amplifiers.map((a) => ({ root_id: c.rootId, author_id: a.authorId, post_id: a.postId, time_ms: a.time, kind: a.kind }))),
    content_items: model.contentItems.map((c) => ({ key: c.key, match: c.match, posts: c.posts, text: c.text ?? null, first_ms: c.firstPosters[0]!.time })),
    content_posters: model.contentItems
      .flatMap((c) => c.firstPosters.map((p) => ({ key: c.key, id: p.id, author_id: p.authorId, time_ms: p.time })))
      .sort((x, y) => compare(x.key, y.key) || compare(x.id, y.id)),
    kept_posts: Object.values(model.posts).map((p) => ({
      id: p.id,
      platform: p.platform,
      author_id: p.authorId,
      handle: p.handle,
      name: p.name ?? null,
      time_ms: p.time,
      precision: p.precision,
      kind: p.kind,
      ref_id: p.refId ?? null,
      ref_author_id: p.refAuthorId ?? null,
      text: p.text,
      lang: p.lang ?? null,
      hashtags: p.tags,
      media_hashes: p.mediaHashes,
      urls: p.urls ?? [],
      url: p.url ?? null,
      availability: p.availability ?? null,
      archives: JSON.stringify(p.archives),
      dataset: p.dataset,
      file: p.file ?? '',
      line: p.line,
    })),
    private_posts: Object.entries(model.privatePostIds).flatMap(([dossier_id, ids]) => ids.map((id) => ({ dossier_id, id }))),
    coordination_posts: [],
  };
}

function kinds(k: KindCounts): { post: number; repost: number; quote: number; reply: number } {
  return { post: k.post, repost: k.repost, quote: k.quote, reply: k.reply };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
