/**
 * Records keyed by ids from the data (post ids, hashtags, figure keys) have no prototype: `__proto__`,
 * `constructor` and `toString` are ordinary ids, never Object.prototype's members. The model cache is JSON,
 * which gives plain objects back, so a cached model gets its records rebuilt by `withIdRecords`.
 */
import type { ReportModel } from './model.ts';

export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `model` (as parsed from JSON) with every id-keyed record made prototype-free. */
export function withIdRecords(model: ReportModel): ReportModel {
  return {
    ...model,
    timelines: idRecord(Object.entries(model.timelines)),
    posts: idRecord(Object.entries(model.posts)),
    figures: idRecord(Object.entries(model.figures)),
    profiles: model.profiles.map((p) => ({ ...p, shareOfTag: idRecord(Object.entries(p.shareOfTag)) })),
  };
}
