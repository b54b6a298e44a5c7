import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from './utf8.ts';

describe('firstInvalidUtf8(bytes)', () => {
  it('finds nothing in UTF-8 text, emoji and accents included', () => {
    expect(firstInvalidUtf8(Buffer.from('Nouméa 🇳🇨\nsecond line'))).toBeUndefined();
  });

  it('gives the line and column of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('first\nsé '), Buffer.from([0xff, 0xfe]), Buffer.from(' end')]);
    expect(firstInvalidUtf8(bytes)).toEqual({ line: 2, column: 4, offset: 10 });
  });

  it('finds a truncated character, an overlong form and a surrogate', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))?.column).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))?.column).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))?.column).toBe(3);
  });

  it('looks only within the bounds it is given', () => {
    const bytes = Buffer.from([0xff, 0x61, 0x62, 0xff]);
    expect(firstInvalidUtf8(bytes, 1, 3)).toBeUndefined();
  });
});
