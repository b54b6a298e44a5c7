/** Parses a JSON file with positions; a syntax error becomes a diagnostic at its line and column. */
import { parse as parseJsonAst, evaluate } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonLocator } from '../diagnostics/positions.ts';
import type { Locate } from '../diagnostics/zod-issues.ts';

export interface JsonFile {
  data: unknown;
  locate: Locate;
  diagnostics: Diagnostic[];
}

export function parseJsonFile(text: string, file: string): JsonFile {
  try {
    const ast = parseJsonAst(text.replace(/^\uFEFF/, ''));
    return { data: evaluate(ast.body), locate: jsonLocator(ast), diagnostics: [] };
  } catch (error) {
    return { data: undefined, locate: () => undefined, diagnostics: [jsonSyntaxDiagnostic(error, file)] };
  }
}

export function jsonSyntaxDiagnostic(error: unknown, file: string, lineOffset = 0): Diagnostic {
  const e = error as { message?: string; line?: number; column?: number };
  const message = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return diagnostic({
    file,
    start: { line: (e.line ?? 1) + lineOffset, column: e.column ?? 1 },
    ruleId: 'json/syntax',
    message: `Unexpected JSON: ${message.replace(/\.$/, '')}.`,
    hint: 'Look for a missing comma, quote or bracket just before this point.',
  });
}
