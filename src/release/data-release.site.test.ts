/**
 * The data release of a small case, as readers download it: the chart and accounts files, the datasets as
 * released (byte for byte, or pseudonymised when a dossier is private) and the SHA256SUMS over all of it.
 * The site is checked and assembled without an Astro build, so these run in the unit suite.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../check/check-project.ts';
import { prepareSite } from '../site/prepare.ts';
import type { Site } from '../site/types.ts';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { accountsCsvName } from '../content/urls.ts';
import { checksums, generatedFile, generatedFiles, generatedIndex } from '../site/release-files.ts';
import { datasetFiles, releasedFile, releasedStream } from '../site/released-datasets.ts';
import { writeGeneratedFiles } from './data-release.ts';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const csvRows = (csv: string) => csv.trimEnd().split('\r\n').map((line) => line.split(','));

const PRIVATE_DOSSIER = `---
platform: x
handle: null
platformId: "200"
displayName: User A
subject: private
pseudonym: Member A
---
A private individual [@demo-source].
`;

type Assembled = CheckResult & { site: Site };

async function site(edit?: (p: TempProject) => Promise<void>): Promise<{ project: TempProject; result: Assembled }> {
  const project = await tempProject('minimal');
  await edit?.(project);
  const result = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache`, drafts: false });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { project, result: { ...result, site: prepareSite(result, { version: { commit: null, date: null, label: 'unversioned' } }) } };
}

let plain: { project: TempProject; result: Assembled };
let withPrivate: { project: TempProject; result: Assembled };
const out: string[] = [];

beforeAll(async () => {
  plain = await site();
  withPrivate = await site(async (p) => {
    await p.write('content/accounts/x/member-a.md', PRIVATE_DOSSIER);
    // A second file in the dataset that is not canonical posts: it cannot be pseudonymised line by line.
    await p.write('data/demo-case/posts/accounts.ndjson', '{"id":"200","handle":"user_a","platform":"x"}\n');
    const manifest = JSON.parse(await p.read('data/demo-case/posts/manifest.json'));
    manifest.files.push({ path: 'accounts.ndjson', format: 'ndjson', role: 'accounts', sha256: 'x' });
    await p.write('data/demo-case/posts/manifest.json', JSON.stringify(manifest));
    await p.rehash('data/demo-case/posts/manifest.json');
  });
}, 120_000);
afterAll(async () => {
  await plain.project.remove();
  await withPrivate.project.remove();
  for (const dir of out) await rm(dir, { recursive: true, force: true });
});

describe('generatedFiles(site, case)', () => {
  it('releases each chart as CSV and JSON, and the accounts table, under distinct names', () => {
    const { site: s } = plain.result;
    const c = s.cases[0]!;
    const names = [...generatedFiles(s, c)].map((f) => f.name);
    expect(names).toEqual([...Object.keys(c.charts).flatMap((id) => [`${id}.csv`, `${id}.json`]), accountsCsvName]);
    expect(names.length).toBeGreaterThan(4);
    const types = new Map([...generatedFiles(s, c)].map((f) => [f.name.split('.').at(-1), f.type]));
    expect(Object.fromEntries(types)).toEqual({ csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' });
  });

  it("writes a chart's JSON with the case, chart id, title, description and the same rows as its CSV", () => {
    const { site: s } = plain.result;
    const c = s.cases[0]!;
    const chart = Object.values(c.charts)[0]!;
    const json = generatedFile(s, c, `${chart.id}.json`)!.body;
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "case": "demo-case"');
    const parsed = JSON.parse(json);
    expect(parsed).toEqual({ case: 'demo-case', chart: chart.id, title: chart.output.title, description: chart.output.description, data: chart.output.data });
    const csv = csvRows(generatedFile(s, c, `${chart.id}.csv`)!.body);
    expect(csv.length).toBe(parsed.data.length + 1);
    expect(csv[0]).toEqual(Object.keys(parsed.data[0]));
  });

  it('lists every account in the accounts table, most active first, with counts by kind, first and last post and its page', () => {
    const { site: s } = plain.result;
    const rows = csvRows(generatedFile(s, s.cases[0]!, accountsCsvName)!.body);
    expect(rows[0]).toEqual(['account', 'handle', 'platform', 'posts', 'original', 'reposts', 'quotes', 'replies', 'first', 'last', 'active_days', 'page']);
    const byHandle = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byHandle.get('demo_official')).toEqual([
      expect.stringContaining('demo'),
      'demo_official',
      'x',
      '1',
      '1',
      '0',
      '0',
      '0',
      '2024-05-16T05:00:00.000Z',
      '2024-05-16T05:00:00.000Z',
      '1',
      '/accounts/x/demo_official/',
    ]);
    // A repost on the 16th and a quote on the 17th (local days in Asia/Baku).
    expect(byHandle.get('user_a')?.slice(1, 11)).toEqual(['user_a', 'x', '2', '0', '1', '1', '0', '2024-05-16T05:05:00.000Z', '2024-05-17T08:00:00.000Z', '2']);
    const totals = rows.slice(1).map((r) => Number(r[3]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("shows a private person in the accounts table by pseudonym, with no handle", () => {
    const { site: s } = withPrivate.result;
    const rows = csvRows(generatedFile(s, s.cases[0]!, accountsCsvName)!.body);
    const member = rows.find((r) => r[0] === 'Member A');
    expect(member?.[1]).toBe('');
    expect(rows.some((r) => r.includes('user_a'))).toBe(false);
  });

  it('finds no file under a name it does not release', () => {
    const { site: s } = plain.result;
    expect(generatedFile(s, s.cases[0]!, 'nothing.csv')).toBeUndefined();
  });
});

describe('generatedIndex(site, case)', () => {
  it("gives each generated file's name, type, size in bytes and SHA-256, as the bodies are", () => {
    const { site: s } = plain.result;
    const c = s.cases[0]!;
    const files = [...generatedFiles(s, c)];
    expect(generatedIndex(s, c)).toEqual(files.map((f) => ({ name: f.name, type: f.type, bytes: Buffer.byteLength(f.body, 'utf8'), sha256: sha(f.body) })));
    // Computed once: the data page and SHA256SUMS read the same index.
    expect(generatedIndex(s, c)).toBe(generatedIndex(s, c));
  });
});

describe('writeGeneratedFiles(site, outDir)', () => {
  it('writes every generated file under cases/<case>/data/ and counts them', async () => {
    const { site: s } = plain.result;
    const dir = await mkdtemp(path.join(tmpdir(), 'casefile-release-out-'));
    out.push(dir);
    const written = writeGeneratedFiles(s, dir);
    const files = [...generatedFiles(s, s.cases[0]!)];
    expect(written).toBe(files.length);
    const dataDir = path.join(dir, 'cases', 'demo-case', 'data');
    expect((await readdir(dataDir)).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(await readFile(path.join(dataDir, f.name), 'utf8')).toBe(f.body);
  });
});

describe('datasetFiles(site, case) and the released bytes', () => {
  it('releases a dataset byte for byte when no one is private, under <dataset>/<file> with the manifest hash', async () => {
    const { site: s, project } = { site: plain.result.site, project: plain.project };
    const [file, ...rest] = datasetFiles(s, s.cases[0]!);
    expect(rest).toEqual([]);
    const source = path.join(project.root, 'data/demo-case/posts/posts.ndjson');
    const bytes = await readFile(source);
    expect(file).toEqual({ name: 'posts/posts.ndjson', dataset: 'posts', source, sha256: sha(bytes), bytes: bytes.length, release: 'copy' });
    expect(await text(releasedStream(s, file!))).toBe(bytes.toString('utf8'));
    expect(await releasedFile(s, file!)).toEqual({ sha256: sha(bytes), bytes: bytes.length });
  });

  it('pseudonymises canonical posts and withholds any other file when a dossier is private', async () => {
    const { site: s } = withPrivate.result;
    const files = datasetFiles(s, s.cases[0]!);
    expect(files.map((f) => [f.name, f.release])).toEqual([
      ['posts/posts.ndjson', 'pseudonymise'],
      ['posts/accounts.ndjson', 'withhold'],
    ]);
    const [posts, accounts] = files;
    const released = await text(releasedStream(s, posts!));
    const lines = released.split('\n');
    expect(lines.at(-1)).toBe('');
    const authors = lines.filter(Boolean).map((l) => JSON.parse(l).author);
    expect(authors).toContainEqual({ id: 'pseudonymised-x-member-a', handle: null, name: 'Member A' });
    expect(released).not.toContain('user_a');
    expect(released).not.toContain('"200"');
    // Its hash and size are the released bytes', not the collected file's.
    const bytes = Buffer.from(released, 'utf8');
    expect(await releasedFile(s, posts!)).toEqual({ sha256: sha(bytes), bytes: bytes.length });
    expect(await releasedFile(s, accounts!)).toBeUndefined();
    expect(() => releasedStream(s, accounts!)).toThrow('posts/accounts.ndjson is withheld from the release.');
  });
});

describe('checksums(site, case)', () => {
  it('lists every released file with the SHA-256 of its bytes, sorted by name, in `sha256sum -c` format', async () => {
    const { site: s } = withPrivate.result;
    const c = s.cases[0]!;
    const sums = await checksums(s, c);
    expect(sums.endsWith('\n')).toBe(true);
    const lines = sums.trimEnd().split('\n').map((l) => /^([0-9a-f]{64}) {2}(\S+)$/.exec(l));
    expect(lines.every(Boolean)).toBe(true);
    const names = lines.map((m) => m![2]!);
    expect(names).toEqual([...names].sort());
    // The withheld file has no line; the pseudonymised one has the hash of what readers download.
    expect(names).not.toContain('posts/accounts.ndjson');
    const released = Buffer.from(await text(releasedStream(s, datasetFiles(s, c)[0]!)), 'utf8');
    const hashes = new Map(lines.map((m) => [m![2]!, m![1]!]));
    expect(hashes.get('posts/posts.ndjson')).toBe(sha(released));
    for (const f of generatedFiles(s, c)) expect(hashes.get(f.name)).toBe(sha(f.body));
    expect(names.length).toBe(generatedIndex(s, c).length + 1);
  });
});
