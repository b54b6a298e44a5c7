import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NormalisedPost } from './normalise-post.ts';
import { postNormaliser } from './normalise-post.ts';
import { readPosts } from './read-posts.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/aggregate/${name}`, import.meta.url));
const normalise = postNormaliser([{ tag: 'RecognizeNewCaledonia', aliases: ['RecognizeNewCalendonia'] }]);

async function read(name: string, format: 'ndjson' | 'json') {
  const posts: NormalisedPost[] = [];
  const result = await readPosts({ path: fixture(name), file: `test/fixtures/aggregate/${name}`, dataset: 'd', format, normalise, onPost: (p) => posts.push(p) });
  return { list: posts, diagnostics: result.diagnostics, count: result.posts };
}

describe('readPosts(ndjson)', () => {
  it('readPosts(file) reports every bad line with its line and the column of the offending value', async () => {
    const { list, count, diagnostics } = await read('bad.ndjson', 'ndjson');
    expect(count).toBe(2);
    expect(list.map((p) => [p.id, p.line])).toEqual([['b1', 1], ['b1', 6]]);
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId])).toEqual([
      [2, 108, 'schema/invalid-value'],
      [3, 102, 'json/syntax'],
      [4, 42, 'schema/invalid-type'],
      [4, 58, 'schema/invalid-value'],
      [4, 111, 'schema/unknown-key'],
    ]);
    expect(diagnostics[0]!.message).toBe("Unexpected `retweet` in `kind`, expected one of `post`, `repost`, `quote`, `reply`.");
    expect(diagnostics.every((d) => d.file === 'test/fixtures/aggregate/bad.ndjson')).toBe(true);
  });

  it('readPosts(file) shows the first 200 problems of a file and says how many more there are', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'casefile-posts-')), 'posts.ndjson');
    await writeFile(path, '{\n'.repeat(203));
    const { diagnostics } = await readPosts({ path, file: 'posts.ndjson', dataset: 'd', format: 'ndjson', normalise, onPost: () => {} });
    expect(diagnostics).toHaveLength(201);
    expect(diagnostics.slice(0, 200).every((d) => d.ruleId === 'json/syntax')).toBe(true);
    expect([diagnostics[200]!.ruleId, diagnostics[200]!.start.line, diagnostics[200]!.message]).toEqual([
      'ingest/too-many-problems',
      200,
      'Unexpected 3 more problems after the first 200, expected a file that mostly validates.',
    ]);
  });

  it('readPosts(file) reports a URL with a control character or whitespace at the URL', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'casefile-posts-')), 'posts.ndjson');
    const line = (id: string, url: string) => JSON.stringify({ id, platform: 'x', author: { id: '100' }, createdAt: '2024-05-16T09:00:00Z', text: 't', kind: 'post', url });
    await writeFile(path, [line('1', 'https://x.com/a\u0007b'), line('2', 'https://x.com/a\tb'), line('3', 'https://x.com/a b'), line('4', 'https://x.com/ab')].join('\n'));
    const { diagnostics, posts } = await readPosts({ path, file: 'posts.ndjson', dataset: 'd', format: 'ndjson', normalise, onPost: () => {} });
    expect(posts).toBe(1);
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId])).toEqual([
      [1, 114, 'schema/invalid-value'],
      [2, 114, 'schema/invalid-value'],
      [3, 114, 'schema/invalid-value'],
    ]);
  });

  it('readPosts(file) keeps each post’s language and reports a tag that is not BCP 47 at its value', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'casefile-posts-')), 'posts.ndjson');
    const line = (id: string, lang?: string) => JSON.stringify({ id, platform: 'x', author: { id: '100' }, createdAt: '2024-05-16T09:00:00Z', text: 't', lang, kind: 'post' });
    await writeFile(path, [line('1', 'fr'), line('2', 'zh-Hant-TW'), line('3'), line('4', 'en_US'), line('5', 'français')].join('\n'));
    const posts: NormalisedPost[] = [];
    const { diagnostics } = await readPosts({ path, file: 'posts.ndjson', dataset: 'd', format: 'ndjson', normalise, onPost: (p) => posts.push(p) });
    expect(posts.map((p) => [p.id, p.lang])).toEqual([['1', 'fr'], ['2', 'zh-Hant-TW'], ['3', undefined]]);
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId, d.message])).toEqual([
      [4, 101, 'schema/invalid-value', 'Unexpected `en_US` in `lang`, expected a BCP 47 language tag such as en or fr.'],
      [5, 101, 'schema/invalid-value', 'Unexpected `français` in `lang`, expected a BCP 47 language tag such as en or fr.'],
    ]);
  });

  it('readPosts(file) folds hashtags and maps aliases to the tag as the case spells it', async () => {
    const { list: posts } = await read('posts.ndjson', 'ndjson');
    expect(posts.find((p) => p.id === 'p02')!.tags).toEqual(['RecognizeNewCaledonia']);
    expect(posts.find((p) => p.id === 'p03')!.tags).toEqual(['RecognizeNewCaledonia']);
    expect(posts.find((p) => p.id === 'p19')!.tags).toEqual(['kanaky']);
    expect(posts.find((p) => p.id === 'p02')!.time).toBe(Date.parse('2024-10-25T22:00:00Z'));
  });
});

describe('readPosts(json)', () => {
  it('readPosts(file) locates a schema problem inside a JSON array by element', async () => {
    const { list, diagnostics } = await read('posts.json', 'json');
    expect(list.map((p) => p.id)).toEqual(['j1']);
    expect(diagnostics.map((d) => [d.start.line, d.ruleId])).toEqual([[3, 'schema/invalid-value']]);
  });

  it('readPosts(file) reports malformed JSON at its line and column', async () => {
    const { diagnostics } = await read('malformed.json', 'json');
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId])).toEqual([[3, 25, 'json/syntax']]);
  });
});
