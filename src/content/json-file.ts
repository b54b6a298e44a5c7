/** Parses a JSON file with positions; a syntax error becomes a diagnostic at its line and column. */
import { parse as parseJsonAst, evaluate } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';
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
    const json = text.replace(/^\uFEFF/, '');
    const ast = parseJsonAst(json);
    return { data: evaluate(ast.body), locate: jsonLocator(ast, 0, 0, [], json), diagnostics: [] };
  } catch {
    return { data: undefined, locate: () => undefined, diagnostics: [jsonSyntaxDiagnostic(text, file)] };
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
