import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePythonList } from './python-list.ts';

describe('parsePythonList(text)', () => {
  it('reads quoted strings, with apostrophes inside double quotes', () => {
    expect(parsePythonList(`['Kanaky', "Kanaky'sFuture", 'it\\'s']`)).toEqual(['Kanaky', "Kanaky'sFuture", "it's"]);
  });
  it('reads numbers, empty lists and empty cells', () => {
    expect(parsePythonList('[958281245012172800, 12]')).toEqual(['958281245012172800', '12']);
    expect(parsePythonList('[]')).toEqual([]);
    expect(parsePythonList('')).toEqual([]);
  });
  it('decodes escapes', () => {
    expect(parsePythonList(String.raw`['caf\xe9', '\u2019', 'a\\b']`)).toEqual(['café', '\u2019', 'a\\b']);
  });
  it('reads back any list of strings as Python writes it (quotes, backslashes and line breaks inside)', () => {
    // Python's repr: single quotes unless the text holds one and no double quote; \\, \n and the quote escaped.
    const repr = (v: string): string => {
      const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
      const body = v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replaceAll(quote, `\\${quote}`);
      return `${quote}${body}${quote}`;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '#', ' ', ',', "'", '"', '\\', '\n', ']', '[', '🙂') });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (items) => {
        expect(parsePythonList(`[${items.map(repr).join(', ')}]`)).toEqual(items);
      }),
      { numRuns: 500 },
    );
  });
  it('returns null for anything else', () => {
    expect(parsePythonList('Kanaky')).toBeNull();
    expect(parsePythonList("['open")).toBeNull();
    expect(parsePythonList("['a' 'b']")).toBeNull();
  });
});
