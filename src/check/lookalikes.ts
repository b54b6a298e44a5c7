/**
 * A dataset account whose handle looks like a dossier's (same TR39 skeleton, src/check/skeleton.ts) but is not
 * that dossier's account: a reader seeing "@esmirakhahil" in a chart or a table takes it for the dossier's.
 * Reported as a warning at both places: the dataset's first post by the account, and the dossier's handle.
 */
import { resolve } from 'node:path';
import { posix, relative } from 'node:path';
import type { AccountSummary } from '../aggregate/model.ts';
import type { DatasetEntry, Project } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { readArrayElements } from '../ingest/read-array.ts';
import { readLineBytes } from '../ingest/read-lines.ts';
import { visibleText } from '../aggregate/account-names.ts';
import type { CheckedCase } from './checked.ts';
import { folded, handlesLookAlike, skeleton } from './skeleton.ts';

interface Dossier {
  file: string;
  id: string;
  platform: string;
  handle: string;
  at: { start?: { line: number; column: number } };
}

export async function checkLookalikeHandles(project: Project, cases: readonly CheckedCase[]): Promise<Diagnostic[]> {
  const dossiers: Dossier[] = [];
  for (const entry of project.accounts.values()) {
    const { handle, platform } = entry.data;
    if (handle) dossiers.push({ file: entry.file, id: entry.id, platform, handle, at: entry.locate(['handle']) ?? {} });
  }
  if (dossiers.length === 0) return [];
  const skeletons = new Set(dossiers.flatMap((d) => [skeleton(d.handle), skeleton(folded(d.handle))]));
  const out: Diagnostic[] = [];
  for (const checked of cases) {
    for (const account of checked.model.accounts) {
      const handle = account.handle;
      if (handle === null || account.dossierId !== undefined) continue;
      // Most handles look like no dossier: one skeleton each settles them.
      if (!skeletons.has(skeleton(handle)) && !skeletons.has(skeleton(folded(handle)))) continue;
      for (const d of dossiers) {
        if (d.platform !== account.platform || !handlesLookAlike(handle, d.handle)) continue;
        const where = await firstPost(project.root, checked.datasets, account);
        const shown = visibleText(handle);
        out.push(
          diagnostic({
            file: where.file,
            start: { line: where.line, column: 1 },
            severity: 'warning',
            ruleId: 'account/lookalike-handle',
            message: `Unexpected dataset handle \`@${shown}\` (author id \`${account.authorId}\`) that looks like the handle \`@${d.handle}\` of the dossier ${d.file}:${d.at.start?.line ?? 1}, expected a handle that cannot be taken for a dossier's.`,
            actual: shown,
            hint: `Readers will take this account for ${d.id}. If it is the same account, give the dossier its \`platformId\` (\`${account.authorId}\`); if not, say in the report that a look-alike account exists.`,
          }),
          diagnostic({
            file: d.file,
            ...d.at,
            severity: 'warning',
            ruleId: 'account/lookalike-handle',
            message: `Unexpected look-alike of this dossier's handle \`@${d.handle}\` in the data: \`@${shown}\` (author id \`${account.authorId}\`) at ${where.file}:${where.line}, expected no other account to look like it.`,
            actual: shown,
            hint: 'The pages show the other account with its invisible and bidi characters named, but the letters themselves can still deceive; say so in the report.',
          }),
        );
      }
    }
  }
  return out;
}

/** The file and line of the account's first post in the case's data; the first posts file when not found. */
async function firstPost(root: string, datasets: readonly DatasetEntry[], account: AccountSummary): Promise<{ file: string; line: number }> {
  const needle = Buffer.from(JSON.stringify(account.authorId));
  let first: { file: string; line: number } | undefined;
  for (const dataset of datasets) {
    for (const f of dataset.manifest.files) {
      if (f.role !== 'posts' || (f.format !== 'ndjson' && f.format !== 'json')) continue;
      const path = resolve(dataset.dir, f.path);
      const file = relative(root, path).split('\\').join(posix.sep);
      first ??= { file, line: 1 };
      let found: number | undefined;
      const look = (bytes: Buffer, start: number, end: number, line: number): void => {
        if (found !== undefined || bytes.subarray(start, end).indexOf(needle) < 0) return;
        try {
          const post = JSON.parse(bytes.toString('utf8', start, end)) as { author?: { id?: unknown } };
          if (post.author?.id === account.authorId) found = line;
        } catch {
          // Not a post: the reader has reported it.
        }
      };
      if (f.format === 'ndjson') await readLineBytes(path, look);
      else await readArrayElements(path, (bytes, start, end, at) => look(bytes, start, end, at.line));
      if (found !== undefined) return { file, line: found };
    }
  }
  return first ?? { file: datasets[0]?.file ?? 'data', line: 1 };
}
