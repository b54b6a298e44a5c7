/**
 * The case's parameters as the contract's parameter tables (contract.ts `ParameterTables`): the period
 * and its bins cut by Casefile's zone clock, the zone's offsets over the data's time range, tracked tags
 * with their aliases, and the list lengths the in-process aggregator uses.
 */
import { CASCADES_KEPT } from '../aggregate/cascades.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import type { PeriodGrid } from '../aggregate/period-grid.ts';
import { PROFILE_LIST, PROFILE_TOP_POSTS, SPARSE_POSTS } from '../aggregate/profiles.ts';
import { TOP_ACCOUNTS } from '../aggregate/timelines.ts';
import { foldTag } from '../ingest/normalise-post.ts';
import type { ZoneClock } from '../locale/zone-clock.ts';
import type { ParameterTables } from './contract.ts';

const SECOND = 1000;
const QUARTER = 900_000;
const DAY = 86_400_000;

export type FirstParameters = Omit<ParameterTables, 'case_paged' | 'case_private'>;

/** Every parameter table but the paged and private authors, which depend on the accounts table. */
export function parameterTables(input: AggregateInput, grid: PeriodGrid, files: readonly string[], range: { min: number; max: number } | null): FirstParameters {
  const bins: ParameterTables['case_bins'] = [];
  const cut = (bin: 'day' | 'hour', starts: readonly number[]) =>
    starts.forEach((start, i) => bins.push({ bin, start_ms: start, end_ms: starts[i + 1] ?? grid.end }));
  cut('day', grid.dayStarts);
  cut('hour', grid.hourStarts);
  bins.push({ bin: 'lead_day', start_ms: grid.leadDay.start, end_ms: grid.start });
  bins.push({ bin: 'lead_hour', start_ms: grid.leadHour.start, end_ms: grid.start });
  // The tag itself wins over another tag's alias of the same folded spelling (tagNormaliser).
  const aliases = new Map<string, string>();
  for (const h of input.hashtags) for (const alias of h.aliases) aliases.set(foldTag(alias), h.tag);
  for (const h of input.hashtags) aliases.set(foldTag(h.tag), h.tag);
  return {
    case_settings: [
      {
        period_start: grid.start,
        period_end: grid.end,
        top_accounts: TOP_ACCOUNTS,
        profile_list: PROFILE_LIST,
        profile_top_posts: PROFILE_TOP_POSTS,
        sparse_posts: SPARSE_POSTS,
        cascades_kept: CASCADES_KEPT,
      },
    ],
    case_zone: range === null ? [] : coveredZone(zoneOffsets(grid.clock, range.min, range.max), grid.clock, range),
    case_bins: bins,
    case_tags: input.hashtags.map((h, position) => ({ tag: h.tag, position })),
    case_aliases: [...aliases].map(([folded, tag]) => ({ folded, tag })),
    case_files: files.map((file, position) => ({ file, position })),
    case_wanted: input.wantedPostIds.map((id) => ({ id })),
  };
}

/**
 * `zone`, once it is known to cover every post: contiguous stretches from `min` to past `max`, each with
 * the offset the clock gives at both its ends. The engines join each post to its stretch (prelude.sql,
 * post_local.sql), so a post in no stretch would silently go uncounted; this throws instead.
 */
export function coveredZone(zone: ParameterTables['case_zone'], clock: ZoneClock, range: { min: number; max: number }): ParameterTables['case_zone'] {
  const gap = (why: string): never => {
    throw new Error(`Unexpected zone stretches for posts from ${range.min} to ${range.max} ms: ${why}, expected contiguous stretches covering them`);
  };
  if (zone.length === 0 || zone[0]!.from_ms > range.min || zone.at(-1)!.to_ms <= range.max) gap('the range is not covered');
  zone.forEach((z, i) => {
    if (z.to_ms <= z.from_ms) gap(`stretch ${i} is empty`);
    if (i > 0 && zone[i - 1]!.to_ms !== z.from_ms) gap(`stretches ${i - 1} and ${i} do not meet`);
    if (clock.offset(z.from_ms) !== z.offset_ms || clock.offset(z.to_ms - 1) !== z.offset_ms) gap(`stretch ${i} holds an offset change`);
  });
  return zone;
}

/**
 * The zone's UTC offset as constant stretches covering [min, max]: the offset is read once a day, and a
 * day whose two ends disagree is searched for its change, to the second.
 */
export function zoneOffsets(clock: ZoneClock, min: number, max: number): ParameterTables['case_zone'] {
  const out: ParameterTables['case_zone'] = [];
  const stop = Math.floor(max / QUARTER) * QUARTER + QUARTER;
  let from = Math.floor(min / QUARTER) * QUARTER;
  let offset = clock.offset(from);
  let t = from;
  while (t < stop) {
    const next = Math.min(t + DAY, stop);
    if (clock.offset(next) === offset) {
      t = next;
      continue;
    }
    // offset(lo) is the current offset and offset(hi) is not: halve down to one second. Not to a quarter
    // hour: St. John's changed at 00:01 local time until 2011 (03:31 UTC), and a post in those 14 minutes
    // would have been counted at the wrong hour.
    let lo = t;
    let hi = next;
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / SECOND / 2) * SECOND;
      if (clock.offset(mid) === offset) lo = mid;
      else hi = mid;
    }
    out.push({ from_ms: from, to_ms: hi, offset_ms: offset });
    from = hi;
    offset = clock.offset(hi);
    t = hi;
  }
  if (stop > from) out.push({ from_ms: from, to_ms: stop, offset_ms: offset });
  return out;
}
