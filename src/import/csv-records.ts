/** Stream CSV records with the line each starts on; a malformed record becomes a located diagnostic. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readCheckedBytes, type OnBytes } from './text.ts';

export interface CsvRecord {
  values: Record<string, string>;
  line: number;
}

export async function* readCsvRecords(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
  delimiter = ',',
): AsyncGenerator<CsvRecord> {
  const parser = parse({ columns: true, info: true, bom: true, delimiter, skip_empty_lines: true });
  // Bytes, checked as UTF-8 in place: csv-parse decodes each field itself, so no text of the whole file is made.
  pipeline(Readable.from(readCheckedBytes(file, displayPath, onBytes)), parser, () => {});
  let previousEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { values: record, line: previousEnd + 1 };
      previousEnd = info.lines;
    }
  } catch (error) {
    if (error instanceof DiagnosticError) throw error;
    const e = error as CsvError & { lines?: number };
    throw new DiagnosticError([
      diagnostic({
        file: displayPath,
        start: { line: e.lines ?? previousEnd + 1, column: 1 },
        ruleId: 'import/invalid-csv',
        message: `Unexpected ${csvProblem(e)}, expected a CSV record with one value per header column`,
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
