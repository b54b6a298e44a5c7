import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { loadCaseModel, type CaseModelArgs } from '../model/case-model.ts';
import { ManifestSchema, type Case, type Manifest } from '../schema/index.ts';
import { convertToParquet } from './parquet.ts';

const fixture = fileURLToPath(new URL('../../test/fixtures/aggregate/posts.ndjson', import.meta.url));
let root: string;
let dir: string;

const manifestText = async (): Promise<Manifest> => ManifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));

async function args(manifest: Manifest, engine: 'inprocess' | 'duckdb', cache: string): Promise<CaseModelArgs> {
  const caseData = {
    timeZone: 'Europe/Paris',
    period: { from: '2024-10-26', to: '2024-10-27' },
    hashtags: [{ tag: 'RecognizeNewCaledonia', aliases: ['RecognizeNewCalendonia'] }],
    topAccounts: 3,
    aggregation: { engine },
  } as unknown as Case;
  return { root, caseId: 'demo', caseData, dossiers: [], datasets: [{ id: 'tweets', dir, manifest }], wantedPostIds: ['p02'], figureQueries: [{ measure: 'count', hashtag: 'RecognizeNewCaledonia' }], cacheDir: join(root, cache) };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'casefile-parquet-'));
  dir = join(root, 'data', 'demo', 'tweets');
  await mkdir(dir, { recursive: true });
  await copyFile(fixture, join(dir, 'posts.ndjson'));
  const bytes = await readFile(join(dir, 'posts.ndjson'));
  const manifest = {
    title: 'Fixture',
    platform: 'x',
    collection: { tool: 'Hand-written fixture', query: '#RecognizeNewCaledonia', from: '2024-10-25T00:00:00Z', to: '2024-10-29T00:00:00Z', collectedAt: '2024-11-01T00:00:00Z' },
    licence: 'CC0-1.0',
    synthetic: true,
    syntheticExplanation: 'Invented for tests.',
    files: [{ path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }],
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('npm run data -- parquet <case>/<dataset>', () => {
  it('writes posts.parquet beside posts.ndjson and pins it in the manifest with the hash of the file it was made from', async () => {
    const before = await manifestText();
    const report = await convertToParquet({ root, target: 'demo/tweets' });
    expect(report.written).toEqual([{ path: 'data/demo/tweets/posts.parquet', source: 'data/demo/tweets/posts.ndjson', posts: 30, bytes: expect.any(Number) }]);
    const after = await manifestText();
    const copy = after.files.find((f) => f.role === 'columnar')!;
    const bytes = await readFile(join(dir, 'posts.parquet'));
    expect(copy).toEqual({ path: 'posts.parquet', format: 'parquet', role: 'columnar', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, source: { path: 'posts.ndjson', sha256: before.files[0]!.sha256 } });
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    // Converting again replaces the copy rather than listing two.
    await convertToParquet({ root, target: 'demo/tweets' });
    expect((await manifestText()).files.filter((f) => f.role === 'columnar')).toHaveLength(1);
  });

  it('the DuckDB engine reads the Parquet copy in place of the NDJSON, to the same model as in process', async () => {
    const manifest = await manifestText();
    const inProcess = await loadCaseModel(await args(manifest, 'inprocess', 'cache-a'));
    // Once converted, the NDJSON is not read at all: even unreadable, the model comes from the Parquet file.
    const ndjson = await readFile(join(dir, 'posts.ndjson'));
    await writeFile(join(dir, 'posts.ndjson'), 'not json\n');
    try {
      const duckdb = await loadCaseModel(await args(manifest, 'duckdb', 'cache-b'));
      expect(duckdb.diagnostics).toEqual([]);
      expect(inProcess.model!.summary.total).toBe(30);
      expect(JSON.stringify(duckdb.model)).toBe(JSON.stringify(inProcess.model));
    } finally {
      await writeFile(join(dir, 'posts.ndjson'), ndjson);
    }
  });

  it('refuses a dataset whose posts break a rule, naming the file and line, and changes nothing', async () => {
    const before = await readFile(join(dir, 'manifest.json'), 'utf8');
    const good = await readFile(join(dir, 'posts.ndjson'), 'utf8');
    const bad = `${good}{"id":"p99","platform":"x"}\n`;
    await writeFile(join(dir, 'posts.ndjson'), bad);
    const manifest = JSON.parse(before) as { files: { path: string; sha256: string; bytes: number }[] };
    manifest.files[0]!.sha256 = createHash('sha256').update(bad).digest('hex');
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    try {
      const error = await convertToParquet({ root, target: 'demo/tweets' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).diagnostics[0]).toMatchObject({ file: 'data/demo/tweets/posts.ndjson', start: { line: 31 } });
    } finally {
      await writeFile(join(dir, 'posts.ndjson'), good);
      await writeFile(join(dir, 'manifest.json'), before);
    }
  });
});
