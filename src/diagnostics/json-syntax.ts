/**
 * The one diagnostic for JSON that does not parse (`json/syntax`), whoever reads it: the check's JSON files
 * (manifests, redirects), posts and accounts files line by line or element by element, the importers' exports,
 * CSV import mappings. Readers parse fast without positions; only text that failed is parsed again here with
 * momoa, which says where it stops. The message names what was found there, in characters, and what JSON
 * wanted instead; a document nested too deep to follow has its own rule (`json/too-deep`).
 */
import { parse } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.ts';

export interface JsonSyntaxOptions {
  /** Where the text starts in its file: lines before it, and characters before it on its first line. */
  lineOffset?: number;
  columnOffset?: number;
  /** What the reader expects the file to be, for the hint (`Each line of an NDJSON file must be …`). */
  hint?: string;
  /** `jsonc` for files that allow comments and trailing commas (CSV import mappings). */
  mode?: 'json' | 'jsonc';
}

const DEFAULT_HINT = 'Look for a missing comma, quote or bracket just before this point.';
const TRUNCATED_HINT = 'The file looks cut short: export, download or save it again.';

/** What stopped the parser, for `jsonSyntaxAt`. */
export type JsonSyntaxFound =
  | { kind: 'end' }
  /** `text` is the characters found (`,`, `nobody`, `'`). */
  | { kind: 'token'; text: string; expected?: string }
  /** The parser refused the text at this point without saying why (a streaming tokenizer). */
  | { kind: 'unknown' };

/** The `json/syntax` diagnostic at a known place, for readers that have no text to hand (a streaming parser). */
export function jsonSyntaxAt(file: string, start: Position, found: JsonSyntaxFound, hint = DEFAULT_HINT): Diagnostic {
  if (found.kind === 'end') {
    return diagnostic({
      file,
      start,
      ruleId: 'json/syntax',
      message: 'Unexpected end of the text in JSON, expected the rest of the document (a closing `}` or `]`).',
      actual: 'end of input',
      expected: 'the rest of the document',
      hint: `${TRUNCATED_HINT} ${hint === DEFAULT_HINT ? '' : hint}`.trim(),
    });
  }
  const actual = found.kind === 'token' ? `\`${found.text}\`` : 'text that is not JSON';
  const expected = (found.kind === 'token' ? found.expected : undefined) ?? 'valid JSON';
  const message = found.kind === 'token' ? `Unexpected ${actual} in JSON, expected ${expected}.` : `Unexpected ${actual}, expected ${expected}.`;
  return diagnostic({ file, start, ruleId: 'json/syntax', message, actual, expected, hint });
}

/** The diagnostic for JSON text a reader refused, placed where momoa stops, with what it found there. */
export function jsonSyntaxDiagnostic(source: string, file: string, options: JsonSyntaxOptions = {}): Diagnostic {
  const { lineOffset = 0, columnOffset = 0, hint = DEFAULT_HINT, mode = 'json' } = options;
  // A byte-order mark is not JSON, and readers drop it; so do positions.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const place = (line: number, column: number): Position => ({ line: line + lineOffset, column: line === 1 ? column + columnOffset : column });
  try {
    parse(text, { mode, allowTrailingCommas: mode === 'jsonc' });
  } catch (error) {
    if (error instanceof RangeError) {
      return diagnostic({
        file,
        start: place(1, 1),
        ruleId: 'json/too-deep',
        message: 'Unexpected nesting deeper than the reader can follow, expected a record of ordinary depth.',
        hint: 'A canonical record is at most a few levels deep; this one is probably corrupt or hostile.',
      });
    }
    const e = error as { message?: string; line?: number; column?: number; offset?: number };
    // momoa blames the last token of a document that stops after one (`[1, 2`): that is an early end too.
    const offset = e.offset ?? 0;
    const lastToken = /^\S*\s*$/.test(text.slice(offset)) && !/[}\]]\s*$/.test(text);
    if (/end of input/i.test(e.message ?? '') || lastToken) {
      const body = text.replace(/\s+$/, '');
      const line = body.split('\n').length;
      return jsonSyntaxAt(file, place(line, body.length - body.lastIndexOf('\n')), { kind: 'end' }, hint);
    }
    return jsonSyntaxAt(file, place(e.line ?? 1, e.column ?? 1), foundAt(text, offset, e.message ?? ''), hint);
  }
  // momoa takes what JSON.parse refuses in one case: a raw control character inside a string.
  const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
  if (raw) {
    const before = text.slice(0, raw.index);
    const line = before.split('\n').length;
    const code = `U+${raw[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return diagnostic({
      file,
      start: place(line, raw.index - before.lastIndexOf('\n')),
      ruleId: 'json/syntax',
      message: `Unexpected raw control character ${code} inside a JSON string, expected readable text.`,
      actual: code,
      expected: 'readable text',
      hint: 'Delete it: JSON allows no raw control character in text, and pages could not show it.',
    });
  }
  return jsonSyntaxAt(file, place(1, 1), { kind: 'unknown' }, hint);
}

/** The characters at `offset` and what JSON wanted there, from momoa's message and the text before. */
function foundAt(text: string, offset: number, message: string): JsonSyntaxFound {
  const word = /^Unexpected identifier '([^']*)'/.exec(message)?.[1];
  if (word !== undefined) return { kind: 'token', text: word.slice(0, 40), expected: 'a value: text in double quotes, a number, `true`, `false` or `null`' };
  const ch = text[offset] ?? '';
  if (ch === "'") return { kind: 'token', text: ch, expected: 'double quotes (`"`) around keys and text' };
  const previous = /\S(?=\s*$)/.exec(text.slice(0, offset))?.[0];
  if ((ch === '}' || ch === ']') && previous === ',') return { kind: 'token', text: ch, expected: 'another value after the comma (JSON allows no comma before a closing bracket)' };
  if (previous === ':' && /[,}\]]/.test(ch)) return { kind: 'token', text: ch, expected: 'a value after the colon' };
  if (ch === ',' && previous === ',') return { kind: 'token', text: ch, expected: 'a value between the two commas' };
  // A token where a separator belongs: two values side by side.
  if (previous !== undefined && /["\d\]}el]/.test(previous) && /["\d[{tfn-]/.test(ch)) return { kind: 'token', text: ch, expected: 'a comma between values, or a colon after a key' };
  return { kind: 'token', text: ch === '' ? 'end of the text' : ch, expected: 'valid JSON' };
}
