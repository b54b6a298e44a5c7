/** Parses a JSON file with positions; a syntax error becomes a diagnostic at its line and column. */
import { parse as parseJsonAst, evaluate } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonLocator } from '../diagnostics/positions.ts';
import type { Locate } from '../diagnostics/zod-issues.ts';
import { controlDiagnostics } from './control-characters.ts';
import { readUtf8 } from './utf8.ts';

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

/**
 * A JSON input file read whole: not UTF-8, a syntax error, or a control character in any key or string
 * (written as `\u0000` in JSON, so no text editor shows it) is a located error.
 */
export async function readJsonFile(abs: string, file: string): Promise<JsonFile> {
  const { text, diagnostics } = await readUtf8(abs, file);
  const parsed = parseJsonFile(text, file);
  if (parsed.diagnostics.length === 0) parsed.diagnostics.push(...controlDiagnostics(parsed.data, file, parsed.locate));
  parsed.diagnostics.unshift(...diagnostics);
  return parsed;
}

/** momoa names tokens; editors think in characters. */
const TOKENS: Record<string, string> = {
  Comma: '`,`',
  Colon: '`:`',
  LBrace: '`{`',
  RBrace: '`}`',
  LBracket: '`[`',
  RBracket: '`]`',
  String: 'a string',
  Number: 'a number',
  Boolean: '`true` or `false`',
  Null: '`null`',
};

export function jsonSyntaxDiagnostic(error: unknown, file: string, lineOffset = 0): Diagnostic {
  const e = error as { message?: string; line?: number; column?: number };
  const raw = (e.message ?? String(error)).replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '');
  const token = /^Unexpected token (\w+) found$/.exec(raw)?.[1];
  const message = token
    ? `Unexpected ${TOKENS[token] ?? token} in JSON, expected a value, or the next field after a single comma.`
    : /end of input/i.test(raw)
      ? 'Unexpected end of the file in JSON, expected the rest of the document (a closing `}` or `]`).'
      : `Unexpected JSON: ${raw.replace(/^Unexpected /, '')}, expected valid JSON.`;
  return diagnostic({
    file,
    start: { line: (e.line ?? 1) + lineOffset, column: e.column ?? 1 },
    ruleId: 'json/syntax',
    message,
    hint: 'Look for a missing comma, quote or bracket just before this point.',
  });
}
