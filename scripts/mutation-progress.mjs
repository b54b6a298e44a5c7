/**
 * A StrykerJS reporter that appends each tested mutant's key and status to a JSON Lines file as it is tested
 * (CASEFILE_MUTATION_PROGRESS names the file), so a sampled run stopped half-way keeps what it measured and
 * the next run tests only the rest (scripts/mutation.mjs --sample).
 */
import { appendFileSync } from 'node:fs';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';
import { keyOf } from './mutation-keys.mjs';

class ProgressReporter {
  onMutantTested(result) {
    const file = process.env.CASEFILE_MUTATION_PROGRESS;
    // Not the mutants a sampled run ignores (nested inside a drawn one): a drawn mutant ignored would then have no result, an error.
    if (!file || result.status === 'Pending' || result.status === 'Ignored') return;
    // Keys are written 0-based, as the sample draws them; StrykerJS reports results 1-based.
    appendFileSync(file, `${JSON.stringify({ key: keyOf(result, 1), status: result.status })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'casefile-progress', ProgressReporter)];
