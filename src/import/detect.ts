/**
 * Which export a file is, told from its first bytes: researchers save X API responses as pages per
 * line, as one pretty-printed document or as an array, CSVs with a BOM or semicolons, and rarely say
 * which. Only the head of each file is read; a folder stands for the files in it.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { isRecord } from './row.ts';
import { readCheckedBytes } from './text.ts';
import type { ImportFormat } from './types.ts';

/** How JSON text is laid out: a value per line, documents spread over lines, or one array. */
export type JsonLayout = 'lines' | 'document' | 'array';

export interface Sniffed {
  /** Undefined when the text does not start like JSON. */
  layout?: JsonLayout;
  /** The first line's value, when the file is a value per line. */
  first?: unknown;
  /** The text read: at least the first line, up to about 64 kB more. */
  head: string;
}

export interface Detection {
  format: ImportFormat;
  /** What the file was recognised as, in the words the import prints. */
  as: string;
  /** The CSV's field delimiter and header, for CSV formats. */
  delimiter?: string;
  columns?: string[];
}

const headBytes = 1 << 16;
// A twarc2 page is one line of up to a few megabytes; beyond this the first line is not a page.
const maxFirstLine = 64 << 20;

async function readHead(file: string): Promise<string> {
  let head = '';
  // The bytes are checked as UTF-8 before they come; a character split across chunks waits in the decoder.
  const decoder = new TextDecoder();
  for await (const chunk of readCheckedBytes(file, file, () => {})) {
    head += decoder.decode(chunk, { stream: true });
    const newline = head.indexOf('\n');
    if ((newline >= 0 && head.length >= headBytes) || head.length >= maxFirstLine) return head;
  }
  return head + decoder.decode();
}

export async function sniffJson(file: string): Promise<Sniffed> {
  const head = (await readHead(file)).replace(/^\uFEFF/, '');
  const start = head.search(/\S/);
  const opening = head[start];
  if (opening === '[') return { layout: 'array', head };
  if (opening !== '{') return { head };
  const end = head.indexOf('\n', start);
  const firstLine = end < 0 ? head.slice(start) : head.slice(start, end);
  try {
    return { layout: 'lines', first: JSON.parse(firstLine), head };
  } catch {
    return { layout: 'document', head };
  }
}

const telegramChatTypes = /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|bot_chat|saved_messages)"/;
const ioArchiveColumns = ['tweetid', 'userid', 'tweet_time', 'tweet_text'];

/** The formats detection looks for, as the error for an unknown file lists them. */
export const detectable = [
  'X API v2 responses (`x-api-v2`: twarc2 pages or flattened tweets one per line, a response saved as one JSON document, a JSON array of pages, a folder of page files)',
  'a Telegram Desktop chat export (`telegram`: result.json)',
  'snscrape tweets one per line (`snscrape`)',
  'an X information-operations archive (`io-archive`: CSV with tweetid, userid, tweet_time, tweet_text)',
  'any other CSV with a header (`csv`, read through a mapping)',
];

/** Detect one file's format; throws `import/unknown-format` naming what was looked for and what the file looks like. */
export async function detectFormat(file: string, displayPath: string): Promise<Detection> {
  const sniffed = await sniffJson(file);
  const found = sniffed.layout ? fromJson(sniffed) : fromCsv(sniffed.head);
  if (found) return found;
  throw new DiagnosticError([
    diagnostic({
      file: displayPath,
      ruleId: 'import/unknown-format',
      message: `Unexpected ${looksLike(sniffed)}, expected one of the exports the importer reads.`,
      actual: looksLike(sniffed),
      expected: detectable.join('; '),
      hint: `The importer looks for: ${detectable.join('; ')}. If the file is one of these, name it with --format; if not, save it as CSV and map its columns (see “Importing a CSV” in docs/editing.md).`,
    }),
  ]);
}

function fromJson(sniffed: Sniffed): Detection | undefined {
  const { layout, head } = sniffed;
  if (layout === 'lines') {
    const first = sniffed.first;
    if (!isRecord(first)) return undefined;
    if ('data' in first) return { format: 'x-api-v2', as: 'X API v2 response pages, one per line (twarc2)' };
    if (typeof first._type === 'string' && first._type.startsWith('snscrape.')) return { format: 'snscrape', as: 'snscrape tweets, one per line' };
    if ('rawContent' in first && isRecord(first.user)) return { format: 'snscrape', as: 'snscrape tweets, one per line' };
    if (typeof first.id === 'string' && 'author_id' in first && 'created_at' in first) {
      return { format: 'x-api-v2', as: 'X API v2 tweets, one per line (twarc2 flatten)' };
    }
    if ('messages' in first && 'id' in first) return { format: 'telegram', as: 'a Telegram Desktop chat export (result.json)' };
    return undefined;
  }
  if (layout === 'array') {
    if (/^\s*\[\s*\{\s*"data"\s*:/.test(head) || /"includes"\s*:|"meta"\s*:\s*\{\s*"(newest_id|result_count|next_token)"/.test(head)) {
      return { format: 'x-api-v2', as: 'a JSON array of X API v2 response pages' };
    }
    if (/"author_id"\s*:/.test(head) && /"created_at"\s*:/.test(head)) return { format: 'x-api-v2', as: 'a JSON array of X API v2 tweets' };
    return undefined;
  }
  if (/"messages"\s*:\s*\[/.test(head) && telegramChatTypes.test(head)) {
    return { format: 'telegram', as: 'a Telegram Desktop chat export (result.json)' };
  }
  if (/^\s*\{\s*"(data|includes|meta|errors)"\s*:/.test(head) || (/"data"\s*:/.test(head) && /"author_id"\s*:/.test(head))) {
    return { format: 'x-api-v2', as: 'an X API v2 response saved as one JSON document' };
  }
  return undefined;
}

function fromCsv(head: string): Detection | undefined {
  const text = head.replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.trim() === '' || /[\u0000-\u0008]/.test(header)) return undefined;
  const delimiter = guessDelimiter(header);
  const columns = splitHeader(header, delimiter);
  if (columns.length < 2) return undefined;
  const named = delimiter === ',' ? '' : `, separated by ${delimiterName(delimiter)}`;
  if (ioArchiveColumns.every((c) => columns.includes(c))) {
    return { format: 'io-archive', as: `an X information-operations archive (CSV${named})`, delimiter, columns };
  }
  return { format: 'csv', as: `a CSV of ${columns.length} columns${named}`, delimiter, columns };
}

/** The delimiter that splits the header into the most columns, of those spreadsheet tools export. */
export function guessDelimiter(header: string): string {
  let best = ',';
  let most = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const n = splitHeader(header, candidate).length;
    if (n > most) {
      best = candidate;
      most = n;
    }
  }
  return best;
}

/** Header cells split on `delimiter`, outside quotes; quotes removed. */
export function splitHeader(header: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (c === '"') {
      if (quoted && header[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export function delimiterName(delimiter: string): string {
  return { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' }[delimiter] ?? `\`${delimiter}\``;
}

function looksLike(sniffed: Sniffed): string {
  if (sniffed.head.trim() === '') return 'an empty file';
  if (sniffed.layout === 'lines' && isRecord(sniffed.first)) {
    const keys = Object.keys(sniffed.first).slice(0, 8);
    return `JSON lines whose first object has the keys ${keys.map((k) => `\`${k}\``).join(', ') || '(none)'}`;
  }
  if (sniffed.layout === 'lines') return 'JSON lines that are not objects';
  if (sniffed.layout === 'array') return 'a JSON array of something other than X API pages or tweets';
  if (sniffed.layout === 'document') return 'a JSON document that is neither an X API response nor a Telegram chat export';
  const firstLine = sniffed.head.split(/\r?\n/, 1)[0]!.slice(0, 60);
  return `text that starts \`${firstLine}\``;
}

/** Inputs with each folder replaced by the files in it (not hidden ones), in name order. */
export async function expandInputs(inputs: string[], display: (path: string) => string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      throw new DiagnosticError([
        diagnostic({ file: display(input), ruleId: 'import/usage', message: `Unexpected a path that does not exist, expected an export file or a folder of them.` }),
      ]);
    }
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    const names = (await readdir(input, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
    if (names.length === 0) {
      throw new DiagnosticError([
        diagnostic({ file: display(input), ruleId: 'import/usage', message: 'Unexpected an empty folder, expected export files in it.' }),
      ]);
    }
    files.push(...names.map((name) => join(input, name)));
  }
  return files;
}
