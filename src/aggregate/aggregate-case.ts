/**
 * The ReportModel of one case in a single pass over its posts: `add` each post as it is read (the
 * reader streams, so the posts never need to be held), then `finish`. Pure: no files, no clock.
 */
import { cascadeCounts, cascades as buildCascades } from './cascades.ts';
import type { CoordinationPost } from './coordination/actions.ts';
import { analyseCoordination } from './coordination/analyse.ts';
import { contentItems } from './content-items.ts';
import { dossierMatcher, type DossierMatcher } from './dossier-match.ts';
import { figures } from './figures.ts';
import { idRecord } from './id-record.ts';
import type { AggregateInput, DossierRef } from './input.ts';
import type { ReportModel } from './model.ts';
import type { NormalisedPost } from '../ingest/normalise-post.ts';
import { localTimes } from './local-times.ts';
import { periodGrid, slotOf } from './period-grid.ts';
import { PostTable } from './post-table.ts';
import { profiles } from './profiles.ts';
import { Ranker } from './rank.ts';
import { resolveRefs } from './resolve-refs.ts';
import { summary } from './summary.ts';
import { tagOverlaps } from './overlaps.ts';
import { stamp, timeline } from './timelines.ts';
import { postNormaliser, tagNormaliser, type RawPostSink } from '../ingest/normalise-post.ts';

/** A post whose id was already seen; it is left out of every aggregate. */
export interface DuplicatePost {
  post: NormalisedPost;
  first: { dataset: string; file?: string; line: number };
}

export interface Aggregator {
  add(post: NormalisedPost): void;
  /** `add` for the validated posts of one file as read: no NormalisedPost is built unless the model keeps it. */
  rawSink(dataset: string, file: string): RawPostSink;
  /** About `posts` more posts are coming (a reader's estimate): the table is sized for them once. */
  expect(posts: number): void;
  finish(): ReportModel;
  readonly duplicates: DuplicatePost[];
}

export function aggregateCase(posts: Iterable<NormalisedPost>, input: AggregateInput): ReportModel {
  const aggregator = createAggregator(input);
  for (const post of posts) aggregator.add(post);
  return aggregator.finish();
}

export function createAggregator(input: AggregateInput): Aggregator {
  const tracked = input.hashtags.map((h) => h.tag);
  const table = new PostTable(tracked);
  const grid = periodGrid(input.timeZone, input.period.from, input.period.to);
  // Wanted ids take the first keys, so a post is wanted exactly when its id's key is below their count.
  for (const id of input.wantedPostIds) table.idKeyOf(id);
  const wantedKeys = table.keys.size;
  const kept = idRecord<NormalisedPost>();
  const duplicates: DuplicatePost[] = [];
  // Earliest in-period posts per tracked tag, kept whole so the model can show them.
  const firstTime = tracked.map(() => Infinity);
  const firstPosts: NormalisedPost[][] = tracked.map(() => []);
  const normalise = postNormaliser(input.hashtags);
  const normaliseTag = tagNormaliser(input.hashtags);
  const writtenTags = new Map<string, number>();
  const tagOf = (written: string): number => {
    let t = writtenTags.get(written);
    if (t === undefined) {
      const tag = normaliseTag(written);
      t = tag === '' ? -1 : table.internTag(tag);
      writtenTags.set(written, t);
    }
    return t;
  };

  const duplicate = (post: NormalisedPost, index: number): void => {
    duplicates.push({ post, first: { ...table.files[table.file[index]!]!, line: table.line[index]! } });
  };

  /** Whether post i is wanted or among the earliest of a tracked tag so far: only then is it kept whole. */
  const keeps = (i: number): boolean => {
    if (table.idKey[i]! < wantedKeys) return true;
    const time = table.time[i]!;
    if (!(time >= grid.start && time < grid.end)) return false;
    for (let k = table.tagStart[i]!; k < table.tagStart[i + 1]!; k++) {
      const t = table.tagList[k]!;
      if (t < tracked.length && time <= firstTime[t]!) return true;
    }
    return false;
  };

  const keep = (i: number, post: NormalisedPost): void => {
    if (table.idKey[i]! < wantedKeys) kept[post.id] = post;
    if (!(post.time >= grid.start && post.time < grid.end)) return;
    for (let k = table.tagStart[i]!; k < table.tagStart[i + 1]!; k++) {
      const t = table.tagList[k]!;
      if (t >= tracked.length || post.time > firstTime[t]!) continue;
      if (post.time < firstTime[t]!) {
        firstTime[t] = post.time;
        firstPosts[t] = [];
      }
      firstPosts[t]!.push(post);
    }
  };

  // Only a case that asks for coordination keeps what it reads of each in-period post.
  const coordinated: CoordinationPost[] | undefined = input.coordination ? [] : undefined;
  const coordinate = (i: number, p: { id: string; authorId: string; time: number; kind: CoordinationPost['kind']; refId?: string | undefined; refAuthorId?: string | undefined; text: string; url?: string | undefined }, urls: readonly string[] | undefined, hashtags: readonly string[]): void => {
    if (coordinated === undefined || !(p.time >= grid.start && p.time < grid.end) || i < 0) return;
    const post: CoordinationPost = { id: p.id, accountId: p.authorId, time: p.time, kind: p.kind, text: p.text, urls: urls ?? [], hashtags };
    if (p.refId !== undefined) post.refId = p.refId;
    if (p.refAuthorId !== undefined) post.refAuthorId = p.refAuthorId;
    if (p.url !== undefined) post.url = p.url;
    coordinated.push(post);
  };

  const add = (post: NormalisedPost): void => {
    const i = table.add(post);
    coordinate(i, post, post.urls, post.tags);
    if (i < 0) duplicate(post, -1 - i);
    else if (keeps(i)) keep(i, post);
  };

  const rawSink = (dataset: string, file: string): RawPostSink => {
    const source = table.source(dataset, file);
    return (fields, line, whole) => {
      const i = table.addFields(fields, source, line, tagOf);
      coordinate(i, fields, fields.urls, fields.hashtags ?? []);
      if (i < 0) duplicate(normalise(whole(), { dataset, file, line }), -1 - i);
      else if (keeps(i)) keep(i, normalise(whole(), { dataset, file, line }));
    };
  };

  // A tenth more than estimated: a file whose first posts are a little longer than the rest still fits.
  const expect = (posts: number): void => table.reserve(table.size + Math.ceil(posts * 1.1));

  const finish = (): ReportModel => {
    const n = table.size;
    const slot = new Int32Array(n);
    let outsidePeriod = 0;
    for (let i = 0; i < n; i++) {
      slot[i] = slotOf(grid, table.time[i]!);
      if (slot[i]! < 0) outsidePeriod++;
    }
    const tagPosts = postsByTag(table, tracked.length);
    const refs = resolveRefs(table);
    const counts = cascadeCounts(table, refs.root);
    const cascadeList = buildCascades(table, refs.root, counts, tracked.length, wantedKeys);
    const seen = stamp(table.authors.length);
    const authorRanker = new Ranker(table.authors.map((a) => a.id));
    const shares: (Record<string, number> | undefined)[] = [];
    const timelines: ReportModel['timelines'] = idRecord();
    tracked.forEach((tag, t) => {
      const result = timeline(tag, table, grid, tagPosts[t]!, slot, seen, cascadeList, authorRanker);
      timelines[tag] = result.timeline;
      for (const a of result.authors) (shares[a] ??= idRecord())[tag] = result.counts[a]! / result.timeline.total;
    });
    const matcher = dossierMatcher(input.dossiers);
    const datasets = new Map<string, number>();
    table.files.forEach((f, k) => {
      const posts = table.filePosts[k]!;
      if (posts > 0) datasets.set(f.dataset, (datasets.get(f.dataset) ?? 0) + posts);
    });
    for (const list of firstPosts) for (const p of list) kept[p.id] = p;
    const people = profiles({
      table,
      local: localTimes(table, grid, slot),
      target: refs.target,
      cascades: counts,
      shares,
      dossiers: matcher,
      authorRanker,
      topAccounts: input.topAccounts,
    });
    return {
      caseId: input.caseId,
      timeZone: input.timeZone,
      period: { from: input.period.from, to: input.period.to },
      periodStart: grid.start,
      periodEnd: grid.end,
      summary: summary(table, outsidePeriod, refs.missing, datasets),
      timelines,
      overlaps: tagOverlaps(table, grid, slot, tracked),
      accounts: people.accounts,
      profiles: people.profiles,
      cascades: cascadeList,
      contentItems: contentItems(table),
      ...(coordinated && input.coordination ? { coordination: analyseCoordination(coordinated, input.coordination) } : {}),
      posts: sortedRecord(kept),
      privatePostIds: privatePostIds(table, input.dossiers, matcher),
      figures: figures(
        {
          table,
          timeZone: input.timeZone,
          period: input.period,
          normaliseTag,
          postsWithTag: (t) => (t < tracked.length ? tagPosts[t]! : postsByTag(table, t + 1, t)[t]!),
          cascadeSize: (id) => {
            const key = table.keys.find(id);
            const i = key < 0 ? -1 : table.postOfKey[key]!;
            return i < 0 ? undefined : counts.size[i]!;
          },
          dossiers: input.dossiers,
          matcher,
          seen,
        },
        input.figureQueries,
      ),
    };
  };

  return { add, rawSink, expect, finish, duplicates };
}

/** The ids of the posts of each private person, by dossier id. */
function privatePostIds(table: PostTable, dossiers: readonly DossierRef[], matcher: DossierMatcher): Record<string, string[]> {
  const isPrivate = new Set(dossiers.filter((d) => d.private).map((d) => d.id));
  const out: Record<string, string[]> = idRecord();
  if (isPrivate.size === 0) return out;
  const dossierOf = table.authors.map((a) => {
    const id = matcher.match(a.platform, a.id, a.handle);
    return id !== undefined && isPrivate.has(id) ? id : undefined;
  });
  const found = new Map<string, Set<string>>();
  const add = (dossier: string | undefined, id: string) => {
    if (dossier !== undefined) found.set(dossier, (found.get(dossier) ?? new Set()).add(id));
  };
  for (let i = 0; i < table.size; i++) {
    add(dossierOf[table.author[i]!], table.id(i));
    // A repost or reply names the person's post even when the post itself is not in the data.
    if (table.refAuthor[i]! >= 0) add(dossierOf[table.refAuthor[i]!], table.keys.text(table.refKey[i]!));
  }
  for (const [dossier, ids] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) out[dossier] = [...ids].sort();
  return out;
}

/** Post indices per tag for tags below `count` (or only tag `only`). */
function postsByTag(table: PostTable, count: number, only = -1): Int32Array[] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < table.size; i++) {
    for (let k = table.tagStart[i]!; k < table.tagStart[i + 1]!; k++) {
      const t = table.tagList[k]!;
      if (t < count && (only < 0 || t === only)) lists[t]!.push(i);
    }
  }
  return lists.map((l) => Int32Array.from(l));
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return idRecord(Object.keys(record).sort().map((k) => [k, record[k]!]));
}
