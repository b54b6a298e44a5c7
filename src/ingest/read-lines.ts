/**
 * The one way Casefile splits a UTF-8 text file into lines: a leading byte-order mark and the `\r` of
 * CRLF endings are dropped, and every reader (ingest, accounts, the data release) sees the same lines.
 * Reads 1 MiB chunks and splits on `\n` itself: node:readline costs about a third more on large NDJSON files.
 */
import { createReadStream } from 'node:fs';

/** Calls `onLine` for every line, 1-based; resolves to the number of lines. */
export async function readLines(path: string, onLine: (line: string, lineNumber: number) => void): Promise<number> {
  let lineNumber = 0;
  for await (const lines of lineBatches(path)) for (const line of lines) onLine(line, ++lineNumber);
  return lineNumber;
}

/**
 * The lines of a UTF-8 file (without a leading byte-order mark or a trailing `\r`), a batch per chunk
 * read: for consumers that pull (a release stream), at the cost of one array per MiB, not per line.
 */
export async function* lineBatches(path: string): AsyncGenerator<string[]> {
  let rest = '';
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    let text = rest + (chunk as string);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const lines: string[] = [];
    let from = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(text.slice(from, end));
      from = nl + 1;
      nl = text.indexOf('\n', from);
    }
    rest = text.slice(from);
    if (lines.length > 0) yield lines;
  }
  if (rest.length > 0) yield [rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest];
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
