import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { coordinationInputHash } from './input-hash.ts';

describe('coordinationInputHash(datasets)', () => {
  it('hashes the posts files by their pinned hashes, in a fixed order, leaving accounts files out', () => {
    const b = { id: 'b', manifest: { files: [{ path: 'posts.ndjson', role: 'posts', sha256: '2' }, { path: 'accounts.ndjson', role: 'accounts', sha256: '3' }] } };
    const a = { id: 'a', manifest: { files: [{ path: 'posts.ndjson', role: 'posts', sha256: '1' }] } };
    const expected = createHash('sha256').update('a/posts.ndjson 1\nb/posts.ndjson 2').digest('hex');
    expect(coordinationInputHash([b, a])).toBe(expected);
    expect(coordinationInputHash([a, b])).toBe(expected);
  });
});
