/** JSON parsing that reports where a document breaks, and keeps large integer ids exact. */
import { parse as parseWithPositions } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false; diagnostic: Diagnostic };

/** Parse `text` (found at `line` of `file`); a syntax error becomes an `import/invalid-json` diagnostic. */
export function parseJson(text: string, file: string, line = 1): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, diagnostic: locateSyntaxError(text, file, line) };
  }
}

function locateSyntaxError(text: string, file: string, firstLine: number): Diagnostic {
  let where = { line: 1, column: 1 };
  let offset = 0;
  let endOfInput = false;
  try {
    parseWithPositions(text);
  } catch (error) {
    const e = error as { line?: number; column?: number; offset?: number; message?: string };
    endOfInput = /end of input/i.test(e.message ?? '');
    if (typeof e.line === 'number' && typeof e.column === 'number') where = { line: e.line, column: e.column };
    if (typeof e.offset === 'number') offset = e.offset;
  }
  // An error on the last token means the document stops early rather than holding a wrong character.
  const truncated = endOfInput || (/^\S*\s*$/.test(text.slice(offset)) && !/[}\]]\s*$/.test(text));
  const found = truncated ? 'end of input' : describeAt(text, offset);
  return diagnostic({
    file,
    start: { line: firstLine + where.line - 1, column: where.column },
    ruleId: 'import/invalid-json',
    message: truncated
      ? 'Unexpected end of input, expected the rest of the JSON document'
      : `Unexpected ${found}, expected valid JSON`,
    actual: found,
    expected: 'valid JSON',
    hint: truncated
      ? 'The file looks truncated: export or download it again.'
      : 'Check the line for a stray character, a missing comma or an unescaped quote.',
  });
}

function describeAt(text: string, offset: number): string {
  const ch = text[offset];
  return ch === undefined ? 'end of input' : `\`${ch}\``;
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
