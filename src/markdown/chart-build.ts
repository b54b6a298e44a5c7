/**
 * Builds any chart from its spec and a case model: the one implementation behind `::chart` in the
 * prose and the charts on hashtag and account pages, so the same spec always plots the same numbers.
 */
import type { AccountProfile, HashtagTimeline, ReportModel } from '../aggregate/model.ts';
import {
  activityHeatmap,
  activityStrip,
  cascadeChart,
  dateRows,
  weekdayRows,
  hashtagComparison,
  timelineChart,
  topAccountsChart,
  type ChartOutput,
} from '../charts/index.ts';
import type { Case } from '../schema/index.ts';
import type { ChartSpec } from './chart-parse.ts';
import { localMidnight } from './format.ts';
import type { Problem } from './report.ts';
import { trackedTags } from './tracked-tags.ts';
import { foldTag } from '../ingest/normalise-post.ts';

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

export type Built = { output: ChartOutput } | { problem: Problem };

const topAccountsTitle: Record<string, (tag: string) => string> = {
  en: (tag) => `Most active accounts under #${tag}`,
  fr: (tag) => `Comptes les plus actifs sous #${tag}`,
};

export function buildChart(spec: ChartSpec, id: string, ctx: ChartBuildContext): Built {
  const { locale, timeZone, model } = ctx;
  const tags = ctx.caseData ? trackedTags(ctx.caseData) : new Map(Object.keys(model.timelines).map((t) => [foldTag(t), t]));
  const timeline = (tag: string): HashtagTimeline | Problem => {
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
  };
  const isProblem = (v: object): v is Problem => 'ruleId' in v;
  const label = ctx.label;
  const events = (ctx.caseData?.events ?? []).map((e) => ({ time: localMidnight(e.date, timeZone), label: e.label }));

  switch (spec.kind) {
    case 'timeline': {
      const tl = timeline(spec.hashtag);
      if (isProblem(tl)) return { problem: tl };
      const peak = spec.bin === 'day' ? tl.peakDay : tl.peakHour;
      return { output: timelineChart({ id, tag: tl.tag, bins: tl[spec.bin], bin: spec.bin, events, peak, timeZone, locale }) };
    }
    case 'top-accounts': {
      const tl = timeline(spec.hashtag);
      if (isProblem(tl)) return { problem: tl };
      const title = (topAccountsTitle[new Intl.Locale(locale).language] ?? topAccountsTitle['en']!)(tl.tag);
      const accounts = tl.topAccounts.slice(0, spec.n).map((a) => ({ label: label(a.authorId), count: a.count }));
      return { output: topAccountsChart({ id, title, accounts, locale }) };
    }
    case 'cascade': {
      const cascade = model.cascades.find((c) => c.rootId === spec.post);
      if (!cascade) {
        return {
          problem: {
            ruleId: 'reference/post',
            message: `Unexpected post \`${spec.post}\`, expected the root of a cascade (a post reposted or quoted in the dataset).`,
            actual: spec.post,
            hint: 'Check the id against the dataset, or show this post with ::post{id=…} instead.',
          },
        };
      }
      return {
        output: cascadeChart({ id, rootLabel: label(cascade.rootAuthorId), rootTime: cascade.rootTime, amplifiers: cascade.amplifiers, timeZone, locale }),
      };
    }
    case 'heatmap': {
      const profile =
        ctx.profiles?.get(spec.account) ?? model.profiles.find((p) => p.dossierId === spec.account || p.authorId === spec.account);
      if (!profile) {
        return {
          problem: {
            ruleId: 'reference/account',
            message: `Unexpected account \`${spec.account}\`, expected a dossier id or an author id of an account that posted in the case's data.`,
            actual: spec.account,
            hint: 'Check the id; an account with no posts in the data has no activity to chart.',
          },
        };
      }
      const who = label(profile.dossierId ?? profile.authorId);
      if (profile.times) {
        return { output: activityStrip({ id, label: who, times: profile.times, period: [model.periodStart, model.periodEnd], timeZone, locale }) };
      }
      // A weekly habit can only show when every weekday comes round at least twice.
      const dates = periodDates(model.period.from, model.period.to);
      if (dates.length >= 14) return { output: activityHeatmap({ id, label: who, by: 'weekday', rows: weekdayRows(profile.dayHour, locale), timeZone, locale }) };
      const withPosts = [...new Set([...dates, ...profile.dateHour.map((d) => d.date)])].sort();
      return { output: activityHeatmap({ id, label: who, by: 'date', rows: dateRows(withPosts, profile.dateHour, locale), timeZone, locale }) };
    }
    case 'compare': {
      const series: { tag: string; bins: HashtagTimeline['day'] }[] = [];
      for (const tag of spec.hashtags) {
        const tl = timeline(tag);
        if (isProblem(tl)) return { problem: tl };
        series.push({ tag: tl.tag, bins: tl[spec.bin] });
      }
      const pair = series.length === 2 ? model.overlaps.find((o) => o.tags.includes(series[0]!.tag) && o.tags.includes(series[1]!.tag)) : undefined;
      // Two tags sharing no post still have an overlap to show: none.
      const both = series.length === 2 ? series[0]!.bins.map((b, i) => ({ start: b.start, total: pair?.[spec.bin][i] ?? 0 })) : undefined;
      return { output: hashtagComparison({ id, series, bin: spec.bin, ...(both ? { both } : {}), events, timeZone, locale }) };
    }
  }
}

/** Every date from `from` to `to` (`2024-05-16`), both included. */
function periodDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

