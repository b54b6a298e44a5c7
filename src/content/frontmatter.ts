/**
 * Splits a Markdown file into YAML frontmatter and body, parsing the YAML with positions
 * so every later problem can be reported at its line and column in the original file.
 */
import { LineCounter, parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { yamlLocator } from '../diagnostics/positions.ts';
import type { Locate } from '../diagnostics/zod-issues.ts';

export interface FrontmatterFile {
  data: unknown;
  body: string;
  /** Lines before the body starts, to shift body positions back into the file. */
  bodyLineOffset: number;
  locate: Locate;
  diagnostics: Diagnostic[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

/** C0 controls other than tab and line breaks, and DEL: invisible, and a NUL is a parse error in HTML. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

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
  const data = doc.errors.length > 0 ? {} : (doc.toJS({ maxAliasCount: 100 }) ?? {});
  return { data, body, bodyLineOffset, locate: yamlLocator(doc, lineCounter, 1), diagnostics };
}

function controlCharacters(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const match of text.matchAll(CONTROL)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    out.push(
      diagnostic({
        file,
        start: { line, column },
        ruleId: 'text/control-character',
        message: `Unexpected control character U+${code}, expected readable text.`,
        hint: 'It is invisible in most editors; delete it (it often arrives by copying from a PDF or a terminal).',
      }),
    );
    if (out.length >= 20) break;
  }
  return out;
}
