/**
 * Turns zod issues into diagnostics that point at the offending value in the file.
 * The schema says what it expected (custom messages are written as the "expected" half);
 * this module adds what was found and where.
 */
import { z, type ZodError, type ZodIssue, type ZodTypeAny } from 'zod';
import { describeValue, diagnostic, type Diagnostic, type Position } from './diagnostic.ts';
import { closest } from './suggest.ts';

export type IssuePath = (string | number)[];

export interface Span {
  start: Position;
  end?: Position;
  /** The value's text as written, where parsing may have changed it (a number past 2^53 loses digits). */
  source?: string;
}

/**
 * Finds the span of the value at `path` in the parsed file, or of its key when `key` is set
 * (used for unknown fields). Returns undefined when the path is absent.
 */
export type Locate = (path: IssuePath, options?: { key?: boolean }) => Span | undefined;

export interface ZodIssueOptions {
  file: string;
  /** The raw input that was validated, to quote the value found. */
  input: unknown;
  locate: Locate;
  /** The schema that was applied, to suggest the right name for an unknown field. */
  schema?: ZodTypeAny;
}

export function zodIssuesToDiagnostics(error: ZodError, options: ZodIssueOptions): Diagnostic[] {
  return error.issues.flatMap((issue) => issueToDiagnostics(issue, options));
}

function issueToDiagnostics(issue: ZodIssue, options: ZodIssueOptions): Diagnostic[] {
  const { file, input, locate } = options;
  const path = issue.path;
  const field = fieldName(path);
  const value = valueAt(input, path);
  const where = nearestSpan(locate, path);

  if (issue.code === 'unrecognized_keys') {
    const known = options.schema ? keysAt(options.schema, path) : undefined;
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      const span = locate(keyPath, { key: true }) ?? where;
      const suggestion = known ? closest(key, known) : undefined;
      return diagnostic({
        file,
        ...span,
        ruleId: 'schema/unknown-key',
        message: `Unexpected field \`${fieldName(keyPath)}\`, expected only the fields this file type defines.`,
        actual: key,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Remove it, or check its spelling and indentation.',
      });
    });
  }

  if (issue.code === 'invalid_type' && (issue.received === 'undefined' || value === undefined)) {
    // Point at the start of the enclosing block: the field belongs there.
    const { start } = nearestSpan(locate, path.slice(0, -1), { key: false });
    return [
      diagnostic({
        file,
        start,
        ruleId: 'schema/missing',
        message: `Unexpected missing field \`${field}\`, expected ${expectedType(issue)}.`,
        expected: expectedType(issue),
        hint: `Add \`${String(path[path.length - 1])}:\` with a value.`,
      }),
    ];
  }

  if (issue.code === 'invalid_type') {
    // A number is quoted as written: 1790000000000000001 parses as …000, and the hint must not say to write that.
    const written = typeof value === 'number' && where.source !== undefined ? where.source : value;
    return [
      diagnostic({
        file,
        start: where.start,
        ...(where.end ? { end: where.end } : {}),
        ruleId: 'schema/invalid-type',
        message: `Unexpected ${describeValue(written)} (${issue.received}) in \`${field}\`, expected ${expectedType(issue)}.`,
        actual: describeValue(written),
        expected: expectedType(issue),
        hint: quotingHint(issue, value, written),
      }),
    ];
  }

  if (issue.code === 'invalid_enum_value') {
    const options = issue.options.map(String);
    const suggestion = typeof value === 'string' ? closest(value, options) : undefined;
    return [
      diagnostic({
        file,
        ...where,
        ruleId: 'schema/invalid-value',
        message: `Unexpected ${describeValue(value)} in \`${field}\`, expected one of ${options.map((o) => `\`${o}\``).join(', ')}.`,
        actual: describeValue(value),
        expected: options.join(' | '),
        ...(suggestion ? { hint: `Did you mean \`${suggestion}\`?` } : {}),
      }),
    ];
  }

  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest: its issues are the most specific.
    const best = [...issue.unionErrors].sort((a, b) => depth(b) - depth(a))[0];
    if (best) return best.issues.flatMap((i) => issueToDiagnostics(i, options));
  }

  const expected = expectedFromMessage(issue);
  // A schema's own refinement may say what to do (`params: { hint }`).
  const hint = issue.code === 'custom' && typeof issue.params?.['hint'] === 'string' ? (issue.params['hint'] as string) : undefined;
  return [
    diagnostic({
      file,
      ...where,
      ruleId: issue.code === 'too_small' || issue.code === 'too_big' ? 'schema/out-of-range' : 'schema/invalid-value',
      message: `Unexpected ${describeValue(value)} in \`${field}\`, expected ${expected}.`,
      actual: describeValue(value),
      expected,
      ...(hint ? { hint } : {}),
    }),
  ];
}

function depth(error: ZodError): number {
  return Math.max(0, ...error.issues.map((i) => i.path.length));
}

function expectedType(issue: Extract<ZodIssue, { code: 'invalid_type' }>): string {
  if (issue.message && !/^(Required|Expected .* received .*)$/i.test(issue.message)) return issue.message;
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: '`true` or `false`',
    array: 'a list',
    object: 'a set of fields',
    date: 'a date',
  };
  return names[issue.expected] ?? `a ${issue.expected}`;
}

/** Custom messages in our schemas are written as the "expected" half of the sentence. */
function expectedFromMessage(issue: ZodIssue): string {
  if (issue.code === 'too_small') {
    if (issue.type === 'array') return `a list of at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
    if (issue.type === 'string') return issue.minimum === 1 ? 'text that is not empty' : `text of at least ${issue.minimum} characters`;
    return `a value of at least ${issue.minimum}`;
  }
  if (issue.code === 'too_big') {
    if (issue.type === 'array') return `a list of at most ${issue.maximum} items`;
    if (issue.type === 'string') return `text of at most ${issue.maximum} characters`;
    return `a value of at most ${issue.maximum}`;
  }
  if (issue.message && !/^Invalid/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_string') return `a valid ${String(issue.validation)}`;
  return 'a valid value';
}

function quotingHint(issue: Extract<ZodIssue, { code: 'invalid_type' }>, value: unknown, written: unknown): string | undefined {
  if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    const rounded = typeof value === 'number' && String(written) !== String(value) && /^-?\d+$/.test(String(written));
    return `Put the value in quotes ("${String(written)}") so it is read as text${rounded ? ': unquoted, a number this long loses its last digits (ids are always written in quotes)' : ''}.`;
  }
  if (issue.expected === 'array' && typeof value === 'string') return 'Write a list: `[a, b]` or one `- item` per line.';
  return undefined;
}

/** Field names the schema allows at `path`, looking through optional, default, refine and array wrappers. */
export function keysAt(schema: ZodTypeAny, path: IssuePath): string[] | undefined {
  let cur: ZodTypeAny | undefined = schema;
  for (let i = 0; i <= path.length && cur; ) {
    if (cur instanceof z.ZodEffects) cur = cur.innerType();
    else if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
    else if (cur instanceof z.ZodDefault) cur = cur.removeDefault();
    else if (i === path.length) break;
    else if (cur instanceof z.ZodArray) {
      cur = cur.element;
      i++;
    } else if (cur instanceof z.ZodObject) {
      cur = (cur.shape as Record<string, ZodTypeAny>)[String(path[i])];
      i++;
    } else return undefined;
  }
  return cur instanceof z.ZodObject ? Object.keys(cur.shape as object) : undefined;
}

export function fieldName(path: IssuePath): string {
  if (path.length === 0) return '(root)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function valueAt(input: unknown, path: IssuePath): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function nearestSpan(locate: Locate, path: IssuePath, options?: { key?: boolean }): Span {
  for (let n = path.length; n >= 0; n--) {
    const span = locate(path.slice(0, n), n === path.length ? options : undefined);
    if (span) return span;
  }
  return { start: { line: 1, column: 1 } };
}

