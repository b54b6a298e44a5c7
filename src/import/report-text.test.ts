import { describe, expect, it } from 'vitest';
import { count, formatDiagnostic, formatReport, progressPrinter } from './report-text.ts';
import type { ImportReport } from './run.ts';

function printed(tty: boolean, steps: [number, number, number, boolean?][]): string {
  let text = '';
  let time = 0;
  const progress = progressPrinter({ isTTY: tty, write: (t) => (text += t) }, () => time);
  for (const [at, bytes, rows, finished] of steps) {
    time = at;
    progress.update({ bytes, totalBytes: 100, rows, finished });
  }
  progress.done();
  return text;
}

describe('progressPrinter(out)', () => {
  it('ends a long import with 100% and the rows it read, not the rows counted when the last bytes were read', () => {
    expect(printed(false, [[2500, 50, 10], [5000, 100, 20], [6000, 100, 45, true]])).toBe(
      'import: 50% read, 10 rows\nimport: 90% read, 20 rows\nimport: 100% read, 45 rows\n',
    );
  });

  it('prints only the last line of a short import', () => {
    expect(printed(false, [[10, 100, 0], [20, 100, 1, true]])).toBe('import: 100% read, 1 row\n');
  });

  it('redraws the bar on a terminal with the final count', () => {
    expect(printed(true, [[0, 100, 0], [50, 100, 1, true]]).split('\r').at(-1)).toBe(`[${'#'.repeat(30)}] 100%  1 row\n`);
  });
});

describe('formatReport(report)', () => {
  const report: ImportReport = {
    dir: 'data/kanaky/posts',
    format: 'x-api-v2',
    readAs: [{ file: 'exports/page.json', as: 'an X API v2 response saved as one JSON document' }],
    written: true,
    rowsRead: 1,
    imported: 1,
    deduplicated: 0,
    skipped: {},
    changed: {},
    invalid: [],
    replaced: false,
    posts: 1,
    accounts: 1,
  };

  it('says what each file was read as and counts in the singular for one', () => {
    const text = formatReport(report);
    expect(text).toContain('Read exports/page.json as an X API v2 response saved as one JSON document\n');
    expect(text).toContain('dataset now holds 1 post and 1 account\n');
    expect(formatReport({ ...report, posts: 12_345, accounts: 2 })).toContain('dataset now holds 12,345 posts and 2 accounts\n');
  });

  it('reports rows changed since the last import, and that only --replace takes them', () => {
    const diff = { added: 3, changed: 700, unchanged: 10, missing: 2 };
    const merged = formatReport({ ...report, written: false, diff });
    expect(merged).toContain('data/kanaky/posts left as it was: nothing rewritten\n');
    expect(merged).toContain('against the dataset before: 3 added, 700 changed, 10 unchanged, 2 not in this export (kept)\n');
    expect(merged).toContain("700 rows of this export differ from the dataset's copy of the same post: the dataset's copies were kept.\n");
    expect(merged).toContain('To take this export\'s rows, run the import again with --replace (it also removes the 2 rows of the dataset that are not in this export).\n');
    const replaced = formatReport({ ...report, replaced: true, diff });
    expect(replaced).toContain('2 not in this export (removed)\n');
    expect(replaced).toContain('--replace: 700 changed rows rewritten from this export, 2 rows not in it removed.\n');
    expect(formatReport({ ...report, diff: { ...diff, changed: 0 } })).not.toContain('--replace');
  });

  it('calls the rows it had to adjust "adjusted", so "changed" means one thing: differing from the dataset', () => {
    const text = formatReport({ ...report, changed: { 'non-http URL dropped': 2 }, diff: { added: 0, changed: 1, unchanged: 4, missing: 0 } });
    expect(text).toContain('  adjusted       2\n');
    expect(text).toContain('against the dataset before: 0 added, 1 changed, 4 unchanged');
    expect(text).not.toMatch(/^ +changed +\d/m);
    expect(text).toContain("1 row of this export differs from the dataset's copy of the same post");
  });

  it('count(n, noun) agrees in number', () => {
    expect([count(0, 'row'), count(1, 'row'), count(2, 'row')]).toEqual(['0 rows', '1 row', '2 rows']);
  });
});

describe('formatDiagnostic(d)', () => {
  it('places a problem in its file, and a problem with the command nowhere', () => {
    const d = { file: 'a.csv', start: { line: 3, column: 2 }, severity: 'error' as const, ruleId: 'import/invalid-row', message: 'Unexpected x, expected y' };
    expect(formatDiagnostic(d)).toBe('a.csv:3:2  error  Unexpected x, expected y  import/invalid-row');
    expect(formatDiagnostic({ ...d, file: '', hint: 'Do z.' })).toBe('error  Unexpected x, expected y  import/invalid-row\n    Do z.');
  });
});
