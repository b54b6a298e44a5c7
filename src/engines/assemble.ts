/**
 * The ReportModel from the contract's tables: what an engine counted, laid into the model's shape with
 * the period's empty bins filled, running totals, peaks, shares and the dossier matches, by the same
 * helpers the in-process aggregator finishes with. Pure: no engine, no files.
 */
import type { CoordinationPost } from '../aggregate/coordination/actions.ts';
import { analyseCoordination } from '../aggregate/coordination/analyse.ts';
import { dossierMatcher } from '../aggregate/dossier-match.ts';
import type { FigureValue } from '../aggregate/figure-query.ts';
import { idRecord } from '../aggregate/id-record.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import type { AccountProfile, AccountSummary, Bin, Cascade, ContentItem, HashtagTimeline, KindCounts, PostRef, ReportModel, TagOverlap } from '../aggregate/model.ts';
import { periodGrid, type PeriodGrid } from '../aggregate/period-grid.ts';
import { TOP_CASCADES, peak } from '../aggregate/timelines.ts';
import { tagNormaliser, type NormalisedPost } from '../ingest/normalise-post.ts';
import type { Platform, PostKind, Precision } from '../schema/index.ts';
import type { ModelTables, PostRow } from './contract.ts';

type Kinds = { post: number; repost: number; quote: number; reply: number };

export function assembleModel(tables: ModelTables, input: AggregateInput, figures: Record<string, FigureValue> = idRecord()): ReportModel {
  const grid = periodGrid(input.timeZone, input.period.from, input.period.to);
  const summaryRow = tables.summary[0]!;
  const timelines = idRecord<HashtagTimeline>();
  const cascades = cascadeList(tables);
  for (const h of input.hashtags) timelines[h.tag] = timeline(h.tag, tables, grid, cascades);
  const { accounts, profiles } = people(tables, input, timelines);
  const normalise = tagNormaliser(input.hashtags);
  const posts = idRecord<NormalisedPost>(tables.kept_posts.map((p) => [p.id, normalisedPost(p, normalise)]));
  const privatePostIds = idRecord<string[]>();
  for (const row of tables.private_posts) (privatePostIds[row.dossier_id] ??= []).push(row.id);
  return {
    caseId: input.caseId,
    timeZone: input.timeZone,
    period: { from: input.period.from, to: input.period.to },
    periodStart: grid.start,
    periodEnd: grid.end,
    summary: {
      total: summaryRow.total,
      byKind: kinds(summaryRow),
      from: summaryRow.first_ms,
      to: summaryRow.last_ms,
      accounts: summaryRow.accounts,
      outsidePeriod: summaryRow.outside_period,
      missingRefs: summaryRow.missing_refs,
      datasets: tables.datasets.map((d) => ({ id: d.dataset, posts: d.posts })),
    },
    timelines,
    overlaps: overlaps(tables, grid, input),
    accounts,
    profiles,
    cascades,
    contentItems: contentItems(tables),
    ...(input.coordination ? { coordination: analyseCoordination(tables.coordination_posts.map(coordinationPost), input.coordination) } : {}),
    posts,
    privatePostIds,
    figures,
  };
}

function kinds(row: Kinds): KindCounts {
  return { post: row.post, repost: row.repost, quote: row.quote, reply: row.reply };
}

const NO_KINDS: Kinds = { post: 0, repost: 0, quote: 0, reply: 0 };

/** The bins of `starts`, zero where the engine returned no row, with running totals. */
function bins(rows: ModelTables['tag_bins'], starts: readonly number[], labels: readonly string[]): Bin[] {
  const byStart = new Map(rows.map((r) => [r.start_ms, r]));
  let cumulative = 0;
  return starts.map((start, i) => {
    const row = byStart.get(start);
    const total = row?.total ?? 0;
    cumulative += total;
    return { start, label: labels[i]!, total, byKind: kinds(row ?? NO_KINDS), accounts: row?.accounts ?? 0, cumulative };
  });
}

function timeline(tag: string, tables: ModelTables, grid: PeriodGrid, cascades: readonly Cascade[]): HashtagTimeline {
  const rows = tables.tag_bins.filter((r) => r.tag === tag);
  const of = (bin: string) => rows.filter((r) => r.bin === bin);
  const day = bins(of('day'), grid.dayStarts, grid.dayLabels);
  const hour = bins(of('hour'), grid.hourStarts, grid.hourLabels);
  const total = tables.tag_totals.find((r) => r.tag === tag);
  const count = total?.total ?? 0;
  const topAccounts = tables.tag_top_accounts.filter((r) => r.tag === tag).map((r) => ({ authorId: r.author_id, count: r.count, share: r.count / count }));
  const topSum = topAccounts.reduce((s, a) => s + a.count, 0);
  return {
    tag,
    total: count,
    byKind: kinds(total ?? NO_KINDS),
    accounts: total?.accounts ?? 0,
    day,
    hour,
    peakDay: peak(day),
    peakHour: peak(hour),
    leadIn: {
      day: bins(of('lead_day'), [grid.leadDay.start], [grid.leadDay.label])[0]!,
      hour: bins(of('lead_hour'), [grid.leadHour.start], [grid.leadHour.label])[0]!,
    },
    firstPosts: tables.tag_first_posts.filter((r) => r.tag === tag).map(postRef),
    topAccounts,
    top10Share: count === 0 ? 0 : topSum / count,
    topCascades: cascades.filter((c) => c.tags.includes(tag)).slice(0, TOP_CASCADES).map((c) => c.rootId),
  };
}

function postRef(row: { id: string; author_id: string; time_ms: number }): PostRef {
  return { id: row.id, authorId: row.author_id, time: row.time_ms };
}

function overlaps(tables: ModelTables, grid: PeriodGrid, input: AggregateInput): TagOverlap[] {
  const dayIndex = new Map(grid.dayStarts.map((s, i) => [s, i]));
  const hourIndex = new Map(grid.hourStarts.map((s, i) => [s, i]));
  const pairs = new Map<string, TagOverlap>();
  for (const r of tables.overlaps) {
    const key = `${r.tag_a}\u0000${r.tag_b}`;
    let pair = pairs.get(key);
    if (pair === undefined) {
      pair = { tags: [r.tag_a, r.tag_b], day: grid.dayStarts.map(() => 0), hour: grid.hourStarts.map(() => 0) };
      pairs.set(key, pair);
    }
    if (r.bin === 'day') pair.day[dayIndex.get(r.start_ms)!] = r.posts;
    else pair.hour[hourIndex.get(r.start_ms)!] = r.posts;
  }
  const position = new Map(input.hashtags.map((h, i) => [h.tag, i]));
  return [...pairs.values()].sort((x, y) => position.get(x.tags[0])! - position.get(y.tags[0])! || position.get(x.tags[1])! - position.get(y.tags[1])!);
}

function groupBy<T extends { author_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.author_id);
    if (list === undefined) out.set(r.author_id, [r]);
    else list.push(r);
  }
  return out;
}

function people(tables: ModelTables, input: AggregateInput, timelines: Record<string, HashtagTimeline>): { accounts: AccountSummary[]; profiles: AccountProfile[] } {
  const matcher = dossierMatcher(input.dossiers);
  const tags = groupBy(tables.profile_tags);
  const cells = groupBy(tables.profile_cells);
  const dates = groupBy(tables.profile_dates);
  const times = groupBy(tables.profile_times);
  const amplified = groupBy(tables.profile_amplified);
  const amplifiedBy = groupBy(tables.profile_amplified_by);
  const topPosts = groupBy(tables.profile_top_posts);
  const shares = groupBy(tables.profile_tag_shares);
  const accounts: AccountSummary[] = [];
  const profiles: AccountProfile[] = [];
  tables.accounts.forEach((a, rank) => {
    const summary: AccountSummary = {
      authorId: a.author_id,
      platform: a.platform as Platform,
      handle: a.handle,
      total: a.total,
      byKind: kinds(a),
      first: a.first_ms,
      last: a.last_ms,
      activeDays: a.active_days,
    };
    if (a.name !== null) summary.name = a.name;
    const dossierId = matcher.match(a.platform, a.author_id, a.handle);
    if (dossierId !== undefined) summary.dossierId = dossierId;
    accounts.push(summary);
    if (dossierId === undefined && rank >= input.topAccounts) return;
    const dayHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const c of cells.get(a.author_id) ?? []) dayHour[c.weekday]![c.hour] = c.posts;
    const hourOfDay = new Array<number>(24).fill(0);
    const dayOfWeek = dayHour.map((row) => row.reduce((s, v) => s + v, 0));
    for (const row of dayHour) row.forEach((v, h) => (hourOfDay[h]! += v));
    const dateHour: AccountProfile['dateHour'] = [];
    for (const d of dates.get(a.author_id) ?? []) {
      const date = new Date(d.local_day * 86_400_000).toISOString().slice(0, 10);
      if (dateHour[dateHour.length - 1]?.date !== date) dateHour.push({ date, hours: new Array<number>(24).fill(0) });
      dateHour[dateHour.length - 1]!.hours[d.hour] = d.posts;
    }
    const listed = times.get(a.author_id);
    const shareOfTag = idRecord<number>();
    for (const s of shares.get(a.author_id) ?? []) shareOfTag[s.tag] = s.count / timelines[s.tag]!.total;
    profiles.push({
      ...summary,
      hashtags: (tags.get(a.author_id) ?? []).map((t) => ({ tag: t.tag, count: t.count })),
      hourOfDay,
      dayOfWeek,
      dayHour,
      dateHour,
      ...(listed ? { times: listed.map((t) => t.time_ms) } : {}),
      amplified: (amplified.get(a.author_id) ?? []).map((r) => ({ authorId: r.other_id, count: r.count })),
      amplifiedBy: (amplifiedBy.get(a.author_id) ?? []).map((r) => ({ authorId: r.other_id, count: r.count })),
      topPosts: (topPosts.get(a.author_id) ?? []).map((r) => ({ id: r.id, reposts: r.reposts, quotes: r.quotes })),
      shareOfTag,
    });
  });
  return { accounts, profiles };
}

function cascadeList(tables: ModelTables): Cascade[] {
  const tags = new Map<string, string[]>();
  for (const r of tables.cascade_tags) tags.set(r.root_id, [...(tags.get(r.root_id) ?? []), r.tag]);
  const amplifiers = new Map<string, Cascade['amplifiers']>();
  for (const r of tables.cascade_amplifiers) {
    const list = amplifiers.get(r.root_id) ?? [];
    list.push({ authorId: r.author_id, postId: r.post_id, time: r.time_ms, kind: r.kind });
    amplifiers.set(r.root_id, list);
  }
  return tables.cascades.map((c) => ({
    rootId: c.root_id,
    rootAuthorId: c.root_author_id,
    rootTime: c.root_time_ms,
    size: c.size,
    reposts: c.reposts,
    quotes: c.quotes,
    firstDelay: c.first_delay_ms,
    halfTime: c.half_time_ms,
    amplifiers: amplifiers.get(c.root_id) ?? [],
    tags: tags.get(c.root_id) ?? [],
  }));
}

function contentItems(tables: ModelTables): ContentItem[] {
  const posters = new Map<string, PostRef[]>();
  for (const r of tables.content_posters) posters.set(r.key, [...(posters.get(r.key) ?? []), postRef(r)]);
  return tables.content_items.map((c) => {
    const item: ContentItem = { key: c.key, match: c.match, posts: c.posts, firstPosters: posters.get(c.key) ?? [] };
    if (c.text !== null) item.text = c.text;
    return item;
  });
}

/** A kept post as the in-process normaliser makes it (normalise-post.ts), its tags folded by the same code. */
export function normalisedPost(p: PostRow, normaliseTag: (tag: string) => string): NormalisedPost {
  const tags: string[] = [];
  for (const written of p.hashtags) {
    const tag = normaliseTag(written);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  const post: NormalisedPost = {
    id: p.id,
    platform: p.platform as Platform,
    authorId: p.author_id,
    handle: p.handle,
    time: p.time_ms,
    precision: p.precision as Precision,
    kind: p.kind as PostKind,
    tags,
    text: p.text,
    mediaHashes: p.media_hashes,
    urls: p.urls,
    archives: JSON.parse(p.archives) as NormalisedPost['archives'],
    dataset: p.dataset,
    file: p.file,
    line: p.line,
  };
  if (p.name !== null) post.name = p.name;
  if (p.lang !== null) post.lang = p.lang;
  if (p.ref_id !== null) {
    post.refId = p.ref_id;
    if (p.ref_author_id !== null) post.refAuthorId = p.ref_author_id;
  }
  if (p.url !== null) post.url = p.url;
  if (p.availability !== null) post.availability = p.availability as NonNullable<NormalisedPost['availability']>;
  return post;
}

function coordinationPost(r: ModelTables['coordination_posts'][number]): CoordinationPost {
  const post: CoordinationPost = { id: r.id, accountId: r.author_id, time: r.time_ms, kind: r.kind, text: r.text, urls: r.urls, hashtags: r.hashtags };
  if (r.ref_id !== null) post.refId = r.ref_id;
  if (r.ref_author_id !== null) post.refAuthorId = r.ref_author_id;
  if (r.url !== null) post.url = r.url;
  return post;
}
