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
  it('returns null for anything else', () => {
    expect(parsePythonList('Kanaky')).toBeNull();
    expect(parsePythonList("['open")).toBeNull();
    expect(parsePythonList("['a' 'b']")).toBeNull();
  });
});
