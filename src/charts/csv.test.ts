import { describe, expect, test } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  test('toCsv(records) writes a header and CRLF-terminated rows', () => {
    expect(toCsv([{ day: '2024-05-16', total: 512 }, { day: '2024-05-17', total: 300 }]))
      .toBe('day,total\r\n2024-05-16,512\r\n2024-05-17,300\r\n');
  });

  test('toCsv(records) quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(toCsv([{ name: 'Smith, "Jo"\nline' }])).toBe('name\r\n"Smith, ""Jo""\nline"\r\n');
  });

  test('toCsv(records) neutralises cells a spreadsheet would run as formulas', () => {
    const cells = ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', 'ok'];
    expect(toCsv(cells.map((v) => ({ v })))).toBe(`v\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'-1+2\r\n'@SUM(A1)\r\nok\r\n`);
  });

  test('toCsv(records) keeps negative numbers as numbers', () => {
    expect(toCsv([{ delta: -3 }])).toBe('delta\r\n-3\r\n');
  });

  test('toCsv(records) takes columns from every record in first-seen order', () => {
    expect(toCsv([{ a: 1 }, { b: 2, a: 3 }])).toBe('a,b\r\n1,\r\n3,2\r\n');
  });

  test('toCsv([]) is empty', () => {
    expect(toCsv([])).toBe('');
  });
});
