/**
 * Values picked out of a JSON file while it streams (@streamparser/json), each with the line it
 * starts on: a Telegram export's messages, the pages of a JSON array, pretty-printed documents one
 * after another. Memory holds one value at a time, whatever the file's size.
 */
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { jsonSyntaxAt } from '../diagnostics/json-syntax.ts';
import { exactNumber } from './json.ts';
import { readCheckedBytes, type OnBytes } from './text.ts';

export interface StreamedValue {
  value: unknown;
  /** Line of the value's first character (1-based). */
  line: number;
}

export interface StreamJsonOptions {
  /** JSONPath-like selectors (`$`, `$.*`, `$.messages.*`) of the values to hand out. */
  paths: string[];
  /** Depth of the selected values: 0 for `$`, 1 for `$.*`, 2 for `$.messages.*`. */
  depth: number;
  /** Read several documents one after another (`jq .` output), not just one. */
  many?: boolean;
  /** Called with the root object's scalar members as they pass (a chat's `id`, `name`, `type`). */
  onRootScalar?: (key: string, value: unknown) => void;
}

/** An integer past 2^53 (an id written without quotes) keeps its digits as written, as a string. */
class ExactTokenizer extends Tokenizer {
  protected override parseNumber(literal: string): number {
    return exactNumber(literal) as number;
  }
}

export async function* streamJson(
  file: string,
  displayPath: string,
  onBytes: OnBytes,
  options: StreamJsonOptions,
): AsyncGenerator<StreamedValue> {
  const tokenizer = new ExactTokenizer({ separator: options.many ? '' : undefined });
  const parser = new TokenParser({ paths: options.paths, keepStack: false, separator: options.many ? '' : undefined });
  const ready: StreamedValue[] = [];
  // Lines are counted up to each selected value's first token, so a value is placed without keeping the text.
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = 0;
  let counted = 0;
  let line = 1;
  let depth = 0;
  let lastOffset = 0;
  let valueLine = 1;
  // The root object's members are followed on their tokens: asking the parser for `$.*` would keep them whole.
  let expectKey = false;
  let rootKey: string | undefined;
  const lineAt = (offset: number): number => {
    for (let i = Math.max(counted, chunkStart) - chunkStart; i < offset - chunkStart; i++) if (chunk[i] === 10) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  tokenizer.onToken = (info) => {
    lastOffset = info.offset;
    const opens = info.token === TokenType.LEFT_BRACE || info.token === TokenType.LEFT_BRACKET;
    const closes = info.token === TokenType.RIGHT_BRACE || info.token === TokenType.RIGHT_BRACKET;
    if (closes) depth--;
    // The first token at the selected depth starts a value.
    const punctuation = closes || info.token === TokenType.COMMA || info.token === TokenType.COLON || info.token === TokenType.SEPARATOR;
    if (depth === options.depth && !punctuation) valueLine = lineAt(info.offset);
    if (depth === 1 && options.onRootScalar) {
      if (info.token === TokenType.COMMA) expectKey = true;
      else if (expectKey && info.token === TokenType.STRING) {
        rootKey = String(info.value);
        expectKey = false;
      } else if (!opens && !punctuation && rootKey !== undefined) options.onRootScalar(rootKey, info.value);
    }
    if (opens) {
      depth++;
      if (depth === 1 && info.token === TokenType.LEFT_BRACE) expectKey = true;
    }
    parser.write(info);
  };
  parser.onValue = ({ value, stack }) => {
    if (stack.length === options.depth) ready.push({ value, line: valueLine });
  };

  const fail = (offset: number, endOfInput: boolean): DiagnosticError => {
    const where = endOfInput ? line : lineAt(Math.min(offset, chunkStart + chunk.length));
    return new DiagnosticError([jsonSyntaxAt(displayPath, { line: where, column: 1 }, endOfInput ? { kind: 'end' } : { kind: 'unknown' })]);
  };

  let first = true;
  for await (const read of readCheckedBytes(file, displayPath, onBytes)) {
    // A byte-order mark is not JSON; offsets then count from the text after it.
    const bytes = first && read[0] === 0xef && read[1] === 0xbb && read[2] === 0xbf ? read.subarray(3) : read;
    first = false;
    // Count the rest of the previous chunk before moving on.
    lineAt(chunkStart + chunk.length);
    chunkStart += chunk.length;
    chunk = bytes;
    try {
      tokenizer.write(bytes);
    } catch (error) {
      const position = /absolute position "(\d+)"/.exec(String((error as Error).message));
      throw fail(position ? Number(position[1]) : lastOffset, false);
    }
    yield* ready.splice(0);
  }
  lineAt(chunkStart + chunk.length);
  try {
    tokenizer.end();
  } catch {
    throw fail(lastOffset, true);
  }
  if (!options.many && !parser.isEnded) throw fail(lastOffset, true);
  yield* ready.splice(0);
}
