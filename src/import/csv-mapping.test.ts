import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { tagsInText } from './csv.ts';
import { fixtureDir } from './fixtures.ts';
import { guessTimeFormat, initMapping } from './init-mapping.ts';
import { importDataset, type ImportOptions } from './run.ts';
import { compilePattern, type TimePattern } from './time-pattern.ts';

const dir = join(fixtureDir, 'csv-mapping');
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'casefile-mapping-'));
  roots.push(root);
  return root;
}

const importCsv = (root: string, extra: Partial<ImportOptions>) =>
  importDataset({ root, caseId: 'poland', dataset: 'campaign', inputs: [join(dir, 'export.csv')], now: () => new Date('2024-06-01T00:00:00Z'), ...extra });

async function failure(promise: Promise<unknown>): Promise<Diagnostic[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DiagnosticError);
  return (error as DiagnosticError).diagnostics;
}

const posts = (root: string) =>
  readFileSync(join(root, 'data', 'poland', 'campaign', 'posts.ndjson'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('readMapping(file) through an import', () => {
  it('reports every mistake of the mapping at once, each at its line and column, with the keys valid there', async () => {
    const diagnostics = await failure(importCsv(tempRoot(), { mapping: join(dir, 'broken.mapping.jsonc') }));
    expect(diagnostics.map((d) => [d.start.line, d.start.column, d.ruleId, d.message])).toEqual([
      [2, 1, 'import/csv-mapping', 'Unexpected mapping without `platform`, expected where the posts were published: `x`, `telegram`, `facebook`, `instagram`, `tiktok`, `youtube`, `vk`, `other`.'],
      [3, 14, 'import/csv-mapping', 'Unexpected mapping without the column for `text`, expected the name of the column that holds the post’s text.'],
      [7, 5, 'import/csv-mapping', 'Unexpected key `columns.tweet` in the mapping, expected one of `id`, `authorId`, `time`, `text`, `handle`, `name`, `kind`, `refId`, `refAuthorId`, `url`, `lang`, `hashtags`, `mentions`.'],
      [9, 3, 'import/csv-mapping', 'Unexpected key `timezone` in the mapping, expected one of `platform`, `columns`, `timeFormat`, `timeZone`, `precision`, `delimiter`, `hashtagSeparator`, `kinds`.'],
    ]);
    expect(diagnostics[2]!.hint).toMatch(/^Did you mean `text`\? `id`: /);
    expect(diagnostics[3]!.hint).toMatch(/^Did you mean `timeZone`\? `platform`: .*\.$/);
    expect(diagnostics.every((d) => !d.hint?.includes('--skip-invalid'))).toBe(true);
    expect(diagnostics[0]!.hint).toContain('"platform": "x"');
  });

  it('reports every mapped column the CSV lacks, at its place in the mapping, with the real header', async () => {
    const diagnostics = await failure(importCsv(tempRoot(), { mapping: join(dir, 'wrong-header.mapping.jsonc') }));
    expect(diagnostics.map((d) => [d.file.split('/').pop(), d.start.line, d.start.column, d.ruleId])).toEqual([
      ['wrong-header.mapping.jsonc', 4, 11, 'import/csv-header'],
      ['wrong-header.mapping.jsonc', 7, 13, 'import/csv-header'],
    ]);
    expect(diagnostics[0]!.message).toMatch(/^Unexpected column `Tweet Id` for `id`, expected a column of .*export\.csv's header: `Tweet ID`, `User ID`, `Username`, `Date`, `Text`\.$/);
    expect(diagnostics[0]!.hint).toBe("Did you mean `Tweet ID`? Copy the column's name from the header exactly (capitals and spaces count).");
    expect(diagnostics.every((d) => !d.hint?.includes('--skip-invalid'))).toBe(true);
  });

  it('without a mapping, points at --init-mapping and lists the header', async () => {
    const [d] = await failure(importCsv(tempRoot(), {}));
    expect(d).toMatchObject({ ruleId: 'import/csv-mapping' });
    expect(d!.hint).toContain('--init-mapping');
    expect(d!.hint).toContain('Its header is: `Tweet ID`, `User ID`, `Username`, `Date`, `Text`.');
  });
});

describe('--init-mapping', () => {
  it('writes a commented mapping with the columns and the time format guessed, which imports once platform and zone are filled in', async () => {
    const root = tempRoot();
    const out = join(root, 'export.mapping.jsonc');
    await initMapping(join(dir, 'export.csv'), out, (p) => p);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('// Header: Tweet ID | User ID | Username | Date | Text\n');
    for (const line of ['"id": "Tweet ID"', '"authorId": "User ID"', '"handle": "Username"', '"time": "Date"', '"text": "Text"', '"timeFormat": "dd.MM.yyyy HH:mm"']) {
      expect(text).toContain(line);
    }
    expect(text).toContain('// "hashtags": ""');
    writeFileSync(out, text.replace('"platform": ""', '"platform": "x"').replace('"timeZone": ""', '"timeZone": "Europe/Warsaw"'));
    const report = await importCsv(root, { mapping: out });
    expect(report.posts).toBe(2);
    await expect(initMapping(join(dir, 'export.csv'), out, (p) => p)).rejects.toThrow(/already exists/);
  });

  it('guessTimeFormat(cells) names the format all the cells share', () => {
    expect(guessTimeFormat(['2022-08-23T11:09:00+02:00'])).toEqual({ format: 'iso', zone: false });
    expect(guessTimeFormat(['1661245740'])).toEqual({ format: 'unix-seconds', zone: false });
    expect(guessTimeFormat(['23.08.2022 11:09', '28.10.2022 23:59'])).toEqual({ format: 'dd.MM.yyyy HH:mm', zone: true });
    expect(guessTimeFormat(['8/23/2022 11:09 AM'])).toEqual({ format: 'M/d/yyyy h:mm a', zone: true });
    expect(guessTimeFormat(['yesterday'])).toBeUndefined();
  });
});

describe('a CSV read through its mapping', () => {
  it('reads pattern dates in the mapping’s zone, to the minute, and takes hashtags and mentions from the text', async () => {
    const root = tempRoot();
    await importCsv(root, { mapping: join(dir, 'wrong-header.mapping.jsonc').replace('wrong-header', 'good') });
    const [first, second] = posts(root);
    expect(first).toMatchObject({ createdAt: '2022-08-23T09:09:00Z', precision: 'minute', hashtags: ['StopWojnie'], mentions: ['redakcja'] });
    expect(second).toMatchObject({
      createdAt: '2022-10-28T21:59:00Z',
      author: { handle: 'nowy_glos' },
      hashtags: ['StopWojnie', 'Warszawa'],
      mentions: ['gazeta_prawdy', 'obywatel_77'],
    });
  });

  it('tagsInText(text) finds each hashtag and mention once, not inside words or e-mail addresses', () => {
    expect(tagsInText('#Kanaky a#b @x mail@example.org #Kanaky (#Nouméa) 10:00 #2022 @y_1')).toEqual({
      hashtags: ['Kanaky', 'Nouméa'],
      mentions: ['x', 'y_1'],
    });
  });

  it('the guide’s example imports with the kinds, times and tags it describes', async () => {
    const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'editing.md'), 'utf8');
    const block = (name: string): string => new RegExp(`^\`\`\`\\w+ file=${name.replace('.', '\\.')}\\n([\\s\\S]*?)^\`\`\`$`, 'm').exec(guide)![1]!;
    const root = tempRoot();
    writeFileSync(join(root, 'campaign.csv'), block('exports/campaign.csv'));
    writeFileSync(join(root, 'campaign.mapping.jsonc'), block('exports/campaign.mapping.jsonc'));
    await importDataset({ root, caseId: 'poland', dataset: 'campaign', inputs: [join(root, 'campaign.csv')], mapping: join(root, 'campaign.mapping.jsonc') });
    expect(posts(root).map((p) => [p.kind, p.createdAt, p.hashtags, p.mentions])).toEqual([
      ['post', '2022-08-23T09:09:00Z', ['StopWojnie'], ['redakcja']],
      ['repost', '2022-08-23T09:15:00Z', ['StopWojnie'], ['redakcja']],
    ]);
  });
});

describe('compilePattern(pattern)', () => {
  it('reads the cells written in it into wall time, and nothing else', () => {
    const pattern = compilePattern('dd.MM.yyyy HH:mm') as TimePattern;
    expect(pattern.seconds).toBe(false);
    expect(pattern.read('23.08.2022 11:09')).toBe('2022-08-23 11:09:00');
    expect(pattern.read('2022-08-23 11:09')).toBeUndefined();
    expect(pattern.read('32.08.2022 11:09')).toBeUndefined();
    expect((compilePattern('M/d/yy h:mm:ss a') as TimePattern).read('8/3/22 12:05:09 AM')).toBe('2022-08-03 00:05:09');
  });

  it('says what is wrong with a pattern', () => {
    expect(compilePattern('dd.MM.yyyy HH:mm Q')).toMatch(/`Q` is not a pattern letter/);
    expect(compilePattern('HH:mm')).toBe('a pattern needs a year, a month and a day');
    expect(compilePattern('dd.MM.yyyy h:mm')).toMatch(/`h` needs `a`/);
  });
});
