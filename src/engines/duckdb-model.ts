/** A case's ReportModel computed by DuckDB, embedded: posts read by DuckDB, the contract's SQL, then assembly. */
import type { AggregateInput } from '../aggregate/input.ts';
import type { ReportModel } from '../aggregate/model.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { assembleModel } from './assemble.ts';
import { duckdbEngine, loadPosts, type PostsSource } from './duckdb.ts';
import { figureAnswers } from './figures.ts';
import { runContract } from './run.ts';

export interface EngineModel {
  model: ReportModel | null;
  diagnostics: Diagnostic[];
}

/** `origin` is the file diagnostics about DuckDB's answer point at (the case's index.md). */
export async function duckdbModel(input: AggregateInput, sources: readonly PostsSource[], origin: string, options: { memoryLimit?: string } = {}): Promise<EngineModel> {
  const engine = await duckdbEngine(options);
  try {
    await loadPosts(engine.connection, sources);
    const run = await runContract(engine, input, sources.map((s) => s.file), origin);
    if (run.tables === null) return { model: null, diagnostics: run.diagnostics };
    const figures = await figureAnswers(engine, input, run.tables);
    return { model: assembleModel(run.tables, input, figures), diagnostics: run.diagnostics };
  } finally {
    await engine.close();
  }
}
