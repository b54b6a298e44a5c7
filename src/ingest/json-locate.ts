/**
 * Syntax errors in JSON text, placed with momoa only when something is wrong: the fast path uses
 * JSON.parse, and a failing line or file is parsed again with locations to point at the problem.
 * Values inside valid JSON are located by `jsonTextLocator` (src/diagnostics/positions.ts).
 */
import { parse } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export const NDJSON_HINT = 'Each line of an NDJSON file must be one complete JSON value.';
export const ARRAY_HINT = 'A posts file in `json` format is one JSON array of posts, separated by commas.';

/** The `json/syntax` diagnostic for text JSON.parse refused, placed where momoa stops. */
export function syntaxDiagnostic(text: string, file: string, lineOffset = 0, columnOffset = 0, hint = NDJSON_HINT): Diagnostic {
  const column = (line: number, c: number): number => (line === 1 ? c + columnOffset : c);
  try {
    parse(text, { mode: 'json' });
  } catch (error) {
    if (error instanceof RangeError) {
      return diagnostic({
        file,
        start: { line: 1 + lineOffset, column: 1 + columnOffset },
        ruleId: 'json/too-deep',
        message: 'Unexpected nesting deeper than the reader can follow, expected a post of ordinary depth.',
        hint: 'A canonical post is at most a few levels deep; this record is probably corrupt or hostile.',
      });
    }
    const e = error as { message: string; line?: number; column?: number };
    const reason = e.message.replace(/\s*\(\d+:\d+\)$/, '').replace(/\.$/, '');
    return diagnostic({
      file,
      start: { line: (e.line ?? 1) + lineOffset, column: column(e.line ?? 1, e.column ?? 1) },
      ruleId: 'json/syntax',
      message: `${reason}, expected valid JSON.`,
      hint,
    });
  }
  return diagnostic({
    file,
    start: { line: 1 + lineOffset, column: 1 + columnOffset },
    ruleId: 'json/syntax',
    message: 'Unexpected text that JSON.parse refuses, expected valid JSON.',
  });
}
