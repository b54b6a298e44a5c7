/**
 * The CSV mapping file: read with its `//` comments, every problem reported at once at its line and
 * column, each naming the keys that are valid there; and checked against each CSV's real header.
 */
import { evaluate, parse } from '@humanwhocodes/momoa';
import { ZodError } from 'zod';
import { diagnostic, DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { closest } from '../diagnostics/suggest.ts';
import { fieldName, zodIssuesToDiagnostics, type Locate } from '../diagnostics/zod-issues.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';
import { jsonTextLocator } from '../diagnostics/positions.ts';
import { controlDiagnostics } from '../content/control-characters.ts';
import { readUtf8 } from '../content/utf8.ts';
import { columnKeys, CsvMappingSchema, mappingKeys, requiredColumns, type CsvMapping } from './csv-schema.ts';

export interface LoadedMapping {
  mapping: CsvMapping;
  /** Where each of the mapping's values is, for errors found later (a column the CSV lacks). */
  locate: Locate;
  file: string;
}

const keyList = (keys: Record<string, string>): string => Object.keys(keys).map((k) => `\`${k}\``).join(', ');

export async function readMapping(path: string | undefined, displayPath: string, csvHeader?: string[]): Promise<LoadedMapping> {
  if (!path) {
    const header = csvHeader ? ` Its header is: ${csvHeader.map((c) => `\`${c}\``).join(', ')}.` : '';
    throw new DiagnosticError([
      diagnostic({
        file: displayPath,
        ruleId: 'import/csv-mapping',
        message: 'Unexpected a CSV import without a mapping, expected --mapping <file> naming the columns that hold each field.',
        hint: `Write one with \`npm run import -- --init-mapping ${displayPath}\`, check its guesses, then import with --mapping.${header}`,
      }),
    ]);
  }
  const { text, diagnostics: encoding } = await readUtf8(path, displayPath);
  if (encoding.length > 0) throw new DiagnosticError(encoding);
  let value: unknown;
  try {
    value = evaluate(parse(text, { mode: 'jsonc', allowTrailingCommas: true }));
  } catch {
    throw new DiagnosticError([
      jsonSyntaxDiagnostic(text, displayPath, { mode: 'jsonc', hint: 'Each key and each column name is in double quotes, and pairs are separated by commas (`//` comments are allowed).' }),
    ]);
  }
  const locate = jsonTextLocator(text, [], 0, 0, 'jsonc');
  const controls = controlDiagnostics(value, displayPath, locate);
  if (controls.length > 0) throw new DiagnosticError(controls);
  const result = CsvMappingSchema.safeParse(value);
  if (result.success) return { mapping: result.data, locate, file: displayPath };
  throw new DiagnosticError(result.error.issues.flatMap((issue) => mappingIssue(issue, value, displayPath, locate)));
}

/** One zod issue in the project's words, with the keys valid at its place. */
function mappingIssue(issue: ZodError['issues'][number], input: unknown, file: string, locate: Locate): Diagnostic[] {
  const inColumns = issue.path[0] === 'columns';
  const valid = inColumns && issue.path.length <= 2 ? columnKeys : mappingKeys;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      diagnostic({
        file,
        ...(locate([...issue.path, key], { key: true }) ?? { start: { line: 1, column: 1 } }),
        ruleId: 'import/csv-mapping',
        message: `Unexpected key \`${fieldName([...issue.path, key])}\` in the mapping, expected one of ${keyList(valid)}.`,
        actual: key,
        expected: Object.keys(valid).join(', '),
        hint: `${didYouMean(key, Object.keys(valid))}${Object.entries(valid)
          .map(([k, meaning]) => `\`${k}\`: ${meaning.replace(/\.$/, '')}`)
          .join('; ')}.`,
      }),
    );
  }
  const key = String(issue.path.at(-1) ?? '');
  if (issue.code === 'invalid_type' && issue.received === 'undefined' && key in valid) {
    const parent = issue.path.slice(0, -1);
    const example = inColumns ? `"${key}": "<the column's name>"` : key === 'platform' ? '"platform": "x"' : `"${key}": …`;
    return [
      diagnostic({
        file,
        start: (locate(parent) ?? { start: { line: 1, column: 1 } }).start,
        ruleId: 'import/csv-mapping',
        message: inColumns
          ? `Unexpected mapping without the column for \`${key}\`, expected the name of the column that holds ${(columnKeys as Record<string, string>)[key]}.`
          : `Unexpected mapping without \`${key}\`, expected ${(mappingKeys as Record<string, string>)[key]}.`,
        hint: `Add ${example}${key === 'platform' ? ' (or "other" when none fits)' : ''}. ${inColumns ? `Required columns: ${requiredColumns.map((c) => `\`${c}\``).join(', ')}.` : ''}`.trim(),
      }),
    ];
  }
  return zodIssuesToDiagnostics(new ZodError([issue]), { file, input, locate }).map((d) => ({
    ...d,
    ruleId: 'import/csv-mapping',
    hint: d.hint ?? (key in valid ? `\`${key}\`: ${(valid as Record<string, string>)[key]}.` : undefined),
  }));
}

/** Every column the mapping names that the CSV's header lacks, each at its place in the mapping. */
export function missingColumns(loaded: LoadedMapping, header: string[], csvFile: string): Diagnostic[] {
  const shown = header.map((c) => `\`${c}\``).join(', ');
  return Object.entries(loaded.mapping.columns)
    .filter(([, name]) => name !== undefined && !header.includes(name))
    .map(([key, name]) =>
      diagnostic({
        file: loaded.file,
        ...(loaded.locate(['columns', key]) ?? { start: { line: 1, column: 1 } }),
        ruleId: 'import/csv-header',
        message: `Unexpected column \`${name}\` for \`${key}\`, expected a column of ${csvFile}'s header: ${shown}.`,
        actual: name!,
        expected: header.join(', '),
        hint: `${closestHint(name!, header)}Copy the column's name from the header exactly (capitals and spaces count).`,
      }),
    );
}

function closestHint(name: string, header: string[]): string {
  const folded = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const match = header.find((h) => folded(h) === folded(name)) ?? closest(name, header);
  return match ? `Did you mean \`${match}\`? ` : '';
}

function didYouMean(key: string, keys: readonly string[]): string {
  const near = closest(key, keys);
  return near ? `Did you mean \`${near}\`? ` : '';
}
