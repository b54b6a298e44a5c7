/**
 * Streaming text input: UTF-8 only, decoded strictly so a wrong encoding fails with its line
 * instead of turning into replacement characters in the evidence.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';

/** Yields decoded string chunks; throws a located diagnostic on UTF-16 or invalid UTF-8. */
export async function* readText(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
): AsyncGenerator<string> {
  const decoded: string[] = [];
  for await (const _ of readCheckedBytes(file, displayPath, onBytes, decoded)) yield decoded.pop()!;
  if (decoded.length > 0) yield decoded.join('');
}

/**
 * Told of each chunk of a file as it is read: its size (for progress), its bytes, and whether it is the
 * first of a read from the start of the file. Whoever needs the file's digest hashes the chunks as they
 * pass instead of reading the file again.
 */
export type OnBytes = (bytes: number, chunk: Buffer, fromStart: boolean) => void;

/**
 * Yields the file's byte chunks once each is known to be UTF-8 (for readers that parse bytes);
 * `decoded`, when given, receives each chunk's text as well, so it is decoded only once. Without it no
 * text is made at all: the bytes are checked in place, which is what lets a byte parser (csv-parse,
 * the streaming JSON parser) read the file at its own speed.
 */
export async function* readCheckedBytes(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
  decoded?: string[],
): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let line = 1;
  // The bytes of a character split across chunks, checked with the next chunk.
  let carry: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const fromStart = first;
    if (first) {
      first = false;
      checkUtf16(chunk, displayPath);
    }
    if (decoded) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw encodingError(displayPath, line + countLines(validPrefix(chunk)), 'bytes that are not UTF-8');
      }
      line += countLines(text);
      decoded.push(text);
    } else {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const end = completeEnd(bytes);
      const whole = bytes.subarray(0, end);
      if (!isUtf8(whole)) throw encodingError(displayPath, line + countLines(validPrefix(whole)), 'bytes that are not UTF-8');
      line += countByteLines(whole);
      carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    }
    onBytes(chunk.length, chunk, fromStart);
    yield chunk;
  }
  if (carry) throw encodingError(displayPath, line, 'a truncated UTF-8 character at the end of the file');
  try {
    const rest = decoder.decode();
    if (rest) decoded?.push(rest);
  } catch {
    throw encodingError(displayPath, line, 'a truncated UTF-8 character at the end of the file');
  }
}

/**
 * Where the last whole character of `bytes` ends: before a lead byte whose continuation bytes have not
 * all arrived yet. Anything malformed is left in, for `isUtf8` to refuse.
 */
function completeEnd(bytes: Buffer): number {
  let start = bytes.length - 1;
  while (start >= 0 && start > bytes.length - 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < 0) return bytes.length;
  const lead = bytes[start]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length > bytes.length ? start : bytes.length;
}

function countByteLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Yields each line with its 1-based number, without the line break. */
export async function* readLines(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
): AsyncGenerator<{ text: string; line: number }> {
  let carry = '';
  let line = 0;
  for await (const chunk of readText(file, displayPath, onBytes)) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    for (const part of parts) yield { text: stripCr(part), line: ++line };
  }
  if (carry) yield { text: stripCr(carry), line: ++line };
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The part of a chunk before its first invalid byte, to count the lines that precede it. */
function validPrefix(chunk: Buffer): string {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return new TextDecoder().decode(chunk.subarray(0, lo));
}

function checkUtf16(chunk: Buffer, displayPath: string): void {
  const bom16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
  // Without a BOM, UTF-16 text of mostly ASCII has a NUL in every other byte.
  const nul = chunk.subarray(0, 64).includes(0);
  if (bom16 || nul) throw encodingError(displayPath, 1, 'UTF-16 text');
}

function encodingError(file: string, line: number, actual: string): DiagnosticError {
  return new DiagnosticError([
    diagnostic({
      file,
      start: { line, column: 1 },
      ruleId: 'import/encoding',
      message: `Unexpected ${actual}, expected UTF-8 text`,
      actual,
      expected: 'UTF-8',
      hint: 'Re-save the export as UTF-8 (for example `iconv -f UTF-16 -t UTF-8 in.csv > out.csv`).',
    }),
  ]);
}
