/**
 * The charts a case shows outside its prose (hashtag and account pages), built from the model.
 * Chart ids are derived from what they plot, so the same chart always has the same id
 * and the same download address.
 */
import type { ReportModel, AccountProfile } from '../aggregate/model.ts';
import { activityHeatmap, timelineChart, topAccountsChart, type ChartOutput } from '../charts/index.ts';
import type { Case } from '../schema/index.ts';
import { localMidnight } from '../markdown/format.ts';
import { hashtagSlug } from './urls.ts';

export interface ChartContext {
  data: Case;
  model: ReportModel;
  label(authorId: string): string;
}

export function timelineChartId(tag: string, bin: 'day' | 'hour'): string {
  return `timeline-${hashtagSlug(tag)}-${bin}`;
}

export function topAccountsChartId(tag: string): string {
  return `top-accounts-${hashtagSlug(tag)}`;
}

export function heatmapChartId(pageId: string): string {
  return `heatmap-${pageId.replace(/[^a-z0-9_-]+/gi, '-').toLowerCase()}`;
}

export function caseEvents(data: Case): { time: number; label: string }[] {
  return data.events.map((e) => ({ time: localMidnight(e.date, data.timeZone), label: e.label }));
}

export function hashtagTimeline(ctx: ChartContext, tag: string, bin: 'day' | 'hour'): { id: string; output: ChartOutput } {
  const timeline = ctx.model.timelines[tag]!;
  const id = timelineChartId(tag, bin);
  const peak = bin === 'day' ? timeline.peakDay : timeline.peakHour;
  const output = timelineChart({
    id,
    tag,
    bins: bin === 'day' ? timeline.day : timeline.hour,
    bin,
    events: caseEvents(ctx.data),
    peak,
    timeZone: ctx.data.timeZone,
    locale: ctx.data.language,
  });
  return { id, output };
}

export function hashtagTopAccounts(ctx: ChartContext, tag: string, title: string): { id: string; output: ChartOutput } {
  const timeline = ctx.model.timelines[tag]!;
  const id = topAccountsChartId(tag);
  const output = topAccountsChart({
    id,
    title,
    accounts: timeline.topAccounts.map((a) => ({ label: ctx.label(a.authorId), count: a.count })),
    locale: ctx.data.language,
  });
  return { id, output };
}

export function accountHeatmap(ctx: ChartContext, pageId: string, profile: AccountProfile, label: string): { id: string; output: ChartOutput } {
  const id = heatmapChartId(pageId);
  const output = activityHeatmap({ id, label, dayHour: profile.dayHour, timeZone: ctx.data.timeZone, locale: ctx.data.language });
  return { id, output };
}
