/**
 * What an editor reads in the terminal: every command (check, build, import, data) prints its problems the
 * same way, grouped under their file, each at its line and column with its hint; a problem with the command
 * itself (an import's options) has no file and is printed without one.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { formatDiagnostics } from './reporter.ts';

const row: Diagnostic = {
  file: 'exports/posts.csv',
  start: { line: 5, column: 11 },
  severity: 'error',
  ruleId: 'import/invalid-row',
  message: 'Unexpected `many` in `like_count`, expected a whole count such as 12.',
  hint: 'Correct the cell, or import with --skip-invalid.',
};

describe('formatDiagnostics(list, "text")', () => {
  it('groups problems under their file, each at its line and column, with its hint, and counts them', () => {
    expect(formatDiagnostics([row], 'text')).toBe(
      [
        'exports/posts.csv',
        '  5:11          error  Unexpected `many` in `like_count`, expected a whole count such as 12.  import/invalid-row',
        '                hint   Correct the cell, or import with --skip-invalid.',
        '',
        '✖ 1 error',
        '',
      ].join('\n'),
    );
  });

  it('prints a problem with the command itself without a file or place, before the files', () => {
    const command: Diagnostic = { ...row, file: '', start: { line: 1, column: 1 }, ruleId: 'import/mapping', message: 'Unexpected a mapping without `platform`.', hint: undefined };
    const lines = formatDiagnostics([row, command], 'text').split('\n');
    expect(lines[0]).toBe('                error  Unexpected a mapping without `platform`.  import/mapping');
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('exports/posts.csv');
  });
});
