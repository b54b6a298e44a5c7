/**
 * `npm run import -- csv --init-mapping export.csv`: a mapping written from the CSV's header, each
 * column guessed from its name and the time format from the first cells, with every key explained in
 * a comment, so an editor checks guesses instead of learning the format first.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { diagnostic, DiagnosticError } from '../diagnostics/diagnostic.ts';
import { readCsvRecords } from './csv-records.ts';
import { columnKeys, mappingKeys, requiredColumns, type ColumnKey } from './csv-schema.ts';
import { detectFormat } from './detect.ts';
import { compilePattern } from './time-pattern.ts';

/** Name patterns per key, tried in this order so that specific ids claim their columns before `id` does. */
const guesses: [ColumnKey, RegExp][] = [
  ['refAuthorId', /^(retweet|rt|quoted?|reply|in ?reply ?to|original|parent)[\w ]*(user|author|account)[\w ]*id$/],
  ['refId', /^(retweet|rt|quoted?|reply|in ?reply ?to|original|parent|shared)[\w ]*(post|tweet|status|message)?[\w ]*id$/],
  ['authorId', /^(user|author|account|page|channel|profile|from)[\w ]*id$/],
  ['id', /^((post|tweet|status|message) ?)?id$/],
  ['handle', /^(user ?name|screen ?name|handle|login|user ?screen ?name|author ?handle|page ?handle)$/],
  ['name', /^((user|author|page|channel|account)? ?(display ?)?name|author|from)$/],
  ['time', /(created|date|time|timestamp|published|posted)/],
  ['text', /^(text|content|message|body|tweet|tweet ?text|post ?text|caption|full ?text)$/],
  ['kind', /^((post|tweet|message)? ?(type|kind))$/],
  ['url', /^(post ?|tweet ?)?(url|link|permalink)$/],
  ['lang', /^(lang|language|tweet ?language|post ?language)$/],
  ['hashtags', /hashtag|^tags$/],
  ['mentions', /mention/],
];

const timePatterns = [
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'dd.MM.yyyy HH:mm:ss',
  'dd.MM.yyyy HH:mm',
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy HH:mm',
  'MM/dd/yyyy HH:mm:ss',
  'MM/dd/yyyy HH:mm',
  'M/d/yyyy h:mm a',
  'dd.MM.yyyy',
  'yyyy-MM-dd',
];

export function guessColumns(header: string[]): Partial<Record<ColumnKey, string>> {
  const folded = header.map((h) => h.toLowerCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim());
  const taken = new Set<number>();
  const found: Partial<Record<ColumnKey, string>> = {};
  for (const [key, pattern] of guesses) {
    const at = folded.findIndex((name, i) => !taken.has(i) && pattern.test(name));
    if (at >= 0) {
      taken.add(at);
      found[key] = header[at]!;
    }
  }
  return found;
}

/** The time format the sample cells are written in: a named one, a pattern, or undefined if none fits them all. */
export function guessTimeFormat(cells: string[]): { format: string; zone: boolean } | undefined {
  const sample = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (sample.length === 0) return undefined;
  if (sample.every((c) => /^\d{9,10}$/.test(c))) return { format: 'unix-seconds', zone: false };
  if (sample.every((c) => /^\d{12,13}$/.test(c))) return { format: 'unix-ms', zone: false };
  if (sample.every((c) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(c))) return { format: 'iso', zone: false };
  for (const pattern of timePatterns) {
    const compiled = compilePattern(pattern);
    if (typeof compiled !== 'string' && sample.every((c) => compiled.read(c) !== undefined)) return { format: pattern, zone: true };
  }
  return undefined;
}

/** The mapping's text: JSON with a comment above each key, guesses filled in, required keys left to fill when not guessed. */
export function mappingText(header: string[], timeCells: string[], delimiter: string): string {
  const columns = guessColumns(header);
  const time = columns.time ? guessTimeFormat(timeCells) : undefined;
  const line = (comment: string, key: string, value: string, last = false): string => `  // ${comment}\n  ${JSON.stringify(key)}: ${value}${last ? '' : ','}\n`;
  let out = '// Mapping for a CSV import. Check each guess against the header below; see “Importing a CSV” in docs/editing.md.\n';
  out += `// Header: ${header.join(' | ')}\n{\n`;
  out += line(`${mappingKeys.platform}. Required.`, 'platform', '""');
  out += `  // ${mappingKeys.columns}. Required: ${requiredColumns.join(', ')}; delete the lines of columns the CSV lacks.\n  "columns": {\n`;
  const keys = Object.keys(columnKeys) as ColumnKey[];
  keys.forEach((key, i) => {
    const guessed = columns[key];
    const required = requiredColumns.includes(key);
    const note = guessed ? 'guessed from the header' : required ? 'REQUIRED: no column looked like it, name it' : 'no column looked like it: name one and remove the // to use it';
    // Optional keys without a guess stay commented out, so the mapping is valid as written once the required ones are filled.
    const off = guessed || required ? '' : '// ';
    out += `    // ${columnKeys[key]} (${note})\n    ${off}${JSON.stringify(key)}: ${JSON.stringify(guessed ?? '')}${i === keys.length - 1 ? '' : ','}\n`;
  });
  out += '  },\n';
  out += line(
    `${mappingKeys.timeFormat}${time ? ` (guessed from the first times: check the order of day and month)` : ''}`,
    'timeFormat',
    JSON.stringify(time?.format ?? 'iso'),
  );
  out += line(
    `${mappingKeys.timeZone}${time?.zone ? ' (these times have no offset: name their zone)' : ''}`,
    'timeZone',
    JSON.stringify(time?.zone ? '' : 'UTC'),
  );
  out += line(mappingKeys.delimiter, 'delimiter', JSON.stringify(delimiter));
  out += line(mappingKeys.hashtagSeparator, 'hashtagSeparator', '" "');
  out += line(mappingKeys.kinds, 'kinds', '{}', true);
  return `${out}}\n`;
}

/** Write the mapping for `csvFile` to `outFile`; refuses to overwrite a file. */
export async function initMapping(csvFile: string, outFile: string, display: (path: string) => string): Promise<void> {
  if (existsSync(outFile)) {
    throw new DiagnosticError([
      diagnostic({ file: display(outFile), ruleId: 'import/usage', message: 'Unexpected a mapping file that already exists, expected a new file to write.', hint: 'Name another file with --mapping, or delete this one.' }),
    ]);
  }
  const detection = await detectFormat(csvFile, display(csvFile));
  if (!detection.columns || !detection.delimiter) {
    throw new DiagnosticError([
      diagnostic({ file: display(csvFile), ruleId: 'import/usage', message: `Unexpected ${detection.as}, expected a CSV to write a mapping for.` }),
    ]);
  }
  const timeColumn = guessColumns(detection.columns).time;
  const cells: string[] = [];
  if (timeColumn) {
    for await (const { values } of readCsvRecords(csvFile, display(csvFile), () => {}, detection.delimiter)) {
      cells.push(values[timeColumn] ?? '');
      if (cells.length >= 50) break;
    }
  }
  await writeFile(outFile, mappingText(detection.columns, cells, detection.delimiter), { flag: 'wx' });
}
