/**
 * Streaming text input: UTF-8 only, checked strictly so a wrong encoding fails with its place instead of
 * turning into replacement characters in the evidence. Bytes that are not UTF-8 follow the project's one
 * rule (src/ingest/read-lines.ts): a located `text/invalid-utf8` error. UTF-16, a whole file in the wrong
 * encoding, is told apart first.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { completeUtf8End, firstInvalidUtf8, invalidUtf8Diagnostic } from '../content/utf8.ts';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { lineBatches, type OnBytes } from '../ingest/read-lines.ts';

export type { OnBytes };

/**
 * Yields the file's byte chunks once each is known to be UTF-8 (for readers that parse bytes). No text is
 * made: the bytes are checked in place, which is what lets a byte parser (csv-parse, the streaming JSON
 * parser) read the file at its own speed.
 */
export async function* readCheckedBytes(file: string, displayPath: string, onBytes: OnBytes): AsyncGenerator<Buffer> {
  let first = true;
  // Where the next chunk starts: its line, and the characters of that line already read.
  let line = 1;
  let column = 0;
  // The bytes of a character split across chunks, checked with the next chunk.
  let carry: Buffer | undefined;
  const invalidAt = (bad: { line: number; column: number }) =>
    new DiagnosticError([invalidUtf8Diagnostic(displayPath, { line: line + bad.line - 1, column: bad.line === 1 ? column + bad.column : bad.column })]);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const fromStart = first;
    if (first) {
      first = false;
      checkUtf16(chunk, displayPath);
    }
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeUtf8End(bytes);
    const whole = bytes.subarray(0, end);
    if (!isUtf8(whole)) throw invalidAt(firstInvalidUtf8(whole)!);
    const lastBreak = whole.lastIndexOf(10);
    if (lastBreak >= 0) {
      line += countByteLines(whole);
      column = characters(whole, lastBreak + 1);
    } else column += characters(whole, 0);
    carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    onBytes(chunk.length, chunk, fromStart);
    yield chunk;
  }
  if (carry) throw invalidAt({ line: 1, column: 1 });
}

/**
 * Characters in `bytes[from..]` as columns count them (UTF-16 code units, as `firstInvalidUtf8` does): a
 * byte that does not continue a character starts one, two for a four-byte character.
 */
function characters(bytes: Buffer, from: number): number {
  let n = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** Yields each line with its 1-based number, without the line break. */
export async function* readLines(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
): AsyncGenerator<{ text: string; line: number }> {
  checkUtf16(await head(file), displayPath);
  let line = 0;
  for await (const lines of lineBatches(file, { onBytes, invalid: { file: displayPath } })) {
    for (const text of lines) yield { text, line: ++line };
  }
}

/** The first bytes of a file, enough to tell UTF-16. */
async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function countByteLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function checkUtf16(chunk: Buffer, displayPath: string): void {
  const bom16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
  // Without a BOM, UTF-16 text of mostly ASCII has a NUL in every other byte.
  const nul = chunk.subarray(0, 64).includes(0);
  if (bom16 || nul) {
    throw new DiagnosticError([
      diagnostic({
        file: displayPath,
        start: { line: 1, column: 1 },
        ruleId: 'import/encoding',
        message: 'Unexpected UTF-16 text, expected UTF-8 text.',
        actual: 'UTF-16 text',
        expected: 'UTF-8',
        hint: 'Re-save the export as UTF-8 (for example `iconv -f UTF-16 -t UTF-8 in.csv > out.csv`).',
      }),
    ]);
  }
}
