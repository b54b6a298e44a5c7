/**
 * The one shape every problem takes, from the YAML parser to the figure checker.
 * Modelled on vfile-message: a place, a reason worded "Unexpected X (`actual`), expected Y.",
 * a rule id that never changes, and advice in `hint`.
 */
export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  start: Position;
  end?: Position;
  severity: Severity;
  /** Stable id such as `schema/invalid-type` or `reference/source`; never renamed. */
  ruleId: string;
  /** What was found and what was expected, in one sentence. */
  message: string;
  actual?: string;
  expected?: string;
  /** What to do about it. */
  hint?: string;
}

export interface DiagnosticInit {
  file: string;
  start?: Position;
  end?: Position;
  severity?: Severity;
  ruleId: string;
  message: string;
  actual?: string;
  expected?: string;
  hint?: string;
}

export function diagnostic(init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    file: init.file,
    start: init.start ?? { line: 1, column: 1 },
    severity: init.severity ?? 'error',
    ruleId: init.ruleId,
    message: init.message,
  };
  if (init.end) d.end = init.end;
  if (init.actual !== undefined) d.actual = init.actual;
  if (init.expected !== undefined) d.expected = init.expected;
  if (init.hint !== undefined) d.hint = init.hint;
  return d;
}

/** Sort by file, then position, so output is stable whatever order checks ran in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.start.line - b.start.line ||
      a.start.column - b.start.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** Thrown by a stage that cannot continue; carries every problem found so far. */
export class DiagnosticError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(
      diagnostics
        .map((d) => `${d.file}:${d.start.line}:${d.start.column}: ${d.message} [${d.ruleId}]`)
        .join('\n'),
    );
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/** Short quoted rendering of a found value for "Unexpected X (`actual`)". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value === '') return 'empty text';
  if (typeof value === 'string') return `\`${truncate(value, 60)}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  if (value instanceof Date) return `\`${value.toISOString()}\``;
  // Counted, so a list that is too short or too long says how long it is ("Unexpected an empty list").
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  return 'an object';
}

function truncate(s: string, n: number): string {
  const oneLine = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return oneLine.length > n ? `${oneLine.slice(0, n - 1)}…` : oneLine;
}
