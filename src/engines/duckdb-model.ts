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

export interface DuckdbModelOptions {
  memoryLimit?: string;
  /**
   * Casefile's own check of the posts, running while DuckDB reads the same files (Node parses on one core,
   * DuckDB on the others), so a build pays for one read, not two in a row. Its diagnostics come first in
   * the result, and an error among them stops the run before any table is counted.
   */
  validation?: Promise<Diagnostic[]>;
}

/** `origin` is the file diagnostics about DuckDB's answer point at (the case's index.md). */
export async function duckdbModel(input: AggregateInput, sources: readonly PostsSource[], origin: string, options: DuckdbModelOptions = {}): Promise<EngineModel> {
  // Judged below once DuckDB has read the files; marked handled now, in case DuckDB fails to start first.
  options.validation?.catch(() => {});
  const engine = await duckdbEngine(options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit });
  try {
    // Both settle before either is judged: a validation error is reported even when DuckDB cannot read the file.
    const [loaded, checked] = await Promise.allSettled([loadPosts(engine.connection, sources), options.validation ?? Promise.resolve([])]);
    if (checked.status === 'rejected') throw checked.reason;
    const validation = checked.value;
    if (validation.some((d) => d.severity === 'error')) return { model: null, diagnostics: validation };
    if (loaded.status === 'rejected') throw loaded.reason;
    const run = await runContract(engine, input, sources.map((s) => s.file), origin);
    if (run.tables === null) return { model: null, diagnostics: [...validation, ...run.diagnostics] };
    const figures = await figureAnswers(engine, input, run.tables);
    return { model: assembleModel(run.tables, input, figures), diagnostics: [...validation, ...run.diagnostics] };
  } finally {
    await engine.close();
  }
}
