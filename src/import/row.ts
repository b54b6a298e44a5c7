/** Small helpers every reader shares: located row errors, URL filtering, counts. */
import { describeValue, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { isHttpUrl } from '../schema/common.ts';
import type { RowInvalid } from './types.ts';

export function invalidRow(file: string, at: { line: number; column: number }, field: string, value: unknown, expected: string, hint?: string): RowInvalid {
  return { type: 'invalid', diagnostic: rowDiagnostic(file, at.line, at.column, field, value, expected, hint) };
}

export function rowDiagnostic(
  file: string,
  line: number,
  column: number,
  field: string,
  value: unknown,
  expected: string,
  hint?: string,
): Diagnostic {
  const actual = describeValue(value);
  return diagnostic({
    file,
    start: { line, column },
    ruleId: 'import/invalid-row',
    message: `Unexpected ${actual} in \`${field}\`, expected ${expected}.`,
    actual,
    expected,
    hint: hint ?? 'Fix the row in the export, or pass --skip-invalid to leave it out and report it.',
  });
}

/** Keep http(s) links only; each other one dropped is recorded as a change. */
export function httpOnly(urls: Iterable<unknown>, changes: string[]): string[] {
  const kept: string[] = [];
  for (const url of urls) {
    if (typeof url === 'string' && isHttpUrl(url)) {
      if (!kept.includes(url)) kept.push(url);
    } else if (url !== null && url !== undefined && url !== '') {
      changes.push('non-http URL dropped');
    }
  }
  return kept;
}

/** A non-negative whole count from `12`, `"12"` or `"12.0"`; undefined when empty or absent. */
export function count(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const whole = plainCount(value);
    if (whole >= 0) return whole;
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * What archives write six times a row, `12` or `12.0`, read without Number's general parse: the count,
 * or -1 for anything else (which `count` then reads as Number would).
 */
function plainCount(s: string): number {
  let end = s.length;
  if (end > 2 && s.charCodeAt(end - 1) === 48 && s.charCodeAt(end - 2) === 46) end -= 2;
  if (end === 0 || end > 15) return -1;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** An export's engagement counts, under the canonical names; values as the export writes them. */
export interface RawMetrics {
  reposts?: unknown;
  quotes?: unknown;
  replies?: unknown;
  likes?: unknown;
  views?: unknown;
}

/**
 * Canonical metrics: counts mean something only with the time they were observed, so without one they
 * are dropped, and the drop is reported as a change. Undefined when the export gives no count at all.
 */
export function metricsAt(raw: RawMetrics, observedAt: string | undefined, changes: string[]) {
  const reposts = count(raw.reposts) ?? undefined;
  const quotes = count(raw.quotes) ?? undefined;
  const replies = count(raw.replies) ?? undefined;
  const likes = count(raw.likes) ?? undefined;
  const views = count(raw.views) ?? undefined;
  if (reposts === undefined && quotes === undefined && replies === undefined && likes === undefined && views === undefined) return undefined;
  if (!observedAt) {
    changes.push('metrics dropped: no observation time (pass --observed-at)');
    return undefined;
  }
  // Built member by member in the schema's order, none undefined: no copy to filter them out.
  const metrics: { reposts?: number; quotes?: number; replies?: number; likes?: number; views?: number; observedAt: string } = {} as never;
  if (reposts !== undefined) metrics.reposts = reposts;
  if (quotes !== undefined) metrics.quotes = quotes;
  if (replies !== undefined) metrics.replies = replies;
  if (likes !== undefined) metrics.likes = likes;
  if (views !== undefined) metrics.views = views;
  metrics.observedAt = observedAt;
  return metrics;
}

/**
 * A copy without the undefined members, so validated output carries only what the source gave. A copy,
 * not `delete`: deleting keys turns an object into a slow dictionary for everything that reads it later.
 */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/**
 * Codes exports put in a language field that name no language: `und` (undetermined), `zxx` (no
 * linguistic content: X's code for a post of links or media only) and ISO 639's private-use range
 * qaa–qtz, which X uses for its own labels (`qme` media only, `qht` hashtags only, `qam` mentions
 * only, `qct` cashtags only, `qst` a text too short to tell). Marking a text with one of these would
 * tell a screen reader or a hyphenator nothing true, so the post's language is left unset instead.
 */
const noLanguage = /^(?:und|zxx|q[a-t][a-z])$/i;

const canonicalTags = new Map<string, string>();

/**
 * A post's `lang` from what an export gives: the canonical BCP 47 tag (`zh-cn` becomes `zh-CN`, X's old
 * `in` and `iw` become `id` and `he`); undefined when the export gives none or a code that names no
 * language. Anything else is kept as written, for the schema to refuse with the row's line.
 */
export function postLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // Exports repeat a few dozen codes over millions of rows: each is canonicalised once.
  let tag = canonicalTags.get(value);
  if (tag === undefined) {
    const trimmed = value.trim();
    tag = noLanguage.test(trimmed) ? '' : (canonicalLanguage(trimmed) ?? value);
    if (canonicalTags.size < 4096) canonicalTags.set(value, tag);
  }
  return tag === '' ? undefined : tag;
}

function canonicalLanguage(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}
