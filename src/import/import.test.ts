import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { ManifestSchema } from '../schema/manifest.ts';
import { PostSchema } from '../schema/post.ts';
import { fixtureDir, fixtureImports } from './fixtures.ts';
import { importDataset, ReadDigest, type ImportOptions } from './run.ts';
import { importFormats, type ImportFormat } from './types.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'casefile-import-'));
  roots.push(root);
  return root;
}

const now = (): Date => new Date('2024-06-01T00:00:00Z');

function run(root: string, format: ImportFormat, extra: Partial<ImportOptions> = {}) {
  return importDataset({ format, root, caseId: 'kanaky', dataset: format, now, ...fixtureImports[format], ...extra });
}

function datasetFiles(root: string, dataset: string): Record<string, string> {
  const dir = join(root, 'data', 'kanaky', dataset);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

async function failure(promise: Promise<unknown>): Promise<Diagnostic[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiagnosticError);
  return (error as DiagnosticError).diagnostics;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('importDataset(format, fixture)', () => {
  for (const format of importFormats) {
    it(`${format} writes the expected canonical posts and accounts`, async () => {
      const root = tempRoot();
      await run(root, format);
      const files = datasetFiles(root, format);
      expect(files['posts.ndjson']).toBe(readFileSync(join(fixtureDir, format, 'expected', 'posts.ndjson'), 'utf8'));
      expect(files['accounts.ndjson']).toBe(readFileSync(join(fixtureDir, format, 'expected', 'accounts.ndjson'), 'utf8'));
      for (const line of files['posts.ndjson']!.trimEnd().split('\n')) expect(PostSchema.safeParse(JSON.parse(line)).success).toBe(true);
    });

    it(`${format} pins every file and input in a valid manifest`, async () => {
      const root = tempRoot();
      await run(root, format);
      const files = datasetFiles(root, format);
      const manifest = ManifestSchema.parse(JSON.parse(files['manifest.json']!));
      expect(manifest.synthetic).toBe(false);
      expect(manifest.licence).toBe("unknown — check the data's terms");
      for (const file of manifest.files) expect(file.sha256).toBe(sha256(files[file.path]!));
      expect(manifest.collection.inputs.map((i) => i.sha256)).toEqual(
        fixtureImports[format].inputs.map((input) => sha256(readFileSync(input, 'utf8'))),
      );
    });

    it(`${format} re-imported into the same dataset changes nothing, byte for byte`, async () => {
      const root = tempRoot();
      const first = await run(root, format, { now: () => new Date('2024-06-01T00:00:00Z') });
      const before = datasetFiles(root, format);
      const second = await run(root, format, { now: () => new Date('2025-01-01T00:00:00Z') });
      expect(datasetFiles(root, format)).toEqual(before);
      expect(second.written).toBe(false);
      expect(second.imported).toBe(0);
      expect(second.deduplicated).toBe(first.posts + first.deduplicated);
    });
  }

  it('x-api-v2 keeps the first copy of a tweet seen on two pages', async () => {
    const report = await run(tempRoot(), 'x-api-v2');
    expect(report).toMatchObject({ rowsRead: 5, imported: 4, deduplicated: 1, changed: { 'non-http URL dropped': 1 } });
  });

  it('x-api-v2 imported file by file merges into the same dataset as one import', async () => {
    const [pages, flattened] = fixtureImports['x-api-v2'].inputs;
    const merged = tempRoot();
    await run(merged, 'x-api-v2', { inputs: [flattened!] });
    await run(merged, 'x-api-v2', { inputs: [pages!] });
    const together = tempRoot();
    await run(together, 'x-api-v2');
    expect(datasetFiles(merged, 'x-api-v2')['posts.ndjson']).toBe(datasetFiles(together, 'x-api-v2')['posts.ndjson']);
  });

  it('sorting through many small runs on disk gives the same file', async () => {
    const root = tempRoot();
    await run(root, 'x-api-v2', { runSize: 1 });
    expect(datasetFiles(root, 'x-api-v2')['posts.ndjson']).toBe(
      readFileSync(join(fixtureDir, 'x-api-v2', 'expected', 'posts.ndjson'), 'utf8'),
    );
  });

  it('telegram skips and counts service messages', async () => {
    const report = await run(tempRoot(), 'telegram');
    expect(report.skipped).toEqual({ 'service message (join, pin, title change…)': 2 });
    expect(report.imported).toBe(3);
  });

  it('--replace swaps in the new data and leaves no temporary folder', async () => {
    const root = tempRoot();
    await run(root, 'csv');
    await run(root, 'csv', { replace: true, inputs: [join(fixtureDir, 'csv', 'posts.csv')], licence: 'CC-BY-4.0' });
    expect(JSON.parse(datasetFiles(root, 'csv')['manifest.json']!).licence).toBe('CC-BY-4.0');
    expect(readdirSync(join(root, 'data', 'kanaky'))).toEqual(['csv']);
  });
});

describe('importDataset(broken input)', () => {
  const badRow = join(fixtureDir, 'errors', 'io-archive-bad-row.csv');

  it('fails on a malformed row with its file and line, writing nothing', async () => {
    const root = tempRoot();
    const diagnostics = await failure(run(root, 'io-archive', { inputs: [badRow], root }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: expect.stringMatching(/test\/fixtures\/import\/errors\/io-archive-bad-row\.csv$/),
      start: { line: 5, column: 511 },
      ruleId: 'import/invalid-row',
      message: 'Unexpected `many` in `like_count`, expected a whole count such as 12 or 12.0, or nothing.',
    });
    // Not even the case's folder: it was made for this import.
    expect(existsSync(join(root, 'data', 'kanaky'))).toBe(false);
  });

  it('a failed import leaves the existing dataset untouched', async () => {
    const root = tempRoot();
    await run(root, 'io-archive');
    const before = datasetFiles(root, 'io-archive');
    await failure(run(root, 'io-archive', { inputs: [badRow], replace: true }));
    expect(datasetFiles(root, 'io-archive')).toEqual(before);
    expect(readdirSync(join(root, 'data', 'kanaky'))).toEqual(['io-archive']);
  });

  it('--skip-invalid leaves the row out and reports it', async () => {
    const report = await run(tempRoot(), 'io-archive', { inputs: [badRow], skipInvalid: true });
    expect(report.imported).toBe(3);
    expect(report.skipped).toEqual({ 'invalid row': 1 });
    expect(report.invalid.map((d) => d.start.line)).toEqual([5]);
  });

  it('reports a truncated JSON file as ending early', async () => {
    const [d] = await failure(run(tempRoot(), 'telegram', { inputs: [join(fixtureDir, 'errors', 'telegram-truncated.json')] }));
    expect(d).toMatchObject({ ruleId: 'json/syntax', message: 'Unexpected end of the text in JSON, expected the rest of the document (a closing `}` or `]`).' });
  });

  it('locates a broken JSONL line', async () => {
    const diagnostics = await failure(run(tempRoot(), 'snscrape', { inputs: [join(fixtureDir, 'errors', 'snscrape-bad-line.jsonl')] }));
    expect(diagnostics.map((d) => [d.ruleId, d.start.line, d.message])).toEqual([
      ['json/syntax', 2, 'Unexpected `b` in JSON, expected valid JSON.'],
    ]);
  });

  it('refuses UTF-16 text', async () => {
    const [d] = await failure(run(tempRoot(), 'io-archive', { inputs: [join(fixtureDir, 'errors', 'io-archive-utf16.csv')] }));
    expect(d).toMatchObject({ ruleId: 'import/encoding', start: { line: 1 }, message: 'Unexpected UTF-16 text, expected UTF-8 text.' });
  });

  it('refuses bytes that are not UTF-8, on their line', async () => {
    const [d] = await failure(run(tempRoot(), 'io-archive', { inputs: [join(fixtureDir, 'errors', 'io-archive-latin1.csv')] }));
    expect(d).toMatchObject({ ruleId: 'text/invalid-utf8', start: { line: 4 }, message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text.' });
  });

  it('places a CSV cell it refuses at its own column, and asks for the kinds mapping an unknown kind needs', async () => {
    const root = tempRoot();
    const csv = join(root, 'posts.csv');
    const mapping = join(root, 'mapping.json');
    writeFileSync(
      csv,
      [
        'Tweet ID,User ID,Date,Text,Type,Ref',
        '1,7,2024-05-16T09:00:00Z,"A text, with a comma",tweet,',
        '2,8,2024-05-16T09:05:00Z,"Quoted ""and""',
        'on two lines",quote_tweet,1',
        '3,9,16/05/2024,Hello,tweet,',
      ].join('\r\n'),
    );
    writeFileSync(mapping, JSON.stringify({ platform: 'x', columns: { id: 'Tweet ID', authorId: 'User ID', time: 'Date', text: 'Text', kind: 'Type', refId: 'Ref' }, kinds: { tweet: 'post' } }));
    const diagnostics = await failure(run(root, 'csv', { inputs: [csv], mapping }));
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.message])).toEqual([
      [4, 15, 'Unexpected `quote_tweet` in `Type`, expected post, repost, quote or reply (or a value listed in the mapping’s `kinds`).'],
      [5, 5, 'Unexpected `16/05/2024` in `Date`, expected a time with a UTC offset, like 2024-05-16T09:30:00+11:00.'],
    ]);
    expect(diagnostics[0]!.hint).toBe(
      'Say in the mapping which kind `quote_tweet` stands for: "kinds": { "tweet": "post", "quote_tweet": "quote" }. Or fix the row, or pass --skip-invalid to leave it out and report it.',
    );
  });

  it('keeps every digit of an id written as a number past 2^53, on one line or in a streamed document', async () => {
    const root = tempRoot();
    const page = { data: [{ id: 1790000000000000001, author_id: '42', created_at: '2024-05-16T09:30:12.000Z', text: 'hello' }], includes: { users: [{ id: '42', username: 'a' }] } };
    // JSON.stringify would round the id: write it as an export would.
    const text = JSON.stringify(page).replace('1790000000000000000', '1790000000000000001');
    writeFileSync(join(root, 'line.jsonl'), `${text}\n`);
    writeFileSync(join(root, 'pretty.json'), text.replace(/,/g, ',\n  '));
    for (const input of ['line.jsonl', 'pretty.json']) {
      await run(root, 'x-api-v2', { inputs: [join(root, input)], replace: true });
      expect(JSON.parse(datasetFiles(root, 'x-api-v2')['posts.ndjson']!.split('\n')[0]!).id, input).toBe('1790000000000000001');
    }
  });

  it('refuses times without an offset when the CSV mapping names no time zone', async () => {
    const diagnostics = await failure(run(tempRoot(), 'csv', { mapping: join(fixtureDir, 'errors', 'csv-mapping-no-zone.json') }));
    expect(diagnostics.map((d) => d.start.line)).toEqual([2, 4]);
    expect(diagnostics[0]!.hint).toMatch(/"timeZone"/);
  });
});

describe('importDataset(again, into a dataset an editor has written in)', () => {
  const corrected = join(fixtureDir, 'csv', 'posts-corrected.csv');
  const manifestOf = (root: string) => JSON.parse(datasetFiles(root, 'csv')['manifest.json']!) as Record<string, unknown>;

  async function edited(root: string): Promise<void> {
    await run(root, 'csv');
    const path = join(root, 'data', 'kanaky', 'csv', 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      path,
      JSON.stringify({
        ...manifest,
        title: 'Kanaky Info page, May 2024',
        licence: 'CC-BY-4.0',
        synthetic: true,
        syntheticExplanation: 'Posts written for the example.',
        limitations: ['Public posts only.'],
        url: 'https://example.org/data',
      }),
    );
  }

  it('--replace keeps the hand-written fields of the manifest', async () => {
    const root = tempRoot();
    await edited(root);
    const report = await run(root, 'csv', { replace: true, inputs: [corrected] });
    expect(report.written).toBe(true);
    expect(manifestOf(root)).toMatchObject({
      title: 'Kanaky Info page, May 2024',
      licence: 'CC-BY-4.0',
      synthetic: true,
      syntheticExplanation: 'Posts written for the example.',
      limitations: ['Public posts only.'],
      url: 'https://example.org/data',
    });
  });

  it('flags set the hand-written fields, and a re-import that only changes them rewrites the manifest', async () => {
    const root = tempRoot();
    await edited(root);
    const report = await run(root, 'csv', { licence: 'ODbL-1.0', synthetic: false, limitations: ['Sampled.'] });
    expect(report.written).toBe(true);
    const manifest = manifestOf(root);
    expect(manifest).toMatchObject({ licence: 'ODbL-1.0', synthetic: false, limitations: ['Sampled.'], title: 'Kanaky Info page, May 2024' });
    expect(manifest).not.toHaveProperty('syntheticExplanation');
  });

  it('refuses --synthetic without an explanation', async () => {
    const [d] = await failure(run(tempRoot(), 'csv', { synthetic: true }));
    expect(d!.message).toBe('Unexpected --synthetic without an explanation, expected --synthetic-explanation "<how the posts were made>".');
  });

  it('a changed export without --replace reports changed, added and missing rows and keeps the dataset’s copies', async () => {
    const root = tempRoot();
    await run(root, 'csv');
    const before = datasetFiles(root, 'csv')['posts.ndjson']!;
    const report = await run(root, 'csv', { inputs: [corrected] });
    expect(report.diff).toEqual({ added: 1, changed: 1, unchanged: 1, missing: 1 });
    const posts = datasetFiles(root, 'csv')['posts.ndjson']!;
    expect(posts).toContain('place des Cocotiers.');
    expect(posts).not.toContain('à 9 h.');
    expect(posts).toContain('Deuxième rassemblement demain.');
    expect(posts.split('\n').slice(0, 3).join('\n')).toBe(before.split('\n').slice(0, 3).join('\n'));
  });

  it('a changed export with --replace rewrites the changed rows and removes the missing ones', async () => {
    const root = tempRoot();
    await run(root, 'csv');
    const report = await run(root, 'csv', { inputs: [corrected], replace: true });
    expect(report).toMatchObject({ replaced: true, written: true, posts: 3, diff: { added: 1, changed: 1, unchanged: 1, missing: 1 } });
    const posts = datasetFiles(root, 'csv')['posts.ndjson']!;
    expect(posts).toContain('à 9 h.');
    expect(posts).not.toContain('Sans commentaire');
  });
});

describe('import messages', () => {
  it('a CSV that is not an archive, read as one, names its real header', async () => {
    const [d] = await failure(run(tempRoot(), 'io-archive', { inputs: [join(fixtureDir, 'csv', 'posts.csv')] }));
    expect(d).toMatchObject({ ruleId: 'import/csv-header', start: { line: 1 } });
    expect(d!.hint).toContain('The header is: `Post ID`, `Page ID`, `Page Handle`');
    expect(d!.hint).not.toContain('--skip-invalid');
  });

  it('a row the schema refuses is described in words, not in zod’s', async () => {
    const root = tempRoot();
    const mapping = join(root, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ platform: 'facebook', columns: { id: 'Post ID', authorId: 'Page ID', time: 'Post Created', text: 'Message', kind: 'Type', refId: 'Shared Post ID' }, kinds: { Share: 'repost', Photo: 'post', Status: 'reply' }, timeZone: 'Pacific/Noumea' }));
    const diagnostics = await failure(run(root, 'csv', { mapping }));
    expect(diagnostics.map((d) => [d.start.line, d.message])).toEqual([[4, 'Unexpected a `reply` without `ref`, expected a `ref` on every repost, quote and reply, and none on an original post.']]);
  });
});

describe('importDataset(the same post twice at different times)', () => {
  it('keeps the earlier copy only', async () => {
    const root = tempRoot();
    const csv = join(root, 'posts.csv');
    writeFileSync(csv, 'id,author,time,text\n7,a,2024-05-16T10:00:00Z,later copy\n8,b,2024-05-16T09:30:00Z,other\n7,a,2024-05-16T09:00:00Z,earlier copy\n"x""1",c,2024-05-16T11:00:00Z,quoted id\n"x""1",c,2024-05-16T08:00:00Z,quoted id earlier\n');
    const mapping = join(root, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ platform: 'other', columns: { id: 'id', authorId: 'author', time: 'time', text: 'text' } }));
    const report = await run(root, 'csv', { inputs: [csv], mapping });
    expect(report).toMatchObject({ posts: 3, deduplicated: 2 });
    const texts = datasetFiles(root, 'csv')['posts.ndjson']!.trimEnd().split('\n').map((l) => JSON.parse(l).text);
    expect(texts).toEqual(['quoted id earlier', 'earlier copy', 'other']);
    // The file was written again without the later copies: the manifest pins it as it now is.
    const files = datasetFiles(root, 'csv');
    const manifest = ManifestSchema.parse(JSON.parse(files['manifest.json']!));
    for (const file of manifest.files) expect([file.path, file.sha256, file.bytes]).toEqual([file.path, sha256(files[file.path]!), Buffer.byteLength(files[file.path]!)]);
    expect(manifest.collection.inputs.map((i) => [i.sha256, i.bytes])).toEqual([[sha256(readFileSync(csv, 'utf8')), readFileSync(csv).length]]);
  });
});

describe('importDataset(languages)', () => {
  async function langs(rows: string[]): Promise<Record<string, string | undefined>> {
    const root = tempRoot();
    const csv = join(root, 'posts.csv');
    writeFileSync(csv, `id,author,time,text,lang\n${rows.map((lang, i) => `${i + 1},a,2024-05-16T10:0${i}:00Z,text ${i + 1},${lang}`).join('\n')}\n`);
    const mapping = join(root, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ platform: 'x', columns: { id: 'id', authorId: 'author', time: 'time', text: 'text', lang: 'lang' } }));
    await run(root, 'csv', { inputs: [csv], mapping });
    const posts = datasetFiles(root, 'csv')['posts.ndjson']!.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; lang?: string });
    return Object.fromEntries(posts.map((p) => [p.id, p.lang]));
  }

  it('keeps a post’s language as its canonical BCP 47 tag', async () => {
    expect(await langs(['fr', 'zh-cn', 'in', 'iw', 'EN-gb', ''])).toEqual({ 1: 'fr', 2: 'zh-CN', 3: 'id', 4: 'he', 5: 'en-GB', 6: undefined });
  });

  it('leaves the language unset for codes that name none (undetermined, no linguistic content, X’s own labels)', async () => {
    expect(await langs(['und', 'zxx', 'qme', 'qht', 'qam', 'qct', 'qst', 'ru'])).toEqual({
      1: undefined, 2: undefined, 3: undefined, 4: undefined, 5: undefined, 6: undefined, 7: undefined, 8: 'ru',
    });
  });

  it('refuses a language that is not a BCP 47 tag, on its row', async () => {
    const diagnostics = await failure(langs(['fr', 'français!']));
    expect(diagnostics.map((d) => [d.ruleId, d.start.line, d.message])).toEqual([
      ['import/invalid-row', 3, 'Unexpected `français!` in `lang`, expected a BCP 47 language tag such as en or fr.'],
    ]);
  });

  it('x-api-v2 and io-archive leave X’s non-language codes out and keep the rest', async () => {
    const root = tempRoot();
    const pages = join(root, 'pages.jsonl');
    writeFileSync(pages, readFileSync(fixtureImports['x-api-v2'].inputs[0]!, 'utf8').replaceAll('"lang": "fr"', '"lang": "qme"'));
    await run(root, 'x-api-v2', { inputs: [pages] });
    const xLangs = datasetFiles(root, 'x-api-v2')['posts.ndjson']!.trimEnd().split('\n').map((l) => JSON.parse(l).lang);
    expect(xLangs.filter((l) => l === undefined).length).toBeGreaterThan(0);
    expect(new Set(xLangs)).toEqual(new Set(['en', undefined]));

    const csv = join(root, 'tweets.csv');
    writeFileSync(csv, readFileSync(fixtureImports['io-archive'].inputs[0]!, 'utf8').replace(/"(\w*)","fr",/g, '"$1","und",'));
    await run(root, 'io-archive', { inputs: [csv] });
    const ioLangs = datasetFiles(root, 'io-archive')['posts.ndjson']!.trimEnd().split('\n').map((l) => JSON.parse(l).lang);
    const expected = readFileSync(join(fixtureDir, 'io-archive', 'expected', 'posts.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).lang);
    expect(ioLangs.filter((l) => l === undefined).length).toBe(expected.filter((l) => l === 'fr' || l === undefined).length);
    expect(new Set(ioLangs)).toEqual(new Set(['en', undefined]));
  });
});

describe('ReadDigest', () => {
  it('gives the file’s SHA-256 from the chunks of a whole read, restarting with each read from the top, and nothing for a partial read', () => {
    const a = Buffer.from('id,text\n'), b = Buffer.from('1,hello\n');
    const digest = new ReadDigest();
    digest.add(a, true);
    digest.add(a, true); // read again from the start: the first read's chunk is forgotten
    digest.add(b, false);
    expect(digest.of(a.length + b.length)).toEqual({ bytes: a.length + b.length, sha256: sha256('id,text\n1,hello\n') });
    const partial = new ReadDigest();
    partial.add(a, true);
    expect(partial.of(a.length + b.length)).toBeUndefined();
  });
});
