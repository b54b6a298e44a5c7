/**
 * A zod failure on an imported row, in the project's words (the schema's own messages are written as
 * the "expected" half), placed on the row's line.
 */
import type { ZodError } from 'zod';
import { describeValue, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics } from '../diagnostics/zod-issues.ts';

const rowHint = 'Fix the row in the export, or pass --skip-invalid to leave it out and report it.';

export function zodDiagnostic(error: ZodError, value: unknown, file: string, line: number): Diagnostic {
  const issue = error.issues[0]!;
  const start = { line, column: 1 };
  if (issue.code === 'custom' && issue.path.join('.') === (issue.path.length === 0 ? '' : 'ref')) {
    // The one rule on a whole post: a ref goes with reposts, quotes and replies only.
    const post = (value ?? {}) as { kind?: unknown; ref?: unknown };
    const actual = `a ${describeValue(post.kind)} ${post.ref === undefined ? 'without' : 'with'} \`ref\``;
    return diagnostic({ file, start, ruleId: 'import/invalid-row', message: `Unexpected ${actual}, expected ${issue.message}.`, actual, expected: issue.message, hint: rowHint });
  }
  const [found] = zodIssuesToDiagnostics(error, { file, input: value, locate: () => ({ start }) });
  return { ...found!, start, ruleId: 'import/invalid-row', message: found!.message, hint: found!.hint ?? rowHint };
}
