/**
 * `::chart{…}`: a chart computed from the case model, rendered through the shared chart module into a
 * `<figure>` whose HTML is trusted (it escapes its own text) and so bypasses the sanitiser in a slot.
 */
import type { LeafDirective } from 'mdast-util-directive';
import type { HashtagTimeline, ReportModel } from '../aggregate/model.ts';
import {
  activityHeatmap,
  cascadeChart,
  hashtagComparison,
  renderFigure,
  timelineChart,
  topAccountsChart,
  type ChartOutput,
} from '../charts/index.ts';
import { attributesOf } from './attributes.ts';
import { chartId, parseChart, type ChartSpec } from './chart-parse.ts';
import { localMidnight } from './format.ts';
import type { Problem } from './report.ts';
import type { RenderState } from './state.ts';
import { trackedTags } from './tracked-tags.ts';

type Built = { output: ChartOutput } | { problem: Problem };

const topAccountsTitle: Record<string, (tag: string) => string> = {
  en: (tag) => `Most active accounts under #${tag}`,
  fr: (tag) => `Comptes les plus actifs sous #${tag}`,
};

function build(spec: ChartSpec, id: string, model: ReportModel, state: RenderState): Built {
  const { ctx } = state;
  const { locale, timeZone } = ctx;
  const tags = ctx.caseData ? trackedTags(ctx.caseData) : new Map(Object.keys(model.timelines).map((t) => [t.toLowerCase(), t]));
  const timeline = (tag: string): HashtagTimeline | Problem => {
    const found = model.timelines[tags.get(tag.toLowerCase()) ?? ''];
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
  const label = (authorId: string) => ctx.account(authorId)?.label ?? authorId;

  switch (spec.kind) {
    case 'timeline': {
      const tl = timeline(spec.hashtag);
      if (isProblem(tl)) return { problem: tl };
      const events = (ctx.caseData?.events ?? []).map((e) => ({ time: localMidnight(e.date, timeZone), label: e.label }));
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
      const profile = model.profiles.find((p) => p.dossierId === spec.account || p.authorId === spec.account);
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
      return { output: activityHeatmap({ id, label: label(profile.dossierId ?? profile.authorId), dayHour: profile.dayHour, timeZone, locale }) };
    }
    case 'compare': {
      const series = [];
      for (const tag of spec.hashtags) {
        const tl = timeline(tag);
        if (isProblem(tl)) return { problem: tl };
        series.push({ tag: tl.tag, bins: tl[spec.bin] });
      }
      return { output: hashtagComparison({ id, series, bin: spec.bin, timeZone, locale }) };
    }
  }
}

/** The replacement for the directive: a placeholder for the figure's HTML, or nothing when it cannot be drawn. */
export function chartDirective(node: LeafDirective, state: RenderState): string | undefined {
  const { ctx, report } = state;
  const parsed = parseChart(attributesOf(node));
  for (const problem of parsed.problems) report.at(node, problem);
  if (!parsed.spec) return undefined;
  if (!ctx.model || !ctx.caseId) {
    report.at(node, {
      ruleId: 'markdown/no-case-data',
      message: 'Unexpected `::chart` outside a case, expected charts only in a case report, where there is data to plot.',
      hint: 'Move the chart into the case report, or link to the case’s page that shows it.',
    });
    return undefined;
  }
  // Ids use the tag as the case spells it, so an alias in the text still names the chart one way.
  const tags = ctx.caseData ? trackedTags(ctx.caseData) : new Map<string, string>();
  const canonical = (tag: string) => tags.get(tag.toLowerCase()) ?? tag;
  const spec: ChartSpec =
    parsed.spec.kind === 'compare'
      ? { ...parsed.spec, hashtags: parsed.spec.hashtags.map(canonical) }
      : 'hashtag' in parsed.spec
        ? { ...parsed.spec, hashtag: canonical(parsed.spec.hashtag) }
        : parsed.spec;
  const id = chartId(spec);
  if (state.collected.charts.some((c) => c.id === id)) {
    report.at(node, {
      ruleId: 'markdown/duplicate-id',
      message: `Unexpected second chart \`${id}\`, expected each chart once per page.`,
      actual: id,
      hint: 'Link to the first figure instead of drawing it again.',
    });
    return undefined;
  }
  const built = build(spec, id, ctx.model, state);
  if ('problem' in built) {
    report.at(node, built.problem);
    return undefined;
  }
  state.collected.charts.push({ id, output: built.output });
  return state.slots.add(
    renderFigure(built.output, {
      id,
      caption: spec.caption ?? built.output.title,
      csvHref: ctx.urls.chartData(ctx.caseId, id, 'csv'),
      jsonHref: ctx.urls.chartData(ctx.caseId, id, 'json'),
    }),
  );
}
