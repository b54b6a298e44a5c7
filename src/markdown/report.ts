/** Collects diagnostics at positions in the Markdown file, shifted past its frontmatter. */
import type { Node } from 'unist';
import { diagnostic, type Diagnostic, type DiagnosticInit, type Position } from '../diagnostics/diagnostic.ts';

export type Problem = Omit<DiagnosticInit, 'file' | 'start' | 'end'>;

export interface Reporter {
  readonly diagnostics: Diagnostic[];
  /** Position of a node in the file (1-based line and column). */
  place(node: Node): Position;
  /** Position of a character offset in the body. */
  placeOffset(offset: number): Position;
  at(node: Node, problem: Problem): void;
  atPosition(start: Position, problem: Problem): void;
}

export function createReporter(file: string, lineOffset: number, body: string): Reporter {
  const diagnostics: Diagnostic[] = [];
  const place = (node: Node): Position => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });
  const placeOffset = (offset: number): Position => {
    const before = body.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length + lineOffset, column: offset - lineStart + 1 };
  };
  const atPosition = (start: Position, problem: Problem) => {
    diagnostics.push(diagnostic({ ...problem, file, start }));
  };
  return {
    diagnostics,
    place,
    placeOffset,
    atPosition,
    at: (node, problem) => {
      const end = node.position?.end;
      diagnostics.push(
        diagnostic({ ...problem, file, start: place(node), ...(end ? { end: { line: end.line + lineOffset, column: end.column } } : {}) }),
      );
    },
  };
}
