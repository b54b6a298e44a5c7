/** Turn a zod failure on an imported record into a located "Unexpected X, expected Y" diagnostic. */
import type { ZodError } from 'zod';
import { describeValue, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export function zodDiagnostic(error: ZodError, value: unknown, file: string, line: number): Diagnostic {
  const issue = error.issues[0]!;
  const path = issue.path.join('.');
  const actual = describeValue(valueAt(value, issue.path));
  const expected = issue.message.replace(/^Expected /, '').replace(/^Required$/, 'a value');
  return diagnostic({
    file,
    start: { line, column: 1 },
    ruleId: 'import/invalid-row',
    message: `Unexpected ${actual} in \`${path || 'row'}\`, expected ${expected}`,
    actual,
    expected,
    hint: 'Fix the row in the export, or pass --skip-invalid to leave it out and report it.',
  });
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
