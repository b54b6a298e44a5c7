/** JSON parsing that reports where a document breaks, and keeps large integer ids exact. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

/** Parse `text` (found at `line` of `file`); a syntax error becomes the `json/syntax` diagnostic. */
export function parseJson(text: string, file: string, line = 1): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, diagnostic: jsonSyntaxDiagnostic(text, file, { lineOffset: line - 1 }) };
  }
}

/**
 * Quote integer literals too large for a double (tweet ids in snscrape output), so
 * `JSON.parse` keeps every digit. Walks the text once, skipping strings.
 */
export function quoteBigIntegers(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      const start = i;
      i++;
      while (i < text.length && /[0-9.eE+-]/.test(text[i]!)) i++;
      const literal = text.slice(start, i);
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(last, start)}"${literal}"`;
        last = i;
      }
    } else {
      i++;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
