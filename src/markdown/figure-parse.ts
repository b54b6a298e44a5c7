/** `:count{…}`, `:share{…}` and the other figure directives, read into a `FigureQuery` and a stated value. */
import type { FigureMeasure, FigureQuery } from '../aggregate/figure-query.ts';
import { choiceHint } from '../diagnostics/suggest.ts';
import { AccountStatusSchema, isRealDate, PostKindSchema } from '../schema/index.ts';
import { listOf, unknownOptions } from './attributes.ts';
import type { Problem } from './report.ts';

export const figureMeasures: readonly FigureMeasure[] = [
  'count', 'accounts', 'peak', 'peak-time', 'share', 'first-time', 'cascade-size', 'status-count',
];

export type FigureUnit = 'count' | 'share' | 'time';

export function unitOf(measure: FigureMeasure): FigureUnit {
  if (measure === 'share') return 'share';
  return measure === 'peak-time' || measure === 'first-time' ? 'time' : 'count';
}

const filters = ['hashtag', 'kind', 'account', 'accounts', 'from', 'to'];
const options: Record<FigureMeasure, string[]> = {
  count: filters,
  accounts: filters,
  'first-time': filters,
  peak: [...filters, 'bin'],
  'peak-time': [...filters, 'bin'],
  share: [...filters, 'top'],
  'cascade-size': ['post'],
  'status-count': ['status', 'hashtag'],
};

const expectSyntax: Record<FigureUnit, { pattern: RegExp; example: string }> = {
  count: { pattern: /^\d+$/, example: 'a whole number such as expect=1413' },
  share: { pattern: /^\d+(?:\.\d+)?%$/, example: 'a percentage such as expect=41%' },
  time: {
    pattern: /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?$/,
    example: 'a local date or time in the case zone such as expect=2024-05-16 or expect=2024-05-16T09:00',
  },
};

export interface ParsedFigure {
  query?: FigureQuery;
  /** The value the prose was written for, as written. */
  expect?: string;
  problems: Problem[];
}

function invalid(name: string, value: string, expected: string, choices?: readonly string[]): Problem {
  return {
    ruleId: 'figure/invalid-option',
    message: `Unexpected ${name}=${value === '' ? '(empty)' : `\`${value}\``}, expected ${expected}.`,
    actual: value,
    expected,
    hint: choices ? choiceHint(name, value, choices, expected) : `Write ${name}= as ${expected}.`,
  };
}

function missing(measure: string, expected: string): Problem {
  return {
    ruleId: 'figure/missing-option',
    message: `Unexpected \`:${measure}\` without ${expected}, expected it to say what to measure.`,
    expected,
    hint: `Add ${expected}.`,
  };
}

export function parseFigure(measure: FigureMeasure, attributes: Record<string, string>): ParsedFigure {
  const problems = unknownOptions(`:${measure}`, attributes, [...options[measure], 'expect']);
  const query: FigureQuery = { measure };
  const a = attributes;
  if (a['hashtag'] !== undefined) {
    const tag = a['hashtag'].replace(/^#/, '');
    if (/^[\p{L}\p{N}_]+$/u.test(tag)) query.hashtag = tag;
    else problems.push(invalid('hashtag', a['hashtag'], 'a tracked hashtag such as RecognizeNewCaledonia'));
  }
  if (a['kind'] !== undefined) {
    const kind = PostKindSchema.safeParse(a['kind']);
    if (kind.success) query.kind = kind.data;
    else problems.push(invalid('kind', a['kind'], `one of ${PostKindSchema.options.join(', ')}`, PostKindSchema.options));
  }
  if (a['account'] !== undefined) {
    if (a['account'].trim()) query.account = a['account'].trim();
    else problems.push(invalid('account', '', 'a dossier id or author handle'));
  }
  if (a['accounts'] !== undefined) {
    const list = listOf(a['accounts']);
    if (list.length > 0) query.accounts = list;
    else problems.push(invalid('accounts', a['accounts'], 'a comma-separated list of accounts'));
  }
  for (const name of ['from', 'to'] as const) {
    const value = a[name];
    if (value === undefined) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value)) query[name] = value;
    else problems.push(invalid(name, value, 'a local date written as YYYY-MM-DD'));
  }
  if (query.from && query.to && query.from > query.to) problems.push(invalid('to', query.to, `a date on or after from=${query.from}`));
  if (options[measure].includes('bin')) {
    const bin = a['bin'] ?? 'day';
    if (bin === 'day' || bin === 'hour') query.bin = bin;
    else problems.push(invalid('bin', bin, 'day or hour', ['day', 'hour']));
  }
  if (a['top'] !== undefined) {
    if (/^[1-9]\d*$/.test(a['top'])) query.top = Number(a['top']);
    else problems.push(invalid('top', a['top'], 'a whole number of accounts such as 10'));
  }
  if (a['post'] !== undefined) {
    if (a['post'].trim()) query.post = a['post'].trim();
    else problems.push(invalid('post', '', 'the id of the root post'));
  }
  if (a['status'] !== undefined) {
    const status = AccountStatusSchema.safeParse(a['status']);
    if (status.success) query.status = status.data;
    else problems.push(invalid('status', a['status'], `one of ${AccountStatusSchema.options.join(', ')}`, AccountStatusSchema.options));
  }
  if (measure === 'share' && [a['top'], a['account'], a['accounts']].filter((v) => v !== undefined).length !== 1) {
    problems.push(missing(measure, 'exactly one of top=, account= or accounts='));
  }
  if (measure === 'cascade-size' && a['post'] === undefined) problems.push(missing(measure, 'post='));
  if (measure === 'status-count' && a['status'] === undefined) problems.push(missing(measure, 'status='));

  const expect = a['expect'];
  if (expect !== undefined) {
    const syntax = expectSyntax[unitOf(measure)];
    if (!syntax.pattern.test(expect)) problems.push(invalid('expect', expect, syntax.example));
  }
  return {
    ...(problems.length === 0 ? { query } : {}),
    ...(expect !== undefined && problems.length === 0 ? { expect } : {}),
    problems,
  };
}
