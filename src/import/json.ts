/** JSON parsing that reports where a document breaks, and keeps large integer ids exact. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';

const mayHoldBigInteger = /[:[,]\s*-?\d{16}/;

/** A JSON number's text as a value: the number, or the digits as written when a double would round them. */
export function exactNumber(literal: string): number | string {
  const n = Number(literal);
  return Number.isSafeInteger(n) || !/^-?\d+$/.test(literal) ? n : literal;
}

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
 * Quote integer literals too large for a double (tweet ids in snscrape output, an id someone wrote
 * unquoted), so `JSON.parse` keeps every digit as written. Walks the text once, skipping strings; a text
 * with no run of 16 digits after `:`, `[` or `,` (every line of most exports) is returned at once.
 */
export function quoteBigIntegers(text: string): string {
  if (!mayHoldBigInteger.test(text)) return text;
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
