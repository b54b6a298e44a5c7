/**
 * A case's ReportModel computed by ClickHouse: the contract's SQL run on the researcher's posts table, the
 * answers validated (contract.ts) and assembled as DuckDB's are, and the table's provenance beside them.
 */
import type { AggregateInput } from '../../aggregate/input.ts';
import type { ReportModel } from '../../aggregate/model.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { assembleModel } from '../assemble.ts';
import { figureAnswers } from '../figures.ts';
import { runContract } from '../run.ts';
import { clickhouseEngine, type ClickHouseProvenance, type ClickHouseTarget } from './engine.ts';
import { clickhouseQuery } from './queries.ts';

export interface ClickHouseModel {
  model: ReportModel | null;
  diagnostics: Diagnostic[];
  provenance: ClickHouseProvenance;
}

/**
 * `datasets` are the case's datasets in its order: the table's files are read dataset by dataset, each
 * dataset's files by name. `origin` is the file diagnostics about the server's answer point at.
 */
export async function clickhouseModel(input: AggregateInput, target: ClickHouseTarget, datasets: readonly string[], origin: string, options: { fetch?: typeof fetch } = {}): Promise<ClickHouseModel> {
  const engine = clickhouseEngine(target, options);
  const provenance = await engine.provenance();
  const place = (dataset: string) => (datasets.includes(dataset) ? datasets.indexOf(dataset) : datasets.length);
  const files = (await engine.query(clickhouseQuery('files')))
    .map((row) => ({ dataset: String(row['dataset']), file: String(row['file']) }))
    .sort((a, b) => place(a.dataset) - place(b.dataset))
    .map((f) => f.file);
  const run = await runContract(engine, input, files, origin);
  if (run.tables === null) return { model: null, diagnostics: run.diagnostics, provenance };
  const figures = await figureAnswers(engine, input, run.tables);
  return { model: assembleModel(run.tables, input, figures), diagnostics: run.diagnostics, provenance };
}
