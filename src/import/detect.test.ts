import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { detectFormat, guessDelimiter } from './detect.ts';
import { fixtureDir } from './fixtures.ts';
import { importDataset, type ImportOptions } from './run.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const now = (): Date => new Date('2024-06-01T00:00:00Z');
const x = (name: string): string => join(fixtureDir, 'x-api-v2', name);

async function imported(inputs: string[], extra: Partial<ImportOptions> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'casefile-detect-'));
  roots.push(root);
  const report = await importDataset({ root, caseId: 'kanaky', dataset: 'd', inputs, now, ...extra });
  const posts = readFileSync(join(root, 'data', 'kanaky', 'd', 'posts.ndjson'), 'utf8');
  return { report, posts, lines: posts.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

async function failure(promise: Promise<unknown>): Promise<Diagnostic[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiagnosticError);
  return (error as DiagnosticError).diagnostics;
}

describe('detectFormat(file)', () => {
  it.each([
    ['x-api-v2/pages.jsonl', 'x-api-v2', 'X API v2 response pages, one per line (twarc2)'],
    ['x-api-v2/flattened.jsonl', 'x-api-v2', 'X API v2 tweets, one per line (twarc2 flatten)'],
    ['x-api-v2/response.json', 'x-api-v2', 'an X API v2 response saved as one JSON document'],
    ['x-api-v2/pages-jq.json', 'x-api-v2', 'an X API v2 response saved as one JSON document'],
    ['x-api-v2/pages-array.json', 'x-api-v2', 'a JSON array of X API v2 response pages'],
    ['telegram/result.json', 'telegram', 'a Telegram Desktop chat export (result.json)'],
    ['snscrape/tweets.jsonl', 'snscrape', 'snscrape tweets, one per line'],
    ['io-archive/tweets.csv', 'io-archive', 'an X information-operations archive (CSV)'],
    ['csv/posts.csv', 'csv', 'a CSV of 10 columns'],
    ['csv/posts-semicolons.csv', 'csv', 'a CSV of 10 columns, separated by semicolons'],
  ])('%s is %s', async (name, format, as) => {
    expect(await detectFormat(join(fixtureDir, name), name)).toMatchObject({ format, as });
  });

  it('refuses a file of no known format in one error naming the formats and what the file looks like', async () => {
    for (const [name, looks] of [
      ['errors/notes.txt', 'text that starts `This is a note about the export.`'],
      ['errors/unknown.jsonl', 'JSON lines whose first object has the keys `title`, `items`'],
    ] as const) {
      const diagnostics = await failure(detectFormat(join(fixtureDir, name), name));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ ruleId: 'import/unknown-format', file: name, actual: looks });
      expect(diagnostics[0]!.message).toBe(`Unexpected ${looks}, expected one of the exports the importer reads.`);
      for (const format of ['x-api-v2', 'telegram', 'snscrape', 'io-archive', 'csv']) expect(diagnostics[0]!.hint).toContain(`\`${format}`);
    }
  });

  it('guessDelimiter(header) picks the delimiter that splits the header, outside quotes', () => {
    expect(guessDelimiter('a,b,c')).toBe(',');
    expect(guessDelimiter('a;b;"c,d"')).toBe(';');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('"a;b",c')).toBe(',');
  });
});

describe('importDataset without a format', () => {
  it('a single pretty-printed X API v2 response page imports with the right posts, kinds and texts', async () => {
    const { report, lines } = await imported([x('response.json')]);
    expect(report.format).toBe('x-api-v2');
    expect(report.readAs).toEqual([{ file: expect.stringMatching(/response\.json$/), as: 'an X API v2 response saved as one JSON document' }]);
    expect(report.invalid).toEqual([]);
    const note = JSON.parse(readFileSync(x('response.json'), 'utf8')).data[0].note_tweet.text as string;
    expect(lines.map((p) => [p.id, p.kind, p.text])).toEqual([
      ['1791400000000000010', 'post', note],
      ['1791400000000000011', 'repost', note],
      ['1791400000000000012', 'quote', 'Read this before sharing anything about New Caledonia.'],
      ['1791400000000000013', 'reply', '@baku_watch Les liens sont dans le fil.'],
    ]);
    expect(note).toContain('Deuxième point');
    expect(lines[0]).toMatchObject({ hashtags: ['NouvelleCalédonie', 'Kanaky'], urls: ['https://example.org/dossier'], author: { handle: 'kanak_voice' } });
    expect(lines[1]).toMatchObject({ ref: { id: '1791400000000000010', authorId: '1790000000000000001' }, hashtags: ['NouvelleCalédonie', 'Kanaky'] });
    expect(lines[3]).toMatchObject({ ref: { id: '1791400000000000012', authorId: '1523456789012345678' }, mentions: ['baku_watch'] });
  });

  it('reads the same posts from pages one per line, pretty-printed one after another, in an array and in a folder', async () => {
    const { posts: expected } = await imported([x('pages.jsonl')], { format: 'x-api-v2' });
    for (const input of [x('pages-jq.json'), x('pages-array.json'), x('folder')]) {
      const { posts, report } = await imported([input]);
      expect(posts, input).toBe(expected);
      expect(report.rowsRead, input).toBe(4);
    }
    const folder = await imported([x('folder')]);
    expect(folder.report.readAs.map((r) => r.file.split('/').pop())).toEqual(['page-1.json', 'page-2.json']);
  });

  it('reads a CSV with a byte-order mark, \\r\\n line ends and semicolons as the comma-separated one', async () => {
    const mapping = join(fixtureDir, 'csv', 'mapping.json');
    const { posts: expected } = await imported([join(fixtureDir, 'csv', 'posts.csv')], { mapping });
    const { posts, report } = await imported([join(fixtureDir, 'csv', 'posts-semicolons.csv')], { mapping });
    expect(report.readAs[0]!.as).toBe('a CSV of 10 columns, separated by semicolons');
    expect(posts).toBe(expected);
  });

  it('refuses files of different formats in one import', async () => {
    const [d] = await failure(imported([x('pages.jsonl'), join(fixtureDir, 'snscrape', 'tweets.jsonl')]));
    expect(d!.message).toMatch(/read as snscrape tweets, one per line beside .*pages\.jsonl read as `x-api-v2`, expected files of one format in one import/);
  });

  it('locates a syntax error in a pretty-printed document on its line', async () => {
    const root = mkdtempSync(join(tmpdir(), 'casefile-detect-'));
    roots.push(root);
    const broken = join(root, 'broken.json');
    const text = readFileSync(x('response.json'), 'utf8').replace('"lang": "en",', '"lang": "en" "oops",');
    writeFileSync(broken, text);
    const line = text.split('\n').findIndex((l) => l.includes('"oops"')) + 1;
    const [d] = await failure(importDataset({ root, caseId: 'kanaky', dataset: 'd', inputs: [broken], now }));
    expect(d).toMatchObject({ ruleId: 'json/syntax', start: { line } });
  });
});
