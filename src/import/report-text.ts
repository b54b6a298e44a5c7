/** What the import prints: the progress line while it reads, then what it read, kept and changed. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ImportProgress, ImportReport } from './run.ts';

/** A redrawn bar on a terminal; a plain line every 10% otherwise (CI logs, pipes). */
export function progressPrinter(
  out: { isTTY?: boolean; write: (text: string) => unknown },
  clock: () => number = Date.now,
): { update: (p: ImportProgress) => void; done: () => void } {
  const tty = out.isTTY === true;
  const started = clock();
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;
  return {
    update({ bytes, totalBytes, rows, finished }) {
      const fraction = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
      if (tty) {
        const now = clock();
        if (now - lastDraw < 100 && !finished) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${count(rows, 'row')}`);
        drawn = true;
      } else {
        // The reader runs ahead of the rows it has handed out: 100% is printed once the rows are counted.
        // A short import prints only its last line.
        const decile = finished ? 10 : Math.min(9, Math.floor(fraction * 10));
        if (decile === lastDecile || (!finished && clock() - started < 2000)) return;
        lastDecile = decile;
        out.write(`import: ${decile * 10}% read, ${count(rows, 'row')}\n`);
      }
    },
    done() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}

export function formatReport(r: ImportReport): string {
  const lines = [
    ...r.readAs.map(({ file, as }) => `Read ${file} as ${as}`),
    r.written
      ? `Imported into ${r.dir}`
      : r.diff && r.diff.changed > 0
        ? `${r.dir} left as it was: nothing rewritten`
        : `${r.dir} already holds this data: nothing rewritten`,
    `  rows read      ${r.rowsRead}`,
    `  imported       ${r.imported}`,
    `  deduplicated   ${r.deduplicated}`,
    `  skipped        ${sum(r.skipped)}`,
    ...reasons(r.skipped),
    // Rows the importer had to adjust (a non-http link dropped, a minute-precision time): not the rows that
    // differ from the dataset's copy, which the line `against the dataset before` counts as changed.
    `  adjusted       ${sum(r.changed)}`,
    ...reasons(r.changed),
    `  dataset now holds ${count(r.posts, 'post')} and ${count(r.accounts, 'account')}`,
    ...diffLines(r),
    ...r.invalid.map((d) => `  skipped: ${formatDiagnostic(d)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The export against the dataset it went into, and what --replace did or would do about the difference. */
function diffLines(r: ImportReport): string[] {
  const d = r.diff;
  if (!d) return [];
  const lines = [
    `  against the dataset before: ${d.added} added, ${d.changed} changed, ${d.unchanged} unchanged, ${d.missing} not in this export${d.missing > 0 ? (r.replaced ? ' (removed)' : ' (kept)') : ''}`,
  ];
  if (r.replaced && (d.changed > 0 || d.missing > 0)) {
    lines.push(`--replace: ${count(d.changed, 'changed row')} rewritten from this export, ${count(d.missing, 'row')} not in it removed.`);
  } else if (!r.replaced && d.changed > 0) {
    lines.push(
      `${count(d.changed, 'row')} of this export ${d.changed === 1 ? 'differs' : 'differ'} from the dataset's copy of the same post: the dataset's copies were kept.`,
      `To take this export's rows, run the import again with --replace${d.missing > 0 ? ` (it also removes the ${count(d.missing, 'row')} of the dataset that are not in this export)` : ''}.`,
    );
  }
  return lines;
}

function reasons(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `    ${String(n).padStart(8)}  ${reason}`);
}

/** `1 row`, `2 rows`, `12,345 rows`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : `${noun}s`}`;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? `\n    ${d.hint}` : '';
  // A problem with the command itself has no file to point at.
  const place = d.file ? `${d.file}:${d.start.line}:${d.start.column}  ` : '';
  return `${place}${d.severity}  ${d.message}  ${d.ruleId}${hint}`;
}

