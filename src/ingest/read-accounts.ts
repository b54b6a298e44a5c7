/**
 * Reads a dataset's `accounts` file: account records (handle history, followers) from the export. Bytes that
 * are not UTF-8 and control characters in any record are located errors.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics, type Locate } from '../diagnostics/zod-issues.ts';
import { AccountRecordSchema, type AccountRecord } from '../schema/index.ts';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-syntax.ts';
import { NDJSON_HINT } from './read-posts.ts';
import { jsonTextLocator } from '../diagnostics/positions.ts';
import { problems } from './problems.ts';
import { controlDiagnostics, controlStrings } from '../content/control-characters.ts';
import { readLineBytes } from './read-lines.ts';
import { firstInvalidUtf8, invalidUtf8Diagnostic, readUtf8 } from '../content/utf8.ts';

export interface ReadAccountsOptions {
  path: string;
  file: string;
  format: 'ndjson' | 'json' | 'csv';
}

export async function readAccounts(options: ReadAccountsOptions): Promise<{ accounts: AccountRecord[]; diagnostics: Diagnostic[] }> {
  const { file } = options;
  const found = problems(file);
  const accounts: AccountRecord[] = [];
  const accept = (value: unknown, locate: () => Locate): void => {
    // Handles and names of accounts are identities: a control character in one is an error, as in a post's author.
    if (controlStrings(value, 1).length > 0) found.add(controlDiagnostics(value, file, locate()));
    const result = AccountRecordSchema.safeParse(value);
    if (result.success) accounts.push(result.data);
    else found.add(zodIssuesToDiagnostics(result.error, { file, input: value, locate: locate()}));
  };
  if (options.format === 'csv') {
    found.add(
      diagnostic({
        file,
        ruleId: 'ingest/format',
        message: 'Unexpected format `csv` for an accounts file, expected `ndjson` or `json`.',
        hint: 'Convert the export with `casefile import`.',
      }),
    );
  } else if (options.format === 'ndjson') {
    await readLineBytes(options.path, (bytes, start, end, n) => {
      const bad = firstInvalidUtf8(bytes, start, end);
      if (bad) found.add(invalidUtf8Diagnostic(file, bad, 'error', n - 1));
      const line = bytes.toString('utf8', start, end);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        if (!/^\s*$/.test(line)) found.add(jsonSyntaxDiagnostic(line, file, { lineOffset: n - 1, hint: NDJSON_HINT }));
        return;
      }
      accept(value, () => jsonTextLocator(line, [], n - 1));
    });
  } else {
    const { text, diagnostics: encoding } = await readUtf8(options.path, file);
    found.add(encoding);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      found.add(jsonSyntaxDiagnostic(text, file, { hint: 'An accounts file in `json` format is one JSON array of accounts, separated by commas.' }));
      return { accounts, diagnostics: found.list() };
    }
    if (Array.isArray(value)) {
      const locator = (): Locate => jsonTextLocator(text);
      value.forEach((element, i) => accept(element, () => (path, o) => locator()([i, ...path], o)));
    } else {
      found.add(
        diagnostic({ file, ruleId: 'schema/invalid-type', message: 'Unexpected JSON value that is not a list, expected a JSON array of accounts.' }),
      );
    }
  }
  return { accounts, diagnostics: found.list() };
}
