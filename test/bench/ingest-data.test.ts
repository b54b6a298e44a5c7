/**
 * The benchmark's generator writes each post as text, without building an object; these tests hold
 * its lines to what JSON.stringify would write, and its bytes to those of earlier rounds, so figures
 * measured on its data stay comparable.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../bench/ingest-data.ts';
import { PostSchema } from '../../src/schema/post.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-bench-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('benchmark data', () => {
  it('writes every post as the JSON.stringify of a valid post, one a line', async () => {
    const file = join(dir, 'posts.ndjson');
    const bytes = await writeDataset(file, 20_000);
    const text = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(text)).toBe(bytes);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(20_000);
    for (const line of lines) {
      const post = JSON.parse(line) as unknown;
      expect(JSON.stringify(post)).toBe(line);
      expect(PostSchema.safeParse(post).success).toBe(true);
    }
    // The escapes and non-ASCII the generator promises are there.
    expect(text).toContain('\\n');
    expect(text).toContain('\\"');
    expect(text).toContain('🇦🇿');
  });

  it('writes the same bytes as the object-building generator of earlier rounds', async () => {
    const file = join(dir, 'same.ndjson');
    await writeDataset(file, 20_000);
    // SHA-256 of the first 20k posts as generated from post objects and JSON.stringify (bench/ingest-data.ts at 2580240).
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe('8eadf06f6a2652fce844b138015326cc94a8a0eafa15b3ade7d8a22486c921e1');
  });
});
