import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Account } from '../schema/index.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import type { Site } from '../site/types.ts';
import { datasetFiles, releasedFile, releasedStream, sha256, type DatasetFile } from './data-release.ts';

/** A site whose only dossier is a private account: the release pseudonymises its posts files. */
function siteWithPrivateDossier(): Site {
  const data = { platform: 'x', handle: null, platformId: '42', displayName: 'Jane Doe', subject: 'private', pseudonym: 'Member A', status: [] } as unknown as Account;
  return { cases: [], privacy: decidePrivacy([{ id: 'x/member-a', data }], []) } as unknown as Site;
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
const publicSite = () => ({ cases: [], privacy: decidePrivacy([], []) }) as unknown as Site;

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

  it('hashes each pseudonymised file on its own', async () => {
    const site = siteWithPrivateDossier();
    const one = await releasedFile(site, await postsFile(`${post('1', '42')}\n`));
    const two = await releasedFile(site, await postsFile(`${post('1', '42')}\n${post('2', '7')}\n`));
    expect(one!.bytes).toBeLessThan(two!.bytes);
    expect(one!.sha256).not.toBe(two!.sha256);
  });
});
