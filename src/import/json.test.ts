import { describe, expect, it } from 'vitest';
import { parseJson, quoteBigIntegers } from './json.ts';

describe('quoteBigIntegers(text)', () => {
  it('keeps every digit of ids beyond 2^53 and leaves small numbers and strings alone', () => {
    const text = '{"id": 1791105000000000001, "n": 12, "s": "x: 1791105000000000001,", "f": -1.5e3}';
    expect(JSON.parse(quoteBigIntegers(text))).toEqual({ id: '1791105000000000001', n: 12, s: 'x: 1791105000000000001,', f: -1500 });
  });
});

describe('parseJson(text, file, line)', () => {
  it('locates a stray character on the line it is found', () => {
    const result = parseJson('{"a": 1,\n "b": ]}', 'f.json', 10);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostic).toMatchObject({ start: { line: 11, column: 7 }, message: 'Unexpected `]` in JSON, expected a value after the colon.', ruleId: 'json/syntax' });
  });
});
