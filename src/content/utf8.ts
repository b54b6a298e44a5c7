/**
 * Input text must be UTF-8. Node's decoder turns bytes that are not into U+FFFD without a word, which would
 * alter an editor's text or a dataset silently; every reader of an input file asks here first.
 */
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';

/** The 1-based line and column (in characters) of the first byte of `bytes[start..end)` that is not UTF-8, or undefined. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): { line: number; column: number; offset: number } | undefined {
  if (isUtf8(bytes.subarray(start, end))) return undefined;
  // Rare path: find the first offset where a strict decoder of the prefix fails.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let good = start;
  let i = start;
  while (i < end) {
    const lead = bytes[i]!;
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (size === 0 || i + size > end) break;
    try {
      decoder.decode(bytes.subarray(i, i + size));
    } catch {
      break;
    }
    i += size;
    good = i;
  }
  const before = new TextDecoder().decode(bytes.subarray(start, good));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { line, column, offset: good };
}

/**
 * Where the last whole character of `bytes` ends: before a lead byte whose continuation bytes have not all
 * arrived yet (a file read in chunks). Anything malformed is left in, for `isUtf8` to refuse.
 */
export function completeUtf8End(bytes: Uint8Array): number {
  let start = bytes.length - 1;
  while (start >= 0 && start > bytes.length - 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < 0) return bytes.length;
  const lead = bytes[start]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length > bytes.length ? start : bytes.length;
}

/** The located diagnostic for bytes that are not UTF-8, `lineOffset` lines into `file`. */
export function invalidUtf8Diagnostic(
  file: string,
  at: { line: number; column: number },
  severity: Severity = 'error',
  lineOffset = 0,
): Diagnostic {
  return diagnostic({
    file,
    start: { line: at.line + lineOffset, column: at.column },
    severity,
    ruleId: 'text/invalid-utf8',
    message:
      severity === 'error'
        ? 'Unexpected bytes that are not UTF-8, expected UTF-8 text.'
        : 'Unexpected bytes that are not UTF-8 in a post, expected UTF-8 text; they are shown as � (U+FFFD).',
    expected: 'UTF-8',
    hint: 'Re-save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8 in.md > out.md`), or re-run the import.',
  });
}

/** A file's text, or the error that it is not UTF-8 (a byte-order mark is kept for the parser to drop). */
export async function readUtf8(abs: string, file: string): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const bytes = await readFile(abs);
  const bad = firstInvalidUtf8(bytes);
  return { text: bytes.toString('utf8'), diagnostics: bad ? [invalidUtf8Diagnostic(file, bad)] : [] };
}
