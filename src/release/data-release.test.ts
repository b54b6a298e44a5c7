import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Account } from '../schema/index.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import type { AccountLabel } from '../aggregate/account-names.ts';
import type { Site } from '../site/types.ts';
import { analyseCoordination } from '../aggregate/coordination/analyse.ts';
import { CoordinationSchema } from '../schema/index.ts';
import { coordinationFiles } from '../site/coordination.ts';
import { checksumsName } from '../content/urls.ts';
import { checksums, generatedFile, generatedFiles, generatedIndex, sha256 } from '../site/release-files.ts';
import { datasetFiles, releasedFile, releasedStream, type DatasetFile } from '../site/released-datasets.ts';
import { writeGeneratedFiles, writeReleasedDatasets } from './data-release.ts';

/** A site whose only dossier is a private account: the release pseudonymises its posts files. */
function siteWithPrivateDossier(): Site {
  const data = { platform: 'x', handle: null, platformId: '42', displayName: 'Jane Doe', subject: 'private', pseudonym: 'Member A', status: [] } as unknown as Account;
  return { cases: [], privatePeople: decidePrivacy([{ id: 'x/member-a', data }], []).people } as unknown as Site;
}

async function postsFile(body: string): Promise<DatasetFile> {
  const source = join(await mkdtemp(join(tmpdir(), 'casefile-release-')), 'posts.ndjson');
  await writeFile(source, body);
  return { name: 'posts/posts.ndjson', dataset: 'posts', source, sha256: 'a'.repeat(64), release: 'pseudonymise' };
}

const post = (id: string, authorId: string) => JSON.stringify({ id, platform: 'x', author: { id: authorId }, createdAt: '2024-05-16T09:00:00Z', kind: 'post', text: `post ${id}` });

describe('releasedStream(site, file)', () => {
  it('releasedStream(site, file) pseudonymises a posts file that starts with a byte-order mark and has CRLF endings, as ingest reads it', async () => {
    const file = await postsFile(`\uFEFF${post('1', '42')}\r\n${post('2', '7')}\r\n`);
    const released = (await text(releasedStream(siteWithPrivateDossier(), file))).split('\n');
    expect(released.map((line) => (line === '' ? '' : JSON.parse(line).author.id))).toEqual(['pseudonymised-x-member-a', '7', '']);
  });
});

/** A site where no one is private: every dataset file is released as collected. */
const publicSite = () => ({ cases: [], privatePeople: decidePrivacy([], []).people }) as unknown as Site;

describe('datasetFiles(site, case)', () => {
  it('withholds a posts file that is not NDJSON, and any accounts file, when someone is private', () => {
    const files = [
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: 'a'.repeat(64) },
      { path: 'posts.json', format: 'json', role: 'posts', sha256: 'b'.repeat(64) },
      { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts', sha256: 'c'.repeat(64) },
    ];
    const siteCase = { datasets: [{ id: 'posts', dir: '/data/posts', manifest: { files } }] } as unknown as Parameters<typeof datasetFiles>[1];
    expect(datasetFiles(siteWithPrivateDossier(), siteCase).map((f) => [f.name, f.release])).toEqual([
      ['posts/posts.ndjson', 'pseudonymise'],
      ['posts/posts.json', 'withhold'],
      ['posts/accounts.ndjson', 'withhold'],
    ]);
    expect(datasetFiles(publicSite(), siteCase).map((f) => f.release)).toEqual(['copy', 'copy', 'copy']);
  });
});

describe('releasedFile(site, file)', () => {
  it('releases a copied file byte for byte, its byte-order mark and CRLF endings included, and measures it when the manifest has no size', async () => {
    const body = `\uFEFF${post('1', '7')}\r\n${post('2', '8')}`;
    const file = { ...(await postsFile(body)), release: 'copy' as const };
    const bytes = Buffer.from(body, 'utf8');
    // Compared as bytes: decoding as text would drop the byte-order mark.
    expect((await buffer(releasedStream(publicSite(), file))).equals(bytes)).toBe(true);
    expect(await releasedFile(publicSite(), { ...file, sha256: sha256(body) })).toEqual({ sha256: sha256(body), bytes: bytes.length });
  });

  it('has no bytes for a withheld file', async () => {
    const file = { ...(await postsFile(`${post('1', '42')}\n`)), release: 'withhold' as const };
    expect(() => releasedStream(siteWithPrivateDossier(), file)).toThrow('posts/posts.ndjson is withheld from the release.');
    expect(await releasedFile(siteWithPrivateDossier(), file)).toBeUndefined();
  });

  it('hashes each pseudonymised file on its own', async () => {
    const site = siteWithPrivateDossier();
    const one = await releasedFile(site, await postsFile(`${post('1', '42')}\n`));
    const two = await releasedFile(site, await postsFile(`${post('1', '42')}\n${post('2', '7')}\n`));
    expect(one!.bytes).toBeLessThan(two!.bytes);
    expect(one!.sha256).not.toBe(two!.sha256);
  });
});

describe('writeReleasedDatasets(site, outDir)', () => {
  /** One case whose dataset has a posts file and an accounts file, both NDJSON. */
  async function caseWithDataset(site: Site) {
    const dir = await mkdtemp(join(tmpdir(), 'casefile-dataset-'));
    const posts = `\uFEFF${post('1', '42')}\r\n${post('2', '7')}\r\n`;
    await writeFile(join(dir, 'posts.ndjson'), posts);
    await writeFile(join(dir, 'accounts.ndjson'), '{"id":"42","handle":"jane_doe"}\n');
    const files = [
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: sha256(posts) },
      { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts', sha256: 'c'.repeat(64) },
    ];
    const siteCase = { id: 'kanaky', datasets: [{ id: 'posts', dir, manifest: { files } }] };
    return { site: { ...site, cases: [siteCase] } as unknown as Site, posts };
  }

  it('writes each released file at its address, byte for byte when no one is private', async () => {
    const { site, posts } = await caseWithDataset(publicSite());
    const out = await mkdtemp(join(tmpdir(), 'casefile-out-'));
    expect(await writeReleasedDatasets(site, out)).toBe(2);
    const folder = join(out, 'cases', 'kanaky', 'data', 'posts');
    expect((await readFile(join(folder, 'posts.ndjson'))).equals(Buffer.from(posts, 'utf8'))).toBe(true);
    expect(await readFile(join(folder, 'accounts.ndjson'), 'utf8')).toContain('jane_doe');
  });

  it('writes the pseudonymised posts a private dossier asks for, the same bytes the endpoint serves, and never a withheld file', async () => {
    const { site } = await caseWithDataset(siteWithPrivateDossier());
    const out = await mkdtemp(join(tmpdir(), 'casefile-out-'));
    expect(await writeReleasedDatasets(site, out)).toBe(1);
    const folder = join(out, 'cases', 'kanaky', 'data', 'posts');
    expect(await readdir(folder)).toEqual(['posts.ndjson']);
    const written = await readFile(join(folder, 'posts.ndjson'), 'utf8');
    expect(written).toBe(await text(releasedStream(site, datasetFiles(site, site.cases[0]!)[0]!)));
    expect(written).toContain('pseudonymised-x-member-a');
    expect(written).not.toMatch(/"id":"42"/);
  });
});

/** A case with one chart and two accounts, one of them a private person shown by pseudonym. */
function releaseCase(fields: Record<string, unknown> = {}) {
  const data = [
    { date: '2024-05-16', posts: 3 },
    { date: '2024-05-17', posts: 1 },
  ];
  return {
    id: 'demo',
    charts: { c1: { id: 'tags-by-day', output: { title: 'Posts by day', description: 'Posts with #DemoTag by local day.', data } } },
    model: {
      accounts: [
        { authorId: '42', platform: 'x', total: 3, byKind: { post: 1, repost: 1, quote: 0, reply: 1 }, first: Date.UTC(2024, 4, 16, 9), last: Date.UTC(2024, 4, 17, 10, 30), activeDays: 2 },
        { authorId: '9', platform: 'x', total: 1, byKind: { post: 1, repost: 0, quote: 0, reply: 0 }, first: Date.UTC(2024, 4, 16), last: Date.UTC(2024, 4, 16), activeDays: 1 },
        { authorId: '7', platform: 'telegram', total: 1, byKind: { post: 0, repost: 0, quote: 1, reply: 0 }, first: Date.UTC(2024, 4, 16), last: Date.UTC(2024, 4, 16), activeDays: 1 },
      ],
    },
    datasets: [],
    ...fields,
  } as unknown as Parameters<typeof datasetFiles>[1];
}

function releaseSite(cases: unknown[] = [releaseCase()]): Site {
  const labels: Record<string, AccountLabel> = {
    '42': { label: 'Member A', handle: 'janedoe', pseudonymised: true, href: '/cases/demo/accounts/member-a/' },
    '7': { label: 'Demo News', handle: 'demo_news', pseudonymised: false },
    '9': { label: 'No Handle', handle: null, pseudonymised: false },
  };
  return { cases, privatePeople: siteWithPrivateDossier().privatePeople, accountLabels: { demo: labels } } as unknown as Site;
}

describe('generatedFiles(site, case)', () => {
  it('releases each chart as CSV and JSON, and the accounts table with a private person as their pseudonym and no handle', () => {
    const files = [...generatedFiles(releaseSite(), releaseCase())];
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['tags-by-day.csv', 'text/csv; charset=utf-8'],
      ['tags-by-day.json', 'application/json; charset=utf-8'],
      ['accounts.csv', 'text/csv; charset=utf-8'],
    ]);
    expect(files[0]!.body).toBe('date,posts\r\n2024-05-16,3\r\n2024-05-17,1\r\n');
    expect(files[1]!.body).toBe(
      `${JSON.stringify({ case: 'demo', chart: 'tags-by-day', title: 'Posts by day', description: 'Posts with #DemoTag by local day.', data: [{ date: '2024-05-16', posts: 3 }, { date: '2024-05-17', posts: 1 }] }, null, 2)}\n`,
    );
    expect(files[2]!.body.split('\r\n')).toEqual([
      'account,handle,platform,posts,original,reposts,quotes,replies,first,last,active_days,page',
      'Member A,,x,3,1,1,0,1,2024-05-16T09:00:00.000Z,2024-05-17T10:30:00.000Z,2,/cases/demo/accounts/member-a/',
      'No Handle,,x,1,1,0,0,0,2024-05-16T00:00:00.000Z,2024-05-16T00:00:00.000Z,1,',
      'Demo News,demo_news,telegram,1,0,0,1,0,2024-05-16T00:00:00.000Z,2024-05-16T00:00:00.000Z,1,',
      '',
    ]);
  });

  it('refuses two files under one name rather than let one overwrite the other', () => {
    const twice = releaseCase({ charts: { a: { id: 'accounts', output: { title: '', description: '', data: [] } }, b: { id: 'accounts', output: { title: '', description: '', data: [] } } } });
    expect(() => [...generatedFiles(releaseSite(), twice)]).toThrow('Case demo: two release files named accounts.csv.');
  });

  it('releases the coordination files of a case that asks for them, with private people pseudonymised', () => {
    // 42 is private, 7 public with a handle, 9 public without one.
    const posts = ['42', '7', '9'].flatMap((account, n) =>
      [0, 1, 2].map((k) => ({ id: `r${k}-${account}`, accountId: account, time: Date.UTC(2024, 4, 15) + (k * 900 + n * 5) * 1000, kind: 'repost' as const, refId: `orig${k}`, text: '', urls: [], hashtags: [] })),
    );
    const coordination = analyseCoordination(posts, CoordinationSchema.parse({ minPosts: 1 }));
    const dataset = { id: 'posts', manifest: { files: [{ path: 'posts.ndjson', role: 'posts', sha256: 'a'.repeat(64) }, { path: 'accounts.ndjson', role: 'accounts', sha256: 'b'.repeat(64) }] } };
    const siteCase = releaseCase({ charts: {}, model: { accounts: [], coordination }, datasets: [dataset] });
    const files = [...generatedFiles(releaseSite([siteCase]), siteCase)];
    expect(files.map((f) => f.name)).toEqual(['accounts.csv', ...coordinationFiles('demo', coordination, { accountId: (id) => id, handle: () => '', postId: (id) => id, text: (t) => t }, '').map((f) => f.name)]);
    const all = files.map((f) => f.body).join('\n');
    expect(all).toContain('pseudonymised-x-member-a');
    expect(all).not.toMatch(/(^|[^\w-])42([^\w]|$)/m);
    // The files name the posts files they were computed from (their hash), not the accounts files.
    expect(all).toContain(`"inputHash": "${sha256(`posts/posts.ndjson ${'a'.repeat(64)}`)}"`);
    // Public accounts keep their handles; a private person and an account without a handle show none.
    const clusters = files.find((f) => f.name === 'coordination/clusters.csv')!.body.split('\r\n').slice(1, -1);
    expect(clusters.map((row) => row.split(',').slice(1, 3))).toEqual([
      ['pseudonymised-x-member-a', ''],
      ['7', 'demo_news'],
      ['9', ''],
    ]);
  });
});

describe('generatedIndex(site, case) and generatedFile(site, case, name)', () => {
  it('gives each generated file its size in bytes and hash, and finds a file by name', () => {
    const site = releaseSite();
    const siteCase = releaseCase();
    const files = [...generatedFiles(site, siteCase)];
    expect(generatedIndex(site, siteCase)).toEqual(files.map((f) => ({ name: f.name, type: f.type, bytes: Buffer.byteLength(f.body, 'utf8'), sha256: sha256(f.body) })));
    expect(generatedIndex(site, siteCase).find((f) => f.name === 'tags-by-day.csv')?.bytes).toBe(40);
    expect(generatedFile(site, siteCase, 'tags-by-day.json')?.body).toBe(files[1]!.body);
    expect(generatedFile(site, siteCase, 'nothing.csv')).toBeUndefined();
  });

  it('makes the index once per case: the data page and SHA256SUMS read the same one', () => {
    const site = releaseSite();
    const siteCase = releaseCase();
    expect(generatedIndex(site, siteCase)).toBe(generatedIndex(site, siteCase));
    expect(generatedIndex(site, releaseCase())).not.toBe(generatedIndex(site, siteCase));
  });
});

describe('writeGeneratedFiles(site, outDir)', () => {
  it('writes every case’s files under cases/<case>/data/, in folders of their own when the name has one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'casefile-release-out-'));
    const siteCase = releaseCase({ charts: { c: { id: 'tags-by-day', output: { title: 't', description: 'd', data: [{ a: 1 }] } } } });
    expect(writeGeneratedFiles(releaseSite([siteCase]), out)).toBe(3);
    expect(await readFile(join(out, 'cases/demo/data/tags-by-day.csv'), 'utf8')).toBe('a\r\n1\r\n');
    expect(await readFile(join(out, 'cases/demo/data/accounts.csv'), 'utf8')).toMatch(/^account,handle/);
  });

  it('writes the coordination files into their own folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'casefile-release-out-'));
    const posts = ['7', '8'].flatMap((account, n) =>
      [0, 1, 2].map((k) => ({ id: `r${k}-${account}`, accountId: account, time: Date.UTC(2024, 4, 15) + (k * 900 + n * 5) * 1000, kind: 'repost' as const, refId: `o${k}`, text: '', urls: [], hashtags: [] })),
    );
    const coordination = analyseCoordination(posts, CoordinationSchema.parse({ minPosts: 1 }));
    const siteCase = releaseCase({ charts: {}, model: { accounts: [], coordination } });
    const count = writeGeneratedFiles(releaseSite([siteCase]), out);
    expect(count).toBe(7);
    expect(await readFile(join(out, 'cases/demo/data/coordination/edges.csv'), 'utf8')).toMatch(/^account_a,account_b/);
  });
});

describe('checksums(site, case)', () => {
  it('is released as SHA256SUMS, the name the data page tells readers to run `sha256sum -c` on', () => {
    expect(checksumsName).toBe('SHA256SUMS');
  });

  it('lists every released file, generated and dataset, sorted by name, in sha256sum format; a withheld file is not listed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casefile-release-sums-'));
    const body = `${post('1', '42')}\n${post('2', '7')}\n`;
    await writeFile(join(dir, 'posts.ndjson'), body);
    await writeFile(join(dir, 'posts.json'), '[]');
    const files = [
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: sha256(body) },
      { path: 'posts.json', format: 'json', role: 'posts', sha256: sha256('[]') },
    ];
    const siteCase = releaseCase({ datasets: [{ id: 'x-2024', dir, manifest: { files } }] });
    const site = releaseSite([siteCase]);
    const released = await text(releasedStream(site, datasetFiles(site, siteCase)[0]!));
    const index = Object.fromEntries(generatedIndex(site, siteCase).map((f) => [f.name, f.sha256]));
    expect(await checksums(site, siteCase)).toBe(
      `${index['accounts.csv']}  accounts.csv\n${index['tags-by-day.csv']}  tags-by-day.csv\n${index['tags-by-day.json']}  tags-by-day.json\n${sha256(released)}  x-2024/posts.ndjson\n`,
    );
    // Nobody private: the dataset files as collected, both of them.
    const open = { ...site, privatePeople: publicSite().privatePeople } as Site;
    expect((await checksums(open, siteCase)).split('\n').slice(-3)).toEqual([`${sha256('[]')}  x-2024/posts.json`, `${sha256(body)}  x-2024/posts.ndjson`, '']);
  });
});
