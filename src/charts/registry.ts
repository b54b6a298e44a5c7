/**
 * The chart kinds, the only list of them; `::chart`, the pages and the release find a kind through these
 * functions. Adding a kind:
 * 1. `src/charts/<kind>.ts`: the drawing (a `ChartOutput` for every layout, with its description and
 *    table) and `export const <kind>Kind = chartKind({ kind, options, id, build })`, whose `build` queries
 *    the model through `ChartQuery`; options shared with other kinds are in `kind.ts`.
 * 2. One entry in `kinds` below.
 * 3. Its section under "Charts" in docs/editing.md (whose examples are tested).
 * registry.test.ts fails when any other file branches on a kind's name or lists kinds.
 */
import { z } from 'zod';
import { choiceHint } from '../diagnostics/suggest.ts';
import { fileSafeId } from '../schema/site-path.ts';
import { cascadeKind } from './cascade.ts';
import { heatmapKind } from './activity-heatmap.ts';
import { compareKind } from './hashtag-comparison.ts';
import type { Built, ChartKind, ChartProblem, ChartQuery } from './kind.ts';
import { timelineKind } from './timeline.ts';
import { topAccountsKind } from './top-accounts.ts';
import { synchronyKind } from './synchrony.ts';
import { adjacencyKind } from './adjacency.ts';
import { networkKind } from './network.ts';

const kinds = [timelineKind, topAccountsKind, cascadeKind, heatmapKind, compareKind, synchronyKind, adjacencyKind, networkKind] as const;

type Kind = (typeof kinds)[number];
type SpecOf<T> = T extends ChartKind<infer K, infer O> ? { kind: K; caption?: string } & O : never;

/** A chart as asked for: its kind, that kind's options and an optional caption. */
export type ChartSpec = SpecOf<Kind>;
export type ChartKindName = Kind['kind'];

export const chartKindNames: readonly ChartKindName[] = kinds.map((k) => k.kind);

// The kinds seen through what they share; each module's own types hold inside it.
type AnyKind = ChartKind<string, Record<string, unknown>>;
const byName = new Map<string, AnyKind>(kinds.map((k) => [k.kind, k as unknown as AnyKind]));

function kindOf(spec: { kind: string }): AnyKind {
  const kind = byName.get(spec.kind);
  if (!kind) throw new Error(`No chart kind ${spec.kind}.`);
  return kind;
}

/** What a chart's numbers rest on besides the posts (`ChartKind.basis`), to print beside the figure. */
export function chartBasis(spec: { kind: string }): 'coordination' | undefined {
  return kindOf(spec).basis;
}

/** The options a kind takes, `kind` and `caption` included, or undefined when there is no such kind. */
export function chartOptionNames(kind: string): string[] | undefined {
  const found = byName.get(kind);
  return found ? ['kind', ...Object.keys(found.options), 'caption'] : undefined;
}

function optionProblem(name: string, value: string | undefined, expected: string, choices?: readonly string[]): ChartProblem {
  const found = value === undefined ? `no ${name}=` : `${name}=${value === '' ? '(empty)' : `\`${value}\``}`;
  return {
    ruleId: value === undefined ? 'chart/missing-option' : 'chart/invalid-option',
    message: `Unexpected ${found} on \`::chart\`, expected ${expected}.`,
    ...(value !== undefined ? { actual: value } : {}),
    expected,
    hint: value !== undefined && choices ? choiceHint(name, value, choices, expected) : `Write ${name}= as ${expected}.`,
  };
}

/**
 * The spec a chart's attributes ask for, or the problems with its kind and options (one per option, in the
 * kind's order). Options a kind does not take are the caller's to report (`chartOptionNames`).
 */
export function parseChartOptions(attributes: Record<string, string>): { spec?: ChartSpec; problems: ChartProblem[] } {
  const name = attributes['kind'];
  const kind = name === undefined ? undefined : byName.get(name);
  if (!kind) return { problems: [optionProblem('kind', name, `one of ${chartKindNames.join(', ')}`, chartKindNames)] };
  const shape = Object.fromEntries(Object.entries(kind.options).map(([option, { schema }]) => [option, schema]));
  const input = Object.fromEntries(Object.keys(kind.options).map((option) => [option, attributes[option]]));
  const parsed = z.object(shape).safeParse(input);
  const caption = attributes['caption'] ? { caption: attributes['caption'] } : {};
  if (parsed.success) return { spec: { kind: kind.kind, ...parsed.data, ...caption } as ChartSpec, problems: [] };
  const failed = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const problems = Object.keys(kind.options)
    .filter((option) => failed.has(option))
    .map((option) => optionProblem(option, attributes[option], kind.options[option]!.expected, kind.options[option]!.choices));
  return { problems };
}

/**
 * Deterministic id from what the chart shows, e.g. `timeline-recognizenewcaledonia-day`. It names the chart's
 * data files, so it must differ for different charts: a free-text value is written with `fileSafeId`
 * (`u.x` and `u-x` are two accounts), and an id too long for a file name is cut the same way.
 */
export function chartId(spec: ChartSpec): string {
  const parts = kindOf(spec).id(spec);
  if ('fileSafe' in parts) return `${spec.kind}-${fileSafeId(parts.fileSafe)}`;
  const id = [spec.kind, ...parts]
    .map((p) => String(p).normalize('NFC').toLowerCase())
    .join('-')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return Buffer.byteLength(id) <= 120 ? id : fileSafeId(id);
}

/** The spec with its hashtags as the case spells them. */
export function canonicalChart(spec: ChartSpec, tag: (tag: string) => string): ChartSpec {
  const kind = kindOf(spec);
  return kind.canonical ? ({ ...spec, ...kind.canonical(spec, tag) } as ChartSpec) : spec;
}

/** Posts the chart needs kept in the model. */
export function chartPostIds(spec: ChartSpec): string[] {
  return kindOf(spec).postIds?.(spec) ?? [];
}

export function buildChart(spec: ChartSpec, id: string, query: ChartQuery): Built {
  return kindOf(spec).build(spec, id, query);
}
