/**
 * One site build in its own process, for the test setup: `tsx build-runner.ts '<BuildOptions as JSON>'`.
 * A fresh process per build keeps Astro's module state from leaking between builds,
 * so the determinism gate compares two genuinely independent builds. Prints the diagnostics on failure.
 */
import { buildSite, type BuildOptions } from '../../src/build/build-site.ts';
import { postBuildStages } from '../../src/build/stages.ts';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostics } from '../../src/diagnostics/reporter.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as BuildOptions;
try {
  await buildSite(options, { log: (line) => process.stderr.write(`${line}\n`) }, postBuildStages);
} catch (error) {
  process.stderr.write(
    error instanceof DiagnosticError
      ? formatDiagnostics(error.diagnostics, 'text', { color: false })
      : `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
