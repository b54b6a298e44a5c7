import { describe, expect, it } from 'vitest';
import { jsonSyntaxAt, jsonSyntaxDiagnostic } from './json-syntax.ts';

const said = (text: string, options?: Parameters<typeof jsonSyntaxDiagnostic>[2]) => {
  const d = jsonSyntaxDiagnostic(text, 'f.json', options);
  return `${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`;
};

describe('jsonSyntaxDiagnostic(text, file)', () => {
  it('names what it found where the parser stopped, and what JSON wanted there', () => {
    expect(said('{"a": 1,}')).toBe('1:9 json/syntax Unexpected `}` in JSON, expected another value after the comma (JSON allows no comma before a closing bracket).');
    expect(said('[1,,2]')).toBe('1:4 json/syntax Unexpected `,` in JSON, expected a value between the two commas.');
    expect(said('{"a": 1\n "b": 2}')).toBe('2:2 json/syntax Unexpected `"` in JSON, expected a comma between values, or a colon after a key.');
    expect(said('{"a": }')).toBe('1:7 json/syntax Unexpected `}` in JSON, expected a value after the colon.');
    expect(said("{'a': 1}")).toBe("1:2 json/syntax Unexpected `'` in JSON, expected double quotes (`\"`) around keys and text.");
    expect(said('{"a": nobody}')).toBe('1:7 json/syntax Unexpected `nobody` in JSON, expected a value: text in double quotes, a number, `true`, `false` or `null`.');
  });

  it('says a document that stops early looks cut short', () => {
    const d = jsonSyntaxDiagnostic('{"a": [1, 2', 'f.json');
    expect(d).toMatchObject({ start: { line: 1, column: 12 }, ruleId: 'json/syntax', actual: 'end of input' });
    expect(d.message).toBe('Unexpected end of the text in JSON, expected the rest of the document (a closing `}` or `]`).');
    expect(d.hint).toMatch(/^The file looks cut short/);
  });

  it('places text that starts inside a file: lines before it, and columns on its first line only', () => {
    expect(said('{"a": 1,}', { lineOffset: 4, columnOffset: 10 })).toMatch(/^5:19 /);
    expect(said('{"a": 1,\n}', { lineOffset: 4, columnOffset: 10 })).toMatch(/^6:1 /);
  });

  it('counts columns after a byte-order mark as readers do, without it', () => {
    expect(said('\uFEFF{"a": 1,}')).toMatch(/^1:9 /);
  });

  it('finds a raw control character inside a string, which JSON.parse refuses and momoa takes', () => {
    expect(() => JSON.parse('{"a": "x\u0000y"}')).toThrow();
    expect(said('{"a": "x\u0000y"}')).toBe('1:9 json/syntax Unexpected raw control character U+0000 inside a JSON string, expected readable text.');
  });

  it('reads comments in jsonc mode, and still finds what is wrong after them', () => {
    expect(said('{\n  // the platform\n  "platform" "x"\n}', { mode: 'jsonc' })).toMatch(/^3:14 json\/syntax Unexpected `"`/);
  });

  it('has its own rule for nesting too deep to follow, placed at the text', () => {
    const d = jsonSyntaxDiagnostic('['.repeat(20_000), 'f.json', { lineOffset: 2 });
    expect(d).toMatchObject({ start: { line: 3, column: 1 }, ruleId: 'json/too-deep' });
  });

  it('gives the hint the reader passes', () => {
    expect(jsonSyntaxDiagnostic('{', 'f.ndjson', { hint: 'One value a line.' }).hint).toBe('The file looks cut short: export, download or save it again. One value a line.');
    expect(jsonSyntaxDiagnostic('{]', 'f.ndjson', { hint: 'One value a line.' }).hint).toBe('One value a line.');
  });
});

describe('jsonSyntaxAt(file, start, found)', () => {
  it('is the same diagnostic for a streaming reader that knows only the line', () => {
    expect(jsonSyntaxAt('t.json', { line: 7, column: 1 }, { kind: 'unknown' })).toMatchObject({
      ruleId: 'json/syntax',
      start: { line: 7, column: 1 },
      message: 'Unexpected text that is not JSON, expected valid JSON.',
    });
  });
});
