import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Case, Manifest } from '../schema/index.ts';
import { loadCaseModel, type CaseModelArgs } from './case-model.ts';

const fixtures = fileURLToPath(new URL('../../test/fixtures/aggregate/', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of src/ that resolves packages from this checkout, so its modules can be edited and imported. */
async function copyOfSources(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'casefile-code-'));
  await cp(join(repo, 'src'), join(root, 'src'), { recursive: true });
  await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

async function project(postsFile: string): Promise<CaseModelArgs> {
  const root = await mkdtemp(join(tmpdir(), 'casefile-model-'));
  const dir = join(root, 'data', 'demo', 'tweets');
  await mkdir(dir, { recursive: true });
  await copyFile(join(fixtures, postsFile), join(dir, 'posts.ndjson'));
  const manifest = { files: [{ path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: 'a'.repeat(64) }] } as Manifest;
  const caseData = { timeZone: 'Europe/Paris', period: { from: '2024-10-26', to: '2024-10-27' }, hashtags: [{ tag: 'RecognizeNewCaledonia', aliases: [] }] } as unknown as Case;
  return { root, caseId: 'demo', caseData, dossiers: [], datasets: [{ id: 'tweets', dir, manifest }], wantedPostIds: [], figureQueries: [] };
}

describe('loadCaseModel(args)', () => {
  it('loadCaseModel(args) aggregates once, then reads the cached model keyed by its inputs', async () => {
    const args = await project('posts.ndjson');
    const first = await loadCaseModel(args);
    expect(first.model!.summary.total).toBe(30);
    const cache = join(args.root, '.casefile', 'cache');
    expect(await readdir(cache)).toHaveLength(1);
    await writeFile(join(args.datasets[0]!.dir, 'posts.ndjson'), '');
    const memoised = await loadCaseModel(args);
    expect(memoised.model!.summary.total).toBe(30);
    const changed = await loadCaseModel({ ...args, wantedPostIds: ['p02'] });
    expect(changed.model!.summary.total).toBe(0);
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('loadCaseModel(args) counts a dossier by its latest status: suspended after being active is suspended', async () => {
    const args = await project('posts.ndjson');
    const status = (s: string, date: string) => ({ status: s, date, source: 'src' });
    const dossiers = [{ id: 'x/one', data: { platform: 'x', handle: 'one', status: [status('active', '2024-01-01'), status('suspended', '2024-06-01')] } }] as CaseModelArgs['dossiers'];
    const queries = [{ measure: 'status-count', status: 'suspended' }, { measure: 'status-count', status: 'active' }] as const;
    const { model } = await loadCaseModel({ ...args, dossiers, figureQueries: [...queries] });
    expect(Object.values(model!.figures).map((f) => [f.key, f.value])).toEqual([
      ['measure=status-count;status=suspended', 1],
      ['measure=status-count;status=active', 0],
    ]);
  });

  it('loadCaseModel(args) returns no model and reports duplicate ids and bad lines', async () => {
    const args = await project('bad.ndjson');
    const { model, diagnostics } = await loadCaseModel(args);
    expect(model).toBeNull();
    expect(diagnostics.map((d) => [d.file, d.start.line, d.ruleId]).at(-1)).toEqual(['data/demo/tweets/posts.ndjson', 6, 'post/duplicate-id']);
  });

  it('loadCaseModel(args) misses a model cached by other code: an edited aggregation is never served the old model', async () => {
    const fixed = await copyOfSources();
    const edited = await copyOfSources();
    const summary = join(edited, 'src/aggregate/summary.ts');
    const source = await readFile(summary, 'utf8');
    expect(source).toContain('total: table.size,');
    await writeFile(summary, source.replace('total: table.size,', 'total: table.size + 1,'));

    const args = await project('posts.ndjson');
    const cacheDir = join(args.root, 'cache');
    const load = async (root: string) => {
      const module = (await import(/* @vite-ignore */ join(root, 'src/model/case-model.ts'))) as typeof import('./case-model.ts');
      return (await module.loadCaseModel({ ...args, cacheDir })).model!.summary.total;
    };
    expect(await load(fixed)).toBe(30);
    expect(await load(edited)).toBe(31);
  });
});
