/**
 * Runs the contract's SQL on an engine whose `posts` table is in place, and validates what comes back:
 * the tables that need no account list first, then the profiles of the authors that get a page (chosen
 * from the accounts table by the same rule as the in-process aggregator), then the zod contract.
 */
import { dossierMatcher } from '../aggregate/dossier-match.ts';
import type { AggregateInput } from '../aggregate/input.ts';
import { periodGrid } from '../aggregate/period-grid.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { CONTRACT_VERSION, ModelTables } from './contract.ts';
import { PARAMETER_COLUMNS, type Row, type SqlEngine } from './engine.ts';
import { parameterTables } from './parameters.ts';
import { setupStatements, tableQuery, type TableName } from './sql-files.ts';

/** Tables that read the paged or private authors, queried once those are loaded. */
const SECOND: ReadonlySet<TableName> = new Set([
  'profile_tags',
  'profile_cells',
  'profile_dates',
  'profile_times',
  'profile_amplified',
  'profile_amplified_by',
  'profile_top_posts',
  'profile_tag_shares',
  'private_posts',
]);

export interface ContractRun {
  /** Null when the posts break a rule (a duplicate id) or the engine's answer breaks the contract. */
  tables: ModelTables | null;
  diagnostics: Diagnostic[];
}

/**
 * `files` are the posts files in the order the case reads them (repo-relative, as in the posts table);
 * `origin` is the file diagnostics about the engine's answer point at (the case's index.md).
 */
export async function runContract(engine: SqlEngine, input: AggregateInput, files: readonly string[], origin: string): Promise<ContractRun> {
  const [range] = await engine.query(tableQuery('range', engine.dialect));
  const grid = periodGrid(input.timeZone, input.period.from, input.period.to);
  const min = range?.['min'];
  const max = range?.['max'];
  const params = parameterTables(input, grid, files, typeof min === 'number' && typeof max === 'number' ? { min, max } : null);
  for (const [name, rows] of Object.entries(params)) await engine.load(name, PARAMETER_COLUMNS[name]!, rows);
  await engine.load('case_paged', PARAMETER_COLUMNS['case_paged']!, []);
  await engine.load('case_private', PARAMETER_COLUMNS['case_private']!, []);
  for (const statement of setupStatements(engine.dialect)) await engine.execute(statement);
  await engine.prepare?.();

  const duplicates = await engine.query(tableQuery('duplicates', engine.dialect));
  if (duplicates.length > 0) return { tables: null, diagnostics: duplicateDiagnostics(duplicates, files) };

  const raw: Record<string, Row[]> = { version: CONTRACT_VERSION as never };
  const names = Object.keys(ModelTables.shape).filter((k) => k !== 'version') as TableName[];
  for (const name of names) {
    if (SECOND.has(name)) continue;
    // Every post of the period, sent back only for a case that asks for coordination (its analysis's input).
    raw[name] = name === 'coordination_posts' && input.coordination === undefined ? [] : await engine.query(tableQuery(name, engine.dialect));
    engine.answered?.(name, raw[name]!);
  }

  const { paged, privateAuthors } = pagedAuthors(raw['accounts']!, input);
  await engine.load('case_paged', PARAMETER_COLUMNS['case_paged']!, paged.map((author_id) => ({ author_id })));
  await engine.load('case_private', PARAMETER_COLUMNS['case_private']!, privateAuthors);
  for (const name of names) if (SECOND.has(name)) raw[name] = await engine.query(tableQuery(name, engine.dialect));

  const parsed = ModelTables.safeParse(raw);
  if (parsed.success) return { tables: parsed.data, diagnostics: [] };
  return {
    tables: null,
    diagnostics: parsed.error.issues.slice(0, 20).map((issue) => {
      const [table, row, column] = issue.path;
      return diagnostic({
        file: origin,
        ruleId: 'engine/contract',
        message: `Unexpected value in table \`${String(table)}\`${row === undefined ? '' : `, row ${Number(row) + 1}`}${column === undefined ? '' : `, column \`${String(column)}\``} returned by the ${engine.dialect} engine: ${issue.message}.`,
        expected: `a row of contract version ${CONTRACT_VERSION} (docs/model.md)`,
        hint: 'Check that the posts table has the columns and types docs/model.md lists, and that the SQL in src/engines/sql/ is unchanged.',
      });
    }),
  };
}

/** The authors that get a page (a dossier, or among the case's topAccounts most active), and those with a private dossier. */
export function pagedAuthors(accounts: readonly Row[], input: AggregateInput): { paged: string[]; privateAuthors: { author_id: string; dossier_id: string }[] } {
  const matcher = dossierMatcher(input.dossiers);
  const isPrivate = new Set(input.dossiers.filter((d) => d.private).map((d) => d.id));
  const paged: string[] = [];
  const privateAuthors: { author_id: string; dossier_id: string }[] = [];
  const seen = new Set<string>();
  accounts.forEach((a, rank) => {
    const id = String(a['author_id']);
    seen.add(id);
    const dossier = matcher.match(String(a['platform']), id, a['handle'] === null ? null : String(a['handle']));
    if (dossier !== undefined || rank < input.topAccounts) paged.push(id);
    if (dossier !== undefined && isPrivate.has(dossier)) privateAuthors.push({ author_id: id, dossier_id: dossier });
  });
  // A private person known by platform id may appear only as the author a repost or reply names.
  for (const d of input.dossiers) {
    if (d.private && d.platformId !== undefined && !seen.has(d.platformId)) privateAuthors.push({ author_id: d.platformId, dossier_id: d.id });
  }
  return { paged, privateAuthors };
}

function duplicateDiagnostics(rows: readonly Row[], files: readonly string[]): Diagnostic[] {
  const order = (r: Row) => [files.indexOf(String(r['file'])), Number(r['line'])] as const;
  const byId = new Map<string, Row[]>();
  for (const r of rows) byId.set(String(r['id']), [...(byId.get(String(r['id'])) ?? []), r]);
  const out: Diagnostic[] = [];
  for (const [id, list] of byId) {
    const [first, ...rest] = list.sort((x, y) => order(x)[0] - order(y)[0] || order(x)[1] - order(y)[1]);
    for (const r of rest) {
      out.push(
        diagnostic({
          file: String(r['file']),
          start: { line: Number(r['line']), column: 1 },
          ruleId: 'post/duplicate-id',
          message: `Unexpected duplicate post id \`${id}\`, expected each id once (first at ${String(first!['file'])}:${Number(first!['line'])}).`,
          actual: id,
          hint: 'Remove the repeated post, or fix the importer that wrote it twice.',
        }),
      );
    }
  }
  return out;
}
