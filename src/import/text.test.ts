import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readCheckedBytes } from './text.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a file as a byte parser does (no decoded text asked for): its bytes, or the diagnostic. */
async function check(bytes: Buffer): Promise<{ bytes?: Buffer; problem?: { ruleId: string; line: number; column: number } }> {
  const file = join(dir, 'input.csv');
  writeFileSync(file, bytes);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of readCheckedBytes(file, 'input.csv', () => {})) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks) };
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    const [d] = error.diagnostics;
    return { problem: { ruleId: d!.ruleId, line: d!.start.line, column: d!.start.column } };
  }
}

// The file is read in 64 KiB chunks: characters of 2, 3 and 4 bytes are placed across that boundary.
const chunk = 1 << 16;

describe('readCheckedBytes without decoded text', () => {
  it('accepts a character of any length split across two chunks, and gives back the bytes as they are', async () => {
    for (const char of ['é', '€', '𝄞', '🇦🇿']) {
      for (let shift = 1; shift < Buffer.byteLength(char) + 1; shift++) {
        // The character starts `shift` bytes before the boundary.
        const bytes = Buffer.from(`${'a,b\n'.repeat(chunk / 4 - 2)}${'x'.repeat(8 - shift)}${char}\nlast\n`);
        const read = await check(bytes);
        expect(read.problem).toBeUndefined();
        expect(read.bytes!.equals(bytes)).toBe(true);
      }
    }
  });

  // The project's one rule for bytes that are not UTF-8 (src/content/utf8.ts), at the byte's line and column.
  const invalid = (line: number, column: number) => ({ ruleId: 'text/invalid-utf8', line, column });

  it('refuses a byte that is not UTF-8 at its line and column, in the first chunk or after a split character', async () => {
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café\n" in Latin-1
    expect((await check(Buffer.concat([Buffer.from('a\nb\n'), latin1]))).problem).toEqual(invalid(3, 4));
    const lines = chunk / 4 - 1;
    const split = Buffer.from(`${'a,b\n'.repeat(lines)}xx€\n`);
    expect((await check(Buffer.concat([split, Buffer.from('ok\n'), latin1]))).problem).toEqual(invalid(lines + 3, 4));
    // A lead byte followed by a byte that does not continue it, across the boundary: the line began in the chunk before.
    const broken = Buffer.concat([Buffer.from(`${'a,b\n'.repeat(lines)}xx𝄞x`), Buffer.from([0xe2, 0x41, 0x0a])]);
    expect((await check(broken)).problem).toEqual(invalid(lines + 1, 6));
  });

  it('refuses a file that ends inside a character, where the character starts', async () => {
    const bytes = Buffer.concat([Buffer.from('a\nbc'), Buffer.from('€').subarray(0, 2)]);
    expect((await check(bytes)).problem).toEqual(invalid(2, 3));
  });
});
