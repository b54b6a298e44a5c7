/**
 * Seeded fuzzing of the parsers an editor's files go through first: whatever the bytes, they return a
 * result or located diagnostics, and never throw. A failure prints fast-check's seed and path to replay it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/content/frontmatter.ts';
import { parseJsonFile } from '../../src/content/json-file.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { postNormaliser } from '../../src/ingest/normalise-post.ts';
import { readPosts } from '../../src/ingest/read-posts.ts';
import { expectLocated, FUZZ_SEED, mutated, text } from './arbitraries.ts';

const FILE = 'content/fuzz.md';

/** Any YAML value a document could hold, written out by the `yaml` package. */
const yamlDocument = fc.anything({ withNullPrototype: false, withBoxedValues: false }).map((value) => {
  try {
    return stringify(value);
  } catch {
    // Values YAML cannot express (e.g. symbols as keys) become a plain scalar.
    return `${String(typeof value)}\n`;
  }
});

describe('parseFrontmatter(text, file)', () => {
  it('returns data or located diagnostics for any YAML and body', () => {
    fc.assert(
      fc.property(fc.oneof(yamlDocument, text, mutated('---\ntitle: x\nlist: [a, b]\n---\nBody\n')), text, (yamlText, body) => {
        const result = parseFrontmatter(`---\n${yamlText}\n---\n${body}`, FILE);
        expectLocated(result.diagnostics, FILE);
        // The body is returned untouched unless the YAML itself holds the closing `---` line.
        if (result.diagnostics.length === 0 && !/^---[ \t]*$/m.test(yamlText)) expect(result.body).toBe(body);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });

  it('returns located diagnostics for any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(text, mutated('\uFEFF---\na: 1\n---\n')), (input) => {
        expectLocated(parseFrontmatter(input, FILE).diagnostics, FILE);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});

describe('parseJsonFile(text, file)', () => {
  it('parses any JSON back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseJsonFile(JSON.stringify(value), 'data/x/y/manifest.json');
        expect(result.diagnostics).toEqual([]);
        expect(result.data).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });

  it('reports broken JSON at a line and column', () => {
    fc.assert(
      fc.property(fc.oneof(text, mutated('{\n  "files": [ { "path": "a" } ],\n  "n": 1\n}\n')), (input) => {
        expectLocated(parseJsonFile(input, 'data/x/y/manifest.json').diagnostics, 'data/x/y/manifest.json');
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });
});

describe('readPosts(options)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casefile-fuzz-posts-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const validLine = JSON.stringify({
    id: '1',
    platform: 'x',
    author: { id: '100', handle: 'a' },
    createdAt: '2024-05-16T09:00:00+04:00',
    text: 'First #DemoTag',
    kind: 'post',
    hashtags: ['DemoTag'],
  });
  /** NDJSON lines: any JSON value, valid posts, mutated posts, and raw text. */
  const line = fc.oneof(fc.json(), fc.constant(validLine), mutated(validLine), text.map((s) => s.replace(/\n/g, ' ')));

  async function read(content: string, format: 'ndjson' | 'json'): Promise<{ posts: number; diagnostics: Diagnostic[] }> {
    const file = path.join(dir, `posts.${format}`);
    await writeFile(file, content);
    return readPosts({
      path: file,
      file: `data/fuzz/posts/posts.${format}`,
      dataset: 'posts',
      format,
      normalise: postNormaliser([{ tag: 'DemoTag', aliases: [] }]),
      onPost: () => {},
    });
  }

  it('reads any NDJSON into posts and located diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), async (lines) => {
        const { posts, diagnostics } = await read(lines.join('\n'), 'ndjson');
        expectLocated(diagnostics, 'data/fuzz/posts/posts.ndjson');
        expect(posts).toBeLessThanOrEqual(lines.length);
      }),
      { seed: FUZZ_SEED, numRuns: 150 },
    );
  });

  it('reads any JSON document into posts and located diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.array(line).map((l) => `[${l.join(',')}]`), mutated(`[${validLine}]`)), async (content) => {
        expectLocated((await read(content, 'json')).diagnostics, 'data/fuzz/posts/posts.json');
      }),
      { seed: FUZZ_SEED, numRuns: 150 },
    );
  });
});
