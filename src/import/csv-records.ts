/** Stream CSV records with the line each starts on; a malformed record becomes a located diagnostic. */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { diagnostic, DiagnosticError, type Position } from '../diagnostics/diagnostic.ts';
import { readCheckedBytes, type OnBytes } from './text.ts';

export interface CsvRecord {
  values: Record<string, string>;
  line: number;
  /** Where the record's bytes lie in the file, its line end included: to place a cell only when one is wrong. */
  bytes: { start: number; end: number };
}

export async function* readCsvRecords(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
  delimiter = ',',
): AsyncGenerator<CsvRecord> {
  const parser = parse({ columns: true, info: true, bom: true, delimiter, skip_empty_lines: true });
  // Lines are counted from the bytes, not taken from csv-parse, which counts a \r\n inside a quoted
  // field (a post's text in an export saved on Windows) as two lines and so misplaces every later row.
  const lines = new LineCounter();
  let headerEnd = -1;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of readCheckedBytes(file, displayPath, onBytes)) {
      if (headerEnd < 0) headerEnd = endOfFirstRecord(chunk.toString('utf8'));
      lines.feed(chunk);
      yield chunk;
    }
  }
  // Bytes, checked as UTF-8 in place: csv-parse decodes each field itself, so no text of the whole file is made.
  pipeline(Readable.from(counted()), parser, () => {});
  let previousEnd = 1;
  let previousBytes = -1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      const start = previousBytes < 0 ? headerEnd : previousBytes;
      const line = start < 0 ? previousEnd + 1 : lines.lineAt(start);
      yield { values: record, line, bytes: { start, end: info.bytes } };
      previousEnd = line;
      previousBytes = info.bytes;
    }
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    const e = error as CsvError & { lines?: number };
    throw new DiagnosticError([
      diagnostic({
        file: displayPath,
        start: { line: e.lines ?? previousEnd + 1, column: 1 },
        ruleId: 'import/invalid-csv',
        message: `Unexpected ${csvProblem(e)}, expected a CSV record with one value per header column.`,
        actual: e.code,
        expected: 'a well-formed CSV record',
        hint: 'Check the line for an unclosed quote or a stray delimiter; the file may also be truncated.',
      }),
    ]);
  }
}

function csvProblem(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'an unclosed quote';
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'a record with the wrong number of columns';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a character after a closing quote';
    default:
      return `malformed CSV (${e.message})`;
  }
}

/**
 * The line and column where a record's cell under `column` starts, read again from the file: csv-parse
 * keeps no positions of fields, and asking it for each record's raw text would cost every row of a
 * million what only a wrong one needs. Falls back to the record's first column when the header has no
 * such column (or the record's first byte is not known yet: the header's end is learnt with the first record).
 */
export async function cellPosition(file: string, record: CsvRecord, column: string | undefined, delimiter = ','): Promise<Position> {
  const index = column === undefined ? -1 : Object.keys(record.values).indexOf(column);
  const start = { line: record.line, column: 1 };
  if (index < 0) return start;
  let bytes = record.bytes;
  const handle = await open(file);
  try {
    // The first record starts where the header ends: the first line end outside quotes.
    if (bytes.start < 0) {
      const head = Buffer.alloc(Math.min(bytes.end, 1 << 20));
      await handle.read(head, 0, head.length, 0);
      bytes = { start: endOfFirstRecord(head.toString('utf8')), end: bytes.end };
      if (bytes.start < 0) return start;
    }
    const raw = Buffer.alloc(bytes.end - bytes.start);
    await handle.read(raw, 0, raw.length, bytes.start);
    return cellStart(raw.toString('utf8'), delimiter, index, record.line);
  } finally {
    await handle.close();
  }
}

/**
 * Line numbers of byte offsets in a stream read once: chunks are kept only until the offsets asked for
 * (which only grow) have passed them, and newlines are counted with Buffer.indexOf, not byte by byte.
 */
class LineCounter {
  private chunks: Buffer[] = [];
  /** Offset of chunks[0] in the stream, and of the first byte not yet counted. */
  private chunkStart = 0;
  private position = 0;
  private newlines = 0;

  feed(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /** 1-based line of the byte at `offset`. */
  lineAt(offset: number): number {
    while (this.position < offset && this.chunks.length > 0) {
      const chunk = this.chunks[0]!;
      const end = Math.min(offset, this.chunkStart + chunk.length) - this.chunkStart;
      let at = this.position - this.chunkStart;
      while ((at = chunk.indexOf(10, at)) !== -1 && at < end) {
        this.newlines++;
        at++;
      }
      this.position = this.chunkStart + end;
      if (end === chunk.length) {
        this.chunks.shift();
        this.chunkStart += chunk.length;
      }
    }
    return this.newlines + 1;
  }
}

/** Byte offset just past the header line (a BOM counted), or -1. */
function endOfFirstRecord(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) return Buffer.byteLength(text.slice(0, i + 1));
  }
  return -1;
}

/**
 * Line and column (in characters, from `line`) of field `index` in one raw CSV record: delimiters inside
 * quotes and doubled quotes are part of a field, and a quoted field may run over lines.
 */
export function cellStart(raw: string, delimiter: string, index: number, line: number): Position {
  let column = 1;
  let field = 0;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < raw.length; ) {
    if (field === index && atStart) return { line, column };
    const c = raw[i]!;
    if (!quoted && raw.startsWith(delimiter, i)) {
      field++;
      i += delimiter.length;
      column += delimiter.length;
      atStart = true;
      continue;
    }
    if (c === '"') {
      if (atStart) quoted = true;
      else if (quoted && raw[i + 1] === '"') {
        i += 2;
        column += 2;
        continue;
      } else if (quoted) quoted = false;
    }
    atStart = false;
    if (c === '\n') {
      line++;
      column = 1;
      i++;
      continue;
    }
    // A character outside the Basic Multilingual Plane is one column, as an editor counts it.
    i += c.codePointAt(0)! > 0xffff ? 2 : 1;
    column++;
  }
  return { line, column };
}
