import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { lineBatches, readLines } from './read-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(bytes: Buffer | string): string {
  const path = join(dir, `f${++n}.ndjson`);
  writeFileSync(path, bytes);
  return path;
}

/** Every line read with the check asked for, or where the reader stopped and why. */
async function checked(bytes: Buffer | string): Promise<{ lines?: string[]; bytes?: number; problem?: { ruleId: string; file: string; line: number; column: number } }> {
  const lines: string[] = [];
  let read = 0;
  try {
    for await (const batch of lineBatches(file(bytes), { invalid: { file: 'data/posts.ndjson' }, onBytes: (b) => (read += b) })) for (const line of batch) lines.push(line);
    return { lines, bytes: read };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    const [d] = error.diagnostics;
    return { problem: { ruleId: d!.ruleId, file: d!.file, line: d!.start.line, column: d!.start.column } };
  }
}

const MiB = 1 << 20;
const invalid = (line: number, column: number) => ({ ruleId: 'text/invalid-utf8', file: 'data/posts.ndjson', line, column });
const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9]); // "Café" in Latin-1

describe('readLines and lineBatches', () => {
  it('drop a leading byte-order mark and the \\r of CRLF, and keep a last line without a break', async () => {
    const text = '\uFEFFone\r\ntwo\n\nthree';
    const lines: [string, number][] = [];
    expect(await readLines(file(text), (line, at) => lines.push([line, at]))).toBe(4);
    expect(lines).toEqual([['one', 1], ['two', 2], ['', 3], ['three', 4]]);
    expect(await checked(text)).toEqual({ lines: ['one', 'two', '', 'three'], bytes: Buffer.byteLength(text) });
  });

  it('read a file the check has already read as it decodes, its reported bytes as U+FFFD', async () => {
    const lines: string[] = [];
    await readLines(file(Buffer.concat([Buffer.from('ok\n'), latin1])), (line) => lines.push(line));
    expect(lines).toEqual(['ok', 'Caf\uFFFD']);
  });

  it('asked to check, name the first byte that is not UTF-8 at its line and column', async () => {
    expect(await checked(Buffer.concat([Buffer.from('a\nb\n'), latin1, Buffer.from('\n')]))).toEqual({ problem: invalid(3, 4) });
    // The byte-order mark is no character of the first line.
    expect(await checked(Buffer.concat([Buffer.from('\uFEFFxy'), latin1]))).toEqual({ problem: invalid(1, 6) });
  });

  it('place a byte in a later chunk on a line begun in the chunk before, counting what was read of it', async () => {
    const before = `${'{"a":1}\n'.repeat(MiB / 8 - 1)}12345`; // ends 3 bytes before the first MiB
    expect(await checked(Buffer.concat([Buffer.from(before), Buffer.from('abcdef'), latin1, Buffer.from('\n')]))).toEqual({ problem: invalid(MiB / 8, 15) });
  });

  it('accept a character split across two chunks, and refuse a file that ends inside one where it starts', async () => {
    for (const char of ['é', '€', '𝄞']) {
      const text = `${'x'.repeat(MiB - 1)}${char}\nlast`;
      const read = await checked(text);
      expect(read.problem).toBeUndefined();
      expect(read.lines).toEqual([`${'x'.repeat(MiB - 1)}${char}`, 'last']);
    }
    expect(await checked(Buffer.concat([Buffer.from('a\nbc'), Buffer.from('€').subarray(0, 2)]))).toEqual({ problem: invalid(2, 3) });
  });
});
