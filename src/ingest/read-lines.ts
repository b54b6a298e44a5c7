/**
 * The one way Casefile splits a UTF-8 text file into lines: a leading byte-order mark and the `\r` of
 * CRLF endings are dropped, and every reader (ingest, accounts, the check, the data release, the importers)
 * sees the same lines. Reads 1 MiB chunks and splits on `\n` itself, which costs less than node:readline
 * (BENCHMARKS.md, "Splitting lines").
 *
 * One rule for bytes that are not UTF-8 (src/content/utf8.ts): where a file is first read they are a located
 * error, `text/invalid-utf8` at the line and column of the first such byte. Readers that parse bytes ask per
 * record (`readLineBytes` with `firstInvalidUtf8`: the check reports post text so altered as a warning and
 * shows it as U+FFFD); readers of text pass `invalid: { file }` and the reader throws the diagnostic. Only a
 * file the check has already read is decoded without asking, its reported bytes as U+FFFD.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { completeUtf8End, firstInvalidUtf8, invalidUtf8Diagnostic } from '../content/utf8.ts';

/**
 * Told of each chunk of a file as it is read: its size (for progress), its bytes, and whether it is the
 * first of a read from the start of the file. Whoever needs the file's digest hashes the chunks as they
 * pass instead of reading the file again.
 */
export type OnBytes = (bytes: number, chunk: Buffer, fromStart: boolean) => void;

export interface LineReading {
  /** Called with each chunk as it is read (a progress bar, a digest). */
  onBytes?: OnBytes;
  /** Throw the located `text/invalid-utf8` diagnostic, naming `file`, at the first byte that is not UTF-8. */
  invalid?: { file: string };
}

const CHUNK = 1 << 20;

/** Calls `onLine` for every line, 1-based; resolves to the number of lines. */
export async function readLines(
  path: string,
  onLine: (line: string, lineNumber: number) => void,
  reading: LineReading = {},
): Promise<number> {
  let lineNumber = 0;
  for await (const lines of lineBatches(path, reading)) for (const line of lines) onLine(line, ++lineNumber);
  return lineNumber;
}

/**
 * The lines of a UTF-8 file (without a leading byte-order mark or a trailing `\r`), a batch per chunk
 * read: for consumers that pull (a release stream, an importer), at the cost of one array per MiB, not per line.
 */
export async function* lineBatches(path: string, reading: LineReading = {}): AsyncGenerator<string[]> {
  let rest = '';
  let first = true;
  let lineCount = 0;
  for await (const text of decodedChunks(path, reading, () => ({ line: lineCount + 1, column: rest.length }))) {
    let chunk = rest + text;
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    const lines: string[] = [];
    let from = 0;
    let nl = chunk.indexOf('\n');
    while (nl !== -1) {
      const end = nl > from && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(chunk.slice(from, end));
      from = nl + 1;
      nl = chunk.indexOf('\n', from);
    }
    rest = chunk.slice(from);
    lineCount += lines.length;
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest];
}

/**
 * The file's text, chunk by chunk. Checked (`reading.invalid`): each chunk's whole characters are checked
 * in place and decoded, a character split across chunks waits for the next; `at()` says where the chunk
 * starts (the line, and the characters of it already read), so an error names the byte's line and column.
 */
async function* decodedChunks(path: string, reading: LineReading, at: () => { line: number; column: number }): AsyncGenerator<string> {
  const { onBytes, invalid } = reading;
  let fromStart = true;
  if (!invalid) {
    // Decoded as Node decodes a stream read as 'utf8': bytes that are not UTF-8 become U+FFFD.
    const decoder = new StringDecoder('utf8');
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length, chunk, fromStart);
      fromStart = false;
      yield decoder.write(chunk);
    }
    const rest = decoder.end();
    if (rest) yield rest;
    return;
  }
  let carry: Buffer | undefined;
  const invalidAt = (bad: { line: number; column: number }): DiagnosticError => {
    const start = at();
    // (firstInvalidUtf8 counts no byte-order mark as a character of the first line.)
    const column = bad.line === 1 ? start.column + bad.column : bad.column;
    return new DiagnosticError([invalidUtf8Diagnostic(invalid.file, { line: start.line + bad.line - 1, column })]);
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    onBytes?.(chunk.length, chunk, fromStart);
    fromStart = false;
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeUtf8End(bytes);
    const whole = bytes.subarray(0, end);
    if (!isUtf8(whole)) throw invalidAt(firstInvalidUtf8(whole)!);
    carry = end < bytes.length ? Buffer.from(bytes.subarray(end)) : undefined;
    yield whole.toString('utf8');
  }
  if (carry) throw invalidAt(firstInvalidUtf8(carry) ?? { line: 1, column: 1 });
}

/**
 * `readLines` without decoding: calls `onLine` with a buffer and the bounds of each line's bytes in
 * it (a trailing `\r` and a leading byte-order mark left out). UTF-8 never has a `\n` byte inside a
 * character, so splitting bytes splits the same lines as splitting the decoded text. Lines are
 * read in place in each chunk; only a line that spans chunks is copied.
 */
export async function readLineBytes(path: string, onLine: (bytes: Buffer, start: number, end: number, lineNumber: number) => void): Promise<number> {
  let rest: Buffer | undefined;
  let lineNumber = 0;
  const line = (bytes: Buffer, start: number, end: number): void => {
    onLine(bytes, start, end > start && bytes[end - 1] === 13 ? end - 1 : end, ++lineNumber);
  };
  const feed = (bytes: Buffer): void => {
    let from = 0;
    let nl = bytes.indexOf(10);
    if (rest !== undefined) {
      if (nl === -1) {
        rest = Buffer.concat([rest, bytes]);
        return;
      }
      const joined = Buffer.concat([rest, bytes.subarray(0, nl)]);
      line(joined, 0, joined.length);
      from = nl + 1;
      nl = bytes.indexOf(10, from);
    }
    while (nl !== -1) {
      line(bytes, from, nl);
      from = nl + 1;
      nl = bytes.indexOf(10, from);
    }
    rest = from < bytes.length ? bytes.subarray(from) : undefined;
  };
  // The first bytes are held until there are three, to tell a byte-order mark (a chunk may be shorter).
  let head: Buffer | undefined = Buffer.alloc(0);
  const withoutMark = (b: Buffer): Buffer => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (head === undefined) {
      feed(chunk as Buffer);
      continue;
    }
    head = Buffer.concat([head, chunk as Buffer]);
    if (head.length >= 3) {
      feed(withoutMark(head));
      head = undefined;
    }
  }
  if (head !== undefined) feed(withoutMark(head));
  if (rest !== undefined) line(rest, 0, rest.length);
  return lineNumber;
}
