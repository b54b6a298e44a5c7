import { describe, expect, it } from 'vitest';
import { inlineParameters, literal, placeholders, quoteString, urlParameters } from './parameters.ts';

describe('ClickHouse query parameters', () => {
  it('quoteString(value) escapes quotes, backslashes and every control character', () => {
    expect(quoteString("it's")).toBe("'it\\'s'");
    expect(quoteString('a\\b')).toBe("'a\\\\b'");
    expect(quoteString('line\nbreak\0nul\x7f')).toBe("'line\\x0abreak\\x00nul\\x7f'");
    expect(quoteString('Нумеа 🌺')).toBe("'Нумеа 🌺'");
  });

  it('literal(type, value) writes typed integers and arrays, and refuses what does not fit', () => {
    expect(literal('Int64', -5)).toBe('(-5)');
    expect(literal('UInt32', 10)).toBe('10');
    expect(literal('Array(String)', ["a'", 'b'])).toBe("['a\\'', 'b']");
    expect(() => literal('Int64', 1.5)).toThrow(/whole number/);
    expect(() => literal('Int64', 2 ** 53)).toThrow(/whole number/);
    expect(() => literal('UInt32', -1)).toThrow(/at least 0/);
    expect(() => literal('Int64', '1; DROP TABLE posts' as never)).toThrow(/whole number/);
    expect(() => literal('String', 5 as never)).toThrow(/expected a string/);
    expect(() => literal('String', 'broken \uD800 half')).toThrow(/lone surrogate/);
    expect(() => literal('Float64', 1)).toThrow(/parameter type/);
    expect(() => literal('Array(String)', 'a')).toThrow(/expected an array/);
  });

  it('inlineParameters(sql, values) replaces every placeholder, and a missing value is an error', () => {
    const sql = 'SELECT count() FROM posts WHERE time_ms >= {from:Int64} AND time_ms < {to:Int64} AND author_id != {who:String} AND time_ms >= {from:Int64}';
    expect(inlineParameters(sql, { from: 1, to: 2, who: "x' OR 1 = 1 --" })).toBe(
      "SELECT count() FROM posts WHERE time_ms >= 1 AND time_ms < 2 AND author_id != 'x\\' OR 1 = 1 --' AND time_ms >= 1",
    );
    expect(() => inlineParameters(sql, { from: 1, to: 2 })).toThrow(/\{who\} without a value/);
    expect(() => placeholders('{a:Int64} {a:String}')).toThrow(/type it has elsewhere/);
  });

  it('urlParameters(sql, values) gives the text a server that binds parameters parses', () => {
    const params = urlParameters('SELECT {s:String}, {n:Int64}, {l:Array(String)}', { s: "it's", n: -3, l: ['a', "b'"] });
    expect(Object.fromEntries(params)).toEqual({ param_s: "it's", param_n: '-3', param_l: "['a','b\\'']" });
  });
});
