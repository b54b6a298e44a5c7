import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../../bench/ingest-data.ts';
import { post, url, wellFormed } from '../../test/support/post-arbitraries.ts';
import { isPlainHttpUrl, PLAIN_LANGUAGE, postTime, type RawPost } from './is-post.ts';
import { fieldsOf } from './normalise-post.ts';
import { readLineBytes, readLines } from './read-lines.ts';
import { LanguageSchema } from '../schema/common.ts';
import { httpUrlBytes, plainLanguageBytes, PostScanner, type PostFields } from './scan-post.ts';

const scanner = new PostScanner();

function scan(line: string | Buffer): PostFields | undefined {
  const bytes = typeof line === 'string' ? Buffer.from(line) : line;
  return scanner.scan(bytes, 0, bytes.length);
}

/** The full path the scanner stands in for: decode, JSON.parse, the fast check. */
function parsed(line: string | Buffer): PostFields | undefined {
  let value: unknown;
  try {
    value = JSON.parse(typeof line === 'string' ? line : line.toString('utf8'));
  } catch {
    return undefined;
  }
  const time = postTime(value);
  return time === time ? fieldsOf(value as RawPost, time) : undefined;
}

/** Keys whose values are free text (enumerated values and timestamps are read unescaped or left to the full path). */
const FREE_TEXT = new Set(['id', 'author', 'ref', 'handle', 'name', 'text', 'lang', 'url', 'hashtags', 'mentions', 'urls', 'authorId', 'media', 'archives']);

/**
 * JSON on one line with `gap()` between tokens, string values written plainly or with every
 * character escaped (`\u0041`, `\/`) in free-text fields, as other exporters write them.
 */
function write(value: unknown, gap: () => string, escapeAll: boolean): string {
  if (typeof value === 'string') {
    if (!escapeAll) return JSON.stringify(value);
    return `"${[...value].map((c) => (c === '/' ? '\\/' : [...c].map((_, k) => `\\u${c.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''))).join('')}"`;
  }
  if (Array.isArray(value)) return `[${gap()}${value.map((v) => write(v ?? null, gap, escapeAll)).join(`${gap()},${gap()}`)}${gap()}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    return `{${gap()}${members.map(([k, v]) => `${JSON.stringify(k)}${gap()}:${gap()}${write(v, gap, escapeAll && FREE_TEXT.has(k))}`).join(`${gap()},${gap()}`)}${gap()}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const gaps = fc.array(fc.constantFrom('', '', '', ' ', '\t', '\r', '  '), { minLength: 1, maxLength: 8 });
const cycle = (list: string[]) => {
  let k = 0;
  return () => list[k++ % list.length]!;
};

describe('PostScanner.scan(bytes)', () => {
  it('scan(line) gives what JSON.parse and the fast check give, whenever it accepts a line', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: post }, { weight: 2, arbitrary: wellFormed }), gaps, fc.boolean(), (value, g, escapeAll) => {
        const line = write(value, cycle(g), escapeAll);
        const fields = scan(line);
        if (fields === undefined) return;
        accepted++;
        expect(fields).toEqual(parsed(line));
      }),
      { seed: 13, numRuns: 6000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('scan(line) accepts every post the fast check accepts, written plainly with any whitespace', () => {
    fc.assert(
      fc.property(wellFormed, gaps, (value, g) => {
        const line = write(value, cycle(g), false);
        expect(scan(line)).toEqual(parsed(line));
      }),
      { seed: 17, numRuns: 3000 },
    );
  });

  it('scan(line) never accepts a line the full path refuses or reads otherwise, after any one-byte edit', () => {
    const bytes = fc.constantFrom(0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x20, 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xe2, 0xff, 0x30, 0x2d, 0x2e, 0x65, 0x6e, 0x75);
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('insert', 'delete', 'replace'), byte: bytes });
    let accepted = 0;
    fc.assert(
      fc.property(wellFormed, fc.array(edit, { minLength: 1, maxLength: 3 }), (value, edits) => {
        let line = Buffer.from(write(value, () => '', false));
        for (const { at, op, byte } of edits) {
          const k = at % (line.length + 1);
          const b = Buffer.from([byte]);
          line = Buffer.concat([line.subarray(0, k), ...(op === 'delete' ? [] : [b]), line.subarray(op === 'insert' ? k : k + 1)]);
        }
        const fields = scan(line);
        if (fields === undefined) return;
        accepted++;
        expect(fields).toEqual(parsed(line));
      }),
      { seed: 19, numRuns: 6000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it('scan(line) refuses any other JSON value', () => {
    fc.assert(
      fc.property(fc.json(), (line) => {
        const fields = scan(line);
        if (fields !== undefined) expect(fields).toEqual(parsed(line));
      }),
      { seed: 23, numRuns: 2000 },
    );
  });

  const base = '"platform":"x","author":{"id":"u1","handle":"user1"},"createdAt":"2024-05-16T09:30:00Z","kind":"post"';
  it.each([
    ['a repeated key (JSON.parse keeps the last)', `{"id":"a","id":"b",${base},"text":""}`],
    ['an escaped key', `{"\\u0069d":"a",${base},"text":""}`],
    ['an escaped enumerated value', `{"id":"a",${base.replace('"x"', '"\\u0078"')},"text":""}`],
    ['a count written as -0, 1.0 or 1e2', `{"id":"a",${base},"text":"","metrics":{"likes":1e2,"observedAt":"2024-05-17T00:00:00Z"}}`],
    ['a count of 16 digits', `{"id":"a",${base},"text":"","metrics":{"likes":9007199254740991,"observedAt":"2024-05-17T00:00:00Z"}}`],
  ])('scan(line) leaves %s to the full path, which accepts it', (_, line) => {
    expect(scan(line)).toBeUndefined();
    expect(parsed(line)).toBeDefined();
  });

  it.each([
    ['a raw control character in a string', `{"id":"a",${base},"text":"a\u0001b"}`],
    ['a bad escape', `{"id":"a",${base},"text":"a\\qb"}`],
    ['a short \\u escape', `{"id":"a",${base},"text":"a\\u12"}`],
    ['trailing text', `{"id":"a",${base},"text":""} x`],
    ['a trailing comma', `{"id":"a",${base},"text":"",}`],
    ['an unclosed object', `{"id":"a",${base},"text":""`],
    ['a number with a leading zero', `{"id":"a",${base},"text":"","metrics":{"likes":01,"observedAt":"2024-05-17T00:00:00Z"}}`],
    ['a repost without a ref', `{"id":"a",${base.replace('"post"', '"repost"')},"text":""}`],
    ['an empty id', `{"id":"",${base},"text":""}`],
  ])('scan(line) refuses %s', (_, line) => {
    expect(scan(line)).toBeUndefined();
  });

  it('scan(line) reads escapes, non-ASCII text, invalid UTF-8 and a null handle as JSON.parse does', () => {
    const lines = [
      `{"id":"a\\"1",${base},"text":"l\\u00e9a\\n\\ud83c\\udde6\\/é 🇦🇿","hashtags":["Kanaky","Kan\\u0061ky"]}`,
      `{"id":"a",${base.replace('"user1"', 'null')},"text":"x","url":"https:\\/\\/x.com\\/a"}`,
      Buffer.concat([Buffer.from(`{"id":"a",${base},"text":"bad `), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
    ];
    for (const line of lines) {
      const fields = scan(line);
      expect(fields).toBeDefined();
      expect(fields).toEqual(parsed(line));
    }
    expect(scan(lines[0]!)!.text).toBe('léa\n\ud83c\udde6/é 🇦🇿');
    expect(scan(lines[2]!)!.text).toBe('bad \ufffd(\ufffd');
  });

  it('scan(line) reads every post of the example dataset and of the benchmark data without the full path', async () => {
    const example = fileURLToPath(new URL('../../data/new-caledonia-2024/x-hashtags/posts.ndjson', import.meta.url));
    const bench = join(mkdtempSync(join(tmpdir(), 'casefile-scan-')), 'posts.ndjson');
    await writeDataset(bench, 2000);
    for (const file of [example, bench]) {
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1000);
      for (const line of lines) expect(scan(line)).toEqual(parsed(line));
      expect(lines.every((line) => scan(line) !== undefined)).toBe(true);
    }
  });
});

describe('httpUrlBytes(bytes)', () => {
  it('httpUrlBytes(b) agrees with the schema-sound URL check on printable ASCII', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'htps:/.-_aZ09?#@%: '.split(''), 'x', 'h', '/'), maxLength: 30 });
    const prefixed = fc.tuple(fc.constantFrom('http://', 'https://', 'https:/', 'http:', 'httpx://'), ascii).map(([p, s]) => p + s);
    fc.assert(
      fc.property(fc.oneof(url, prefixed, ascii), (s) => {
        if (!/^[\x20-\x7e]*$/.test(s)) return;
        const b = Buffer.from(s, 'latin1');
        expect(httpUrlBytes(b, 0, b.length)).toBe(isPlainHttpUrl(s));
      }),
      { seed: 29, numRuns: 5000 },
    );
  });
});

describe('plainLanguageBytes(bytes)', () => {
  it('plainLanguageBytes(b) agrees with PLAIN_LANGUAGE, and every tag they accept the schema accepts', () => {
    const part = fc.string({ unit: fc.constantFrom(...'aezAEZ09-_'.split('')), maxLength: 12 });
    const tag = fc.tuple(fc.constantFrom('en', 'fra', 'e', 'engl', ''), fc.constantFrom('', '-Latn', '-latn', '-LATN', '-Lat'), fc.constantFrom('', '-GB', '-gb', '-419', '-41', '-G'), part)
      .map(([l, s, r, rest]) => `${l}${s}${r}${rest.length % 3 === 0 ? rest : ''}`);
    fc.assert(
      fc.property(fc.oneof(tag, part), (s) => {
        const b = Buffer.from(s, 'latin1');
        const plain = PLAIN_LANGUAGE.test(s);
        expect(plainLanguageBytes(b, 0, b.length)).toBe(plain);
        if (plain) expect(LanguageSchema.safeParse(s).success).toBe(true);
      }),
      { seed: 31, numRuns: 5000 },
    );
    for (const s of ['en', 'zh-Hant-TW', 'es-419', 'az-Latn']) expect(plainLanguageBytes(Buffer.from(s), 0, s.length)).toBe(true);
    for (const s of ['e', 'engl', 'EN', 'en-gb', 'en-GB-x', 'en_US', 'en-Latn-', 'en-']) expect(plainLanguageBytes(Buffer.from(s), 0, s.length)).toBe(false);
  });
});

describe('readLineBytes(path)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casefile-lines-'));
  async function both(content: Buffer): Promise<void> {
    const file = join(dir, 'lines.ndjson');
    writeFileSync(file, content);
    const text: [string, number][] = [];
    const bytes: [string, number][] = [];
    await readLines(file, (line, n) => text.push([line, n]));
    await readLineBytes(file, (b, start, end, n) => bytes.push([b.toString('utf8', start, end), n]));
    expect(bytes).toEqual(text);
  }

  it('readLineBytes(path) splits the same lines as readLines, with a mark, CRLF, blank lines and no final newline', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 })), fc.boolean(), fc.boolean(), fc.boolean(), async (lines, bom, crlf, last) => {
        const body = lines.join(crlf ? '\r\n' : '\n') + (last ? '\n' : '');
        await both(Buffer.from((bom ? '\ufeff' : '') + body));
      }),
      { seed: 31, numRuns: 100 },
    );
  });

  it('readLineBytes(path) joins lines across 1 MiB chunks, a character split between chunks included', async () => {
    const long = `${'a'.repeat((1 << 20) - 1)}é${'b'.repeat(1 << 20)}`;
    await both(Buffer.from(`short\r\n${long}\r\n${long}\nend`));
    await both(Buffer.from(`\ufeff${'x'.repeat((1 << 20) - 3)}\n`));
  });
});
