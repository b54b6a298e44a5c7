/** Chart data as RFC 4180 CSV that is safe to open in a spreadsheet. */

/** Cells a spreadsheet would read as a formula; prefixed with `'` so they stay text (OWASP CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  // Numbers are data, including negative ones; only text can smuggle a formula.
  let text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** Columns are the union of the records' keys in first-seen order; a record missing a key gets an empty cell. */
export function toCsv(data: Record<string, string | number>[]): string {
  if (data.length === 0) return '';
  const columns = [...new Set(data.flatMap((record) => Object.keys(record)))];
  const lines = [columns.map(cell), ...data.map((record) => columns.map((c) => (c in record ? cell(record[c]!) : '')))];
  return lines.map((line) => `${line.join(',')}\r\n`).join('');
}
