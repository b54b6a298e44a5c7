/**
 * What a chart kind is. Each kind is one module beside its drawing (Observable Plot keeps one file per
 * mark): its options as zod schemas over the directive's text, its id, its query against the case model
 * and its drawing in every layout, whose description and table it writes itself. The registry
 * (`registry.ts`) lists the kinds; `::chart`, the pages and the release only look a kind up.
 */
import { z } from 'zod';
import type { AccountProfile, HashtagTimeline, ReportModel } from '../aggregate/model.ts';
import type { DiagnosticInit } from '../diagnostics/diagnostic.ts';
import type { ChartOutput } from './types.ts';

/** A diagnostic without its place: the caller knows where the chart was asked for. */
export type ChartProblem = Omit<DiagnosticInit, 'file' | 'start' | 'end'>;

/** One option: its schema over the attribute's text (`undefined` when absent), and how to write it. */
export interface ChartOption<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  expected: string;
  /** The values it takes, when they are a fixed list: a typo gets the closest as its hint. */
  choices?: readonly string[];
}

/** What a kind may ask of the case while building: the model and the case's own words for it. */
export interface ChartQuery {
  model: ReportModel;
  locale: string;
  timeZone: string;
  /** Reader-facing label of an account (pseudonymised where it must be). */
  label(authorId: string): string;
  /** The timeline of a tracked hashtag, found by any of its aliases and capitalisations, or why not. */
  timeline(tag: string): HashtagTimeline | ChartProblem;
  /** An account's profile by dossier id or author id. */
  profile(account: string): AccountProfile | undefined;
  /** The case's events as instants (local midnight of their date). */
  events: { time: number; label: string }[];
}

/**
 * A chart found in the model: `draw` makes its pictures, words and table. Everything that can be wrong with
 * the request is known before drawing, so the check stops at `build` and never draws.
 */
export type Built = { draw(): ChartOutput } | { problem: ChartProblem };

export interface ChartKind<K extends string, O> {
  kind: K;
  /** Every option but `kind` and `caption`, which all kinds take. */
  options: { [N in keyof O]-?: ChartOption<O[N]> };
  /**
   * What the id is made of after the kind's name: parts joined as a slug, or one free-text value (a post or
   * account id) written with `fileSafeId`, so two values never share a data file.
   */
  id(options: O): (string | number)[] | { fileSafe: string };
  /** The options with each hashtag as the case spells it, so an alias in the prose names the chart one way. */
  canonical?(options: O, tag: (tag: string) => string): O;
  /**
   * What the chart's numbers rest on besides the posts, printed beside every figure of the kind:
   * `coordination` for the coordination analysis, whose parameters box goes with each of its charts.
   */
  basis?: 'coordination';
  /** Posts the chart needs from the data before aggregation (the model keeps only some cascades). */
  postIds?(options: O): string[];
  build(options: O, id: string, query: ChartQuery): Built;
}

/** Declares a kind; the identity, so each module's options type flows into its `build`. */
export function chartKind<const K extends string, O>(kind: ChartKind<K, O>): ChartKind<K, O> {
  return kind;
}

export const isChartProblem = (value: object): value is ChartProblem => 'ruleId' in value;

// Options several kinds share.
const tagText = (value: string) => value.replace(/^#/, '');
const tagPattern = /^[\p{L}\p{N}_]+$/u;

export const hashtagOption: ChartOption<string> = {
  schema: z.string().transform(tagText).pipe(z.string().regex(tagPattern)),
  expected: 'a hashtag the case tracks, such as hashtag=RecognizeNewCaledonia',
};

export const hashtagsOption: ChartOption<string[]> = {
  schema: z
    .string()
    .transform((value) => value.split(',').map((s) => tagText(s.trim())).filter((s) => s.length > 0))
    .pipe(z.array(z.string().regex(tagPattern)).min(2)),
  expected: 'two or more tracked hashtags separated by commas, such as hashtags="A,B"',
};

export const binOption: ChartOption<'day' | 'hour'> = {
  schema: z.enum(['day', 'hour']).default('day'),
  expected: 'day or hour',
  choices: ['day', 'hour'],
};

export function textOption(expected: string): ChartOption<string> {
  return { schema: z.string().trim().min(1), expected };
}
