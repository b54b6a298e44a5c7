/**
 * The whole check: every file, every rule, every problem of the run together.
 * Used by `npm run check`, by `npm run build` before anything is written, and by the site.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { loadProject, type Project } from '../content/project.ts';
import { checkReferences } from './references.ts';
import { checkIdentities } from './identities.ts';
import { checkDates } from './dates.ts';
import { checkHashes } from './hashes.ts';

export interface CheckOptions {
  /** Today as YYYY-MM-DD; dates after it are implausible. */
  today: string;
}

export interface CheckResult {
  project: Project;
  diagnostics: Diagnostic[];
}

export async function checkProject(root: string, options: CheckOptions): Promise<CheckResult> {
  const { project, diagnostics } = await loadProject(root);
  diagnostics.push(...checkReferences(project), ...checkIdentities(project), ...checkDates(project, options.today));
  for (const dataset of project.datasets.values()) diagnostics.push(...(await checkHashes(dataset)));
  return { project, diagnostics: sortDiagnostics(diagnostics) };
}
