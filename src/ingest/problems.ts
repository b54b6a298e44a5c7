/** Collects a file's diagnostics, keeping the first `limit` and summarising the rest in one. */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

export const MAX_PROBLEMS_PER_FILE = 200;

export interface Problems {
  add(list: Diagnostic | Diagnostic[]): void;
  /** Every kept diagnostic, plus the summary when some were dropped. */
  list(): Diagnostic[];
}

export function problems(file: string, limit = MAX_PROBLEMS_PER_FILE): Problems {
  const kept: Diagnostic[] = [];
  let dropped = 0;
  return {
    add(list) {
      for (const d of Array.isArray(list) ? list : [list]) {
        if (kept.length < limit) kept.push(d);
        else dropped++;
      }
    },
    list() {
      if (dropped === 0) return kept;
      return [
        ...kept,
        diagnostic({
          file,
          start: kept[kept.length - 1]!.start,
          ruleId: 'ingest/too-many-problems',
          message: `Unexpected ${dropped} more problem${dropped === 1 ? '' : 's'} after the first ${limit}, expected a file that mostly validates.`,
          hint: 'Fix the problems shown, or check that the file is in the canonical post format (run the importer).',
        }),
      ];
    },
  };
}
