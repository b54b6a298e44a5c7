/**
 * A dataset's `role: accounts` files (account records: handle history, followers) are validated like
 * its posts: every bad line or field reported at its place, in the same run as everything else.
 */
import path from 'node:path';
import type { DatasetEntry } from '../content/project.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { readAccounts } from '../ingest/read-accounts.ts';

/** Diagnostics of each accounts file of `dataset` that exists (`present`: manifest paths found on disk). */
export async function checkAccountsFiles(dataset: DatasetEntry, present: ReadonlySet<string>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const f of dataset.manifest.files) {
    // A Parquet file is only ever a `columnar` copy of posts (manifest.ts).
    if (f.role !== 'accounts' || f.format === 'parquet' || !present.has(f.path)) continue;
    const file = path.posix.join(path.posix.dirname(dataset.file), f.path);
    const { diagnostics } = await readAccounts({ path: path.join(dataset.dir, f.path), file, format: f.format });
    out.push(...diagnostics);
  }
  return out;
}
