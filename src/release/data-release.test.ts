import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { Account } from '../schema/index.ts';
import { decidePrivacy } from '../aggregate/pseudonymise.ts';
import type { Site } from '../site/types.ts';
import { releasedStream, type DatasetFile } from './data-release.ts';

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
