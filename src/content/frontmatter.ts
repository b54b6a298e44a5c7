/**
 * Splits a Markdown file into YAML frontmatter and body, parsing the YAML with positions
 * so every later problem can be reported at its line and column in the original file.
 */
import { LineCounter, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { yamlLocator } from '../diagnostics/positions.ts';
import type { Locate } from '../diagnostics/zod-issues.ts';
import { CONTROL, controlCharacterDiagnostic, controlStrings, fieldPath, firstControl } from './control-characters.ts';

export interface FrontmatterFile {
  data: unknown;
  body: string;
  /** Lines before the body starts, to shift body positions back into the file. */
  bodyLineOffset: number;
  locate: Locate;
  diagnostics: Diagnostic[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

/** Raw control characters anywhere in the file (see control-characters.ts). */
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

export function parseFrontmatter(text: string, file: string): FrontmatterFile {
  const diagnostics: Diagnostic[] = controlCharacters(text, file);
  const open = OPEN.exec(text);
  if (!open) {
    diagnostics.push(
      diagnostic({
        file,
        ruleId: 'frontmatter/missing',
        message: 'Unexpected start of file, expected YAML frontmatter opened by a `---` line.',
        hint: 'Start the file with `---`, the fields, then another `---` line before the text.',
      }),
    );
    return { data: {}, body: text, bodyLineOffset: 0, locate: () => undefined, diagnostics };
  }
  const yamlStart = open[0].length;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(yamlStart);
  const match = close.exec(rest);
  if (!match) {
    const line = text.split('\n').length;
    diagnostics.push(
      diagnostic({
        file,
        start: { line, column: 1 },
        ruleId: 'frontmatter/unclosed',
        message: 'Unexpected end of file, expected a `---` line closing the frontmatter.',
        hint: 'Add a line with only `---` after the last field.',
      }),
    );
    return { data: {}, body: '', bodyLineOffset: 0, locate: () => undefined, diagnostics };
  }
  const yamlText = rest.slice(0, match.index);
  const afterClose = yamlStart + match.index + match[0].length;
  const body = text.slice(afterClose).replace(/^\r?\n/, '');
  const bodyLineOffset = text.slice(0, text.length - body.length).split('\n').length - 1;

  const tooDeep = nestingBeyond(yamlText, MAX_DEPTH);
  if (tooDeep !== undefined) {
    diagnostics.push(
      diagnostic({
        file,
        start: { line: tooDeep + 2, column: 1 },
        ruleId: 'yaml/too-deep',
        message: `Unexpected YAML nested more than ${MAX_DEPTH} levels deep, expected the few levels frontmatter fields use.`,
        hint: 'Check the indentation of this line and the brackets before it.',
      }),
    );
    return { data: {}, body, bodyLineOffset, locate: () => undefined, diagnostics };
  }
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: `2024-05-16` stays a string, `no` stays a string (no Norway problem).
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    diagnostics.push(
      diagnostic({
        file,
        start: { line: line + 1, column: col },
        ruleId: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
        message: `Unexpected YAML: ${error.message.split('\n')[0]}.`,
        hint:
          error.code === 'DUPLICATE_KEY'
            ? 'Each field may appear once; remove or merge the repeated one.'
            : 'Check indentation, and quote values that contain `:` or start with `[`, `{`, `@` or `*`.',
      }),
    );
  }
  let data: unknown = {};
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
    } catch {
      // The yaml package throws when aliases expand past the limit (a "billion laughs" document).
      const at = /(?<=^|[\s[{,:-])\*[^\s,\]}]+/m.exec(yamlText)?.index ?? 0;
      const { line, col } = lineCounter.linePos(at);
      diagnostics.push(
        diagnostic({
          file,
          start: { line: line + 1, column: col },
          ruleId: 'yaml/alias-limit',
          message: `Unexpected YAML aliases that expand past ${MAX_ALIASES} copies, expected plain values.`,
          hint: 'Write the values out instead of repeating them with `&anchor` and `*alias`.',
        }),
      );
    }
  }
  const locate = yamlLocator(doc, lineCounter, 1);
  diagnostics.push(...escapedControlCharacters(data, locate, diagnostics, file));
  return { data, body, bodyLineOffset, locate, diagnostics };
}

/** Deepest nesting frontmatter may use; a schema field is at most about six levels down. */
const MAX_DEPTH = 64;
/** How many times aliases may be expanded, as the yaml package counts them. */
const MAX_ALIASES = 100;

/**
 * The 0-based line where `yaml` first nests deeper than `max` (block indentation, `- ` items and open
 * brackets together), or undefined. Checked before parsing: the parser recurses once per level and a
 * document 10,000 levels deep exhausts the stack.
 */
function nestingBeyond(yaml: string, max: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0];
    if (flow === 0 && line.trim() !== '' && !line.trimStart().startsWith('#')) {
      const indent = content.length;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // Each `- ` on the line opens one more level.
      indents.push(...Array.from({ length: (content.match(/-/g) ?? []).length }, () => indent));
    }
    if (indents.length > max) return i;
    for (const ch of line) {
      if (ch === '[' || ch === '{') {
        if (indents.length + ++flow > max) return i;
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

function controlCharacters(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const match of text.matchAll(CONTROL_ALL)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    out.push(
      controlCharacterDiagnostic({
        file,
        at: { start: { line, column } },
        code: firstControl(match[0])!,
        hint: 'It is invisible in most editors; delete it (it often arrives by copying from a PDF or a terminal).',
      }),
    );
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * Control characters YAML escapes put into values (`"\0"`, `"\x07"`, `"\u001b"`): the file's text holds none,
 * the data does. A value whose lines already hold a raw one is reported there, once.
 */
function escapedControlCharacters(data: unknown, locate: Locate, raw: Diagnostic[], file: string): Diagnostic[] {
  const rawLines = new Set(raw.map((d) => d.start.line));
  return controlStrings(data).flatMap((s) => {
    const at = locate(s.path, { key: s.key });
    if (at && rawLines.has(at.start.line)) return [];
    return [
      controlCharacterDiagnostic({
        file,
        at,
        code: s.code,
        field: fieldPath(s.path),
        key: s.key,
        hint: 'A YAML escape (`\\0`, `\\x07`, `\\u001b`, `\\e`) in a quoted value writes an invisible character; delete the escape.',
      }),
    ];
  });
}
