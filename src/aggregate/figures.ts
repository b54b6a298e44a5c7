/** Answers the figure queries of a case's prose over the post table (semantics in figure-query.ts). */
import { closest } from '../diagnostics/suggest.ts';
import { figureKey, type FigureQuery, type FigureValue, type UnknownName } from './figure-query.ts';
import type { DossierMatcher } from './dossier-match.ts';
import type { DossierRef } from './input.ts';
import { KIND_CODE } from './kinds.ts';
import { periodGrid, slotOf } from './period-grid.ts';
import type { PostTable } from './post-table.ts';
import type { Stamp } from './timelines.ts';
import { idRecord } from './id-record.ts';
import { peakOf } from './peak.ts';

export interface FigureContext {
  table: PostTable;
  timeZone: string;
  period: { from: string; to: string };
  /** Folds a hashtag as written (or an alias) to the tag the table stores. */
  normaliseTag: (tag: string) => string;
  /** Indices of the posts carrying tag index `t`. */
  postsWithTag: (t: number) => Int32Array;
  /** Reposts plus quotes of the post with this id; undefined when the data has no such post. */
  cascadeSize: (postId: string) => number | undefined;
  dossiers: readonly DossierRef[];
  matcher: DossierMatcher;
  seen: Stamp;
}

export function figures(ctx: FigureContext, queries: readonly FigureQuery[]): Record<string, FigureValue> {
  const out = idRecord<FigureValue>();
  for (const q of queries) {
    const key = figureKey(q);
    const unknown = unknownNames(ctx, q);
    out[key] = { key, ...answer(ctx, q), ...(unknown.length > 0 ? { unknown } : {}) };
  }
  return out;
}

type Answer = Omit<FigureValue, 'key' | 'unknown'>;

function answer(ctx: FigureContext, q: FigureQuery): Answer {
  const { table } = ctx;
  if (q.measure === 'cascade-size') {
    const size = ctx.cascadeSize(q.post ?? '') ?? 0;
    return { value: size, unit: 'count', basis: size };
  }
  // Without a hashtag the status count reads the dossiers only: no post needs visiting.
  if (q.measure === 'status-count' && q.hashtag === undefined) {
    const value = ctx.dossiers.filter((d) => d.status === q.status).length;
    return { value, unit: 'count', basis: value };
  }
  const grid = periodGrid(ctx.timeZone, q.from ?? ctx.period.from, q.to ?? ctx.period.to);
  const tagIndex = q.hashtag === undefined ? undefined : table.tagIndex.get(ctx.normaliseTag(q.hashtag));
  const candidates: ArrayLike<number> | null =
    q.hashtag === undefined ? null : tagIndex === undefined ? new Int32Array(0) : ctx.postsWithTag(tagIndex);
  const kind = q.kind === undefined ? -1 : KIND_CODE[q.kind];
  const named = namedAuthors(ctx, q);
  // For `share` the named accounts are the numerator; for every other measure they filter.
  const filterAuthors = q.measure === 'share' ? undefined : named;
  const matching: number[] = [];
  const n = candidates === null ? table.size : candidates.length;
  for (let k = 0; k < n; k++) {
    const i = candidates === null ? k : candidates[k]!;
    if (kind >= 0 && table.kind[i] !== kind) continue;
    if (slotOf(grid, table.time[i]!) < 0) continue;
    if (filterAuthors !== undefined && !filterAuthors.has(table.author[i]!)) continue;
    matching.push(i);
  }

  const basis = matching.length;
  switch (q.measure) {
    case 'count':
      return { value: matching.length, unit: 'count', basis };
    case 'accounts': {
      ctx.seen.next();
      let value = 0;
      for (const i of matching) if (ctx.seen.mark(table.author[i]!)) value++;
      return { value, unit: 'count', basis };
    }
    case 'peak':
    case 'peak-time': {
      const bins = q.bin === 'hour' ? grid.hourOfSlot : grid.dayOfSlot;
      const starts = q.bin === 'hour' ? grid.hourStarts : grid.dayStarts;
      const counts = new Int32Array(starts.length);
      for (const i of matching) counts[bins[slotOf(grid, table.time[i]!)]!]!++;
      // The earliest of tied peaks (peak.ts); with no post at all the figure is empty and says so.
      const { value, indices } = peakOf(counts);
      return q.measure === 'peak' ? { value, unit: 'count', basis } : { value: starts[indices[0] ?? 0] ?? grid.start, unit: 'time', basis };
    }
    case 'first-time': {
      let value = Infinity;
      for (const i of matching) if (table.time[i]! < value) value = table.time[i]!;
      return { value: Number.isFinite(value) ? value : NaN, unit: 'time', basis };
    }
    case 'share': {
      if (matching.length === 0) return { value: 0, unit: 'share', basis };
      if (named !== undefined) {
        let by = 0;
        for (const i of matching) if (named.has(table.author[i]!)) by++;
        return { value: by / matching.length, unit: 'share', basis };
      }
      const counts = new Map<number, number>();
      for (const i of matching) counts.set(table.author[i]!, (counts.get(table.author[i]!) ?? 0) + 1);
      const top = [...counts.values()].sort((a, b) => b - a).slice(0, q.top ?? 10);
      return { value: top.reduce((s, v) => s + v, 0) / matching.length, unit: 'share', basis };
    }
    case 'status-count': {
      const posting = new Set<number>();
      for (const i of matching) posting.add(table.author[i]!);
      let value = 0;
      for (const d of ctx.dossiers) {
        if (d.status !== q.status) continue;
        if (authorsOf(ctx, d.id).some((a) => posting.has(a))) value++;
      }
      // What was counted is dossiers: none posting under the tag is an empty answer.
      return { value, unit: 'count', basis: value };
    }
  }
}

/**
 * Names the query asks about that the case does not know: an `account` that is neither a dossier id
 * nor the handle of an author in the data, a `post` that is not in the data.
 */
function unknownNames(ctx: FigureContext, q: FigureQuery): UnknownName[] {
  const out: UnknownName[] = [];
  const names = [
    ...(q.account === undefined ? [] : [['account', q.account] as const]),
    ...(q.accounts ?? []).map((name) => ['accounts', name] as const),
  ];
  for (const [option, name] of names) {
    if (ctx.dossiers.some((d) => d.id === name) || authorsOf(ctx, name).length > 0) continue;
    const known = [...ctx.dossiers.map((d) => d.id), ...authorHandles(ctx)];
    const suggestion = closest(name.replace(/^@/, ''), known);
    out.push({ option, name, ...(suggestion === undefined ? {} : { suggestion }) });
  }
  if (q.post !== undefined && ctx.cascadeSize(q.post) === undefined) out.push({ option: 'post', name: q.post });
  return out;
}

function authorHandles(ctx: FigureContext): string[] {
  const out: string[] = [];
  for (const a of ctx.table.authors) if (a.posts > 0 && a.handle !== null) out.push(a.handle);
  return out;
}

/** Author indices named by `account` / `accounts`: a dossier id, else a handle (case-insensitive, `@` optional). */
function namedAuthors(ctx: FigureContext, q: FigureQuery): Set<number> | undefined {
  const names = [...(q.account === undefined ? [] : [q.account]), ...(q.accounts ?? [])];
  if (names.length === 0) return undefined;
  return new Set(names.flatMap((name) => authorsOf(ctx, name)));
}

function authorsOf(ctx: FigureContext, name: string): number[] {
  const dossier = ctx.dossiers.find((d) => d.id === name);
  const out: number[] = [];
  ctx.table.authors.forEach((a, i) => {
    if (a.posts === 0) return;
    const hit = dossier
      ? ctx.matcher.match(a.platform, a.id, a.handle) === dossier.id
      : a.handle !== null && a.handle.toLowerCase() === name.replace(/^@/, '').toLowerCase();
    if (hit) out.push(i);
  });
  return out;
}
