/**
 * Builds any chart from its spec and a case model: the one implementation behind `::chart` in the
 * prose and the charts on hashtag and account pages, so the same spec always plots the same numbers.
 * The kind's module queries the model and draws; this gives it the case's words for the model (tracked
 * tags and their aliases, events, account labels).
 */
import type { AccountProfile, ReportModel } from '../aggregate/model.ts';
import type { ChartQuery } from '../charts/kind.ts';
import { buildChart as buildKind, type ChartSpec } from '../charts/registry.ts';
import type { Case } from '../schema/index.ts';
import { localMidnight } from './format.ts';
import { trackedTags } from './tracked-tags.ts';
import { foldTag } from '../ingest/normalise-post.ts';

export type { Built } from '../charts/kind.ts';

export interface ChartBuildContext {
  model: ReportModel;
  caseData?: Case;
  locale: string;
  timeZone: string;
  /** Reader-facing label of an account (pseudonymised where it must be). */
  label(authorId: string): string;
  /** Profiles by author id and dossier id, when the caller draws many heatmaps and has the index at hand. */
  profiles?: ReadonlyMap<string, AccountProfile>;
}

export function chartQuery(ctx: ChartBuildContext): ChartQuery {
  const { model, timeZone } = ctx;
  const tags = ctx.caseData ? trackedTags(ctx.caseData) : new Map(Object.keys(model.timelines).map((t) => [foldTag(t), t]));
  return {
    model,
    locale: ctx.locale,
    timeZone,
    label: ctx.label,
    events: (ctx.caseData?.events ?? []).map((e) => ({ time: localMidnight(e.date, timeZone), label: e.label })),
    timeline(tag) {
      const found = model.timelines[tags.get(foldTag(tag)) ?? ''];
      if (found) return found;
      const known = [...new Set(tags.values())].join(', ');
      return {
        ruleId: 'reference/hashtag',
        message: `Unexpected hashtag \`${tag}\`, expected one the case tracks: ${known}.`,
        actual: tag,
        expected: known,
        hint: 'Add the hashtag to the case’s `hashtags`, or correct its spelling.',
      };
    },
    profile: (account) => ctx.profiles?.get(account) ?? model.profiles.find((p) => p.dossierId === account || p.authorId === account),
  };
}

export function buildChart(spec: ChartSpec, id: string, ctx: ChartBuildContext) {
  return buildKind(spec, id, chartQuery(ctx));
}
