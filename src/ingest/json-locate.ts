/**
 * Positions inside JSON text, computed with momoa only when something is wrong: the fast path uses
 * JSON.parse, and a failing line or file is parsed again with locations to point at the problem.
 */
import { parse, type AnyNode, type ElementNode, type MemberNode } from '@humanwhocodes/momoa';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.ts';
import type { IssuePath, Locate, Span } from '../diagnostics/zod-issues.ts';

/**
 * A `Locate` over `text`; the offsets place it in a larger file: `lineOffset` lines before it, and
 * `columnOffset` characters before it on its first line (an element of an array that starts mid-line).
 */
export function jsonLocator(text: string, basePath: IssuePath = [], lineOffset = 0, columnOffset = 0, mode: 'json' | 'jsonc' = 'json'): Locate {
  let doc: ReturnType<typeof parse>;
  try {
    doc = parse(text, { mode, ranges: false, tokens: false, allowTrailingCommas: mode === 'jsonc' });
  } catch {
    // Nesting deep enough to exhaust momoa's recursion: point at the start of the text instead of crashing.
    const start = { line: 1 + lineOffset, column: 1 + columnOffset };
    return () => ({ start });
  }
  const shift = (p: { line: number; column: number }): Position => ({ line: p.line + lineOffset, column: p.line === 1 ? p.column + columnOffset : p.column });
  return (path, options) => {
    let node: AnyNode = doc.body;
    let keyNode: AnyNode | undefined;
    for (const step of [...basePath, ...path]) {
      if (node.type === 'Object') {
        const member: MemberNode | undefined = node.members.find((m) => nameOf(m.name) === String(step));
        if (!member) return undefined;
        keyNode = member.name;
        node = member.value;
      } else if (node.type === 'Array' && typeof step === 'number') {
        const element: ElementNode | undefined = node.elements[step];
        if (!element) return undefined;
        keyNode = undefined;
        node = element.value;
      } else {
        return undefined;
      }
    }
    const target = options?.key && keyNode ? keyNode : node;
    const span: Span = { start: shift(target.loc.start), end: shift(target.loc.end) };
    return span;
  };
}

function nameOf(node: AnyNode): string {
  return node.type === 'String' ? node.value : node.type === 'Identifier' ? node.name : '';
}

export const NDJSON_HINT = 'Each line of an NDJSON file must be one complete JSON value.';
export const ARRAY_HINT = 'A posts file in `json` format is one JSON array of posts, separated by commas.';

/** The `json/syntax` diagnostic for text JSON.parse refused, placed where momoa stops. */
export function syntaxDiagnostic(text: string, file: string, lineOffset = 0, columnOffset = 0, hint = NDJSON_HINT): Diagnostic {
  const column = (line: number, c: number): number => (line === 1 ? c + columnOffset : c);
  try {
    parse(text, { mode: 'json' });
  } catch (error) {
    if (error instanceof RangeError) {
      return diagnostic({
        file,
        start: { line: 1 + lineOffset, column: 1 + columnOffset },
        ruleId: 'json/too-deep',
        message: 'Unexpected nesting deeper than the reader can follow, expected a post of ordinary depth.',
        hint: 'A canonical post is at most a few levels deep; this record is probably corrupt or hostile.',
      });
    }
    const e = error as { message: string; line?: number; column?: number };
    const reason = e.message.replace(/\s*\(\d+:\d+\)$/, '').replace(/\.$/, '');
    return diagnostic({
      file,
      start: { line: (e.line ?? 1) + lineOffset, column: column(e.line ?? 1, e.column ?? 1) },
      ruleId: 'json/syntax',
      message: `${reason}, expected valid JSON.`,
      hint,
    });
  }
  return diagnostic({
    file,
    start: { line: 1 + lineOffset, column: 1 + columnOffset },
    ruleId: 'json/syntax',
    message: 'Unexpected text that JSON.parse refuses, expected valid JSON.',
  });
}
