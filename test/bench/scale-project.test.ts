/**
 * The scale benchmark builds the report of a case over the generator's posts: its content root must
 * pass the check as an editor's would, or the benchmark would time an error path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../bench/ingest-data.ts';
import { ACCOUNT_PAGES, CASE_ID, writeScaleRoot } from '../../bench/scale.ts';
import { checkProject } from '../../src/check/check-project.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scale benchmark case', () => {
  it('passes the check, reads every generated post and pages its most active accounts', async () => {
    const posts = join(dir, 'posts.ndjson');
    await writeDataset(posts, 3_000);
    const root = join(dir, 'root');
    await writeScaleRoot(root, posts);
    const checked = await checkProject(root, { today: '2026-12-01' });
    expect(checked.diagnostics).toEqual([]);
    const model = checked.cases.find((c) => c.id === CASE_ID)!.model;
    expect(model.summary.total).toBe(3_000);
    expect(checked.accountPages.size).toBe(Math.min(ACCOUNT_PAGES, model.accounts.length));
    expect(checked.accountPages.size).toBeGreaterThan(1_000);
  });
});
