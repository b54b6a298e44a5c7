/**
 * A coordination window must be at least as long as the coarsest time precision of the case's data:
 * in a minute-precision archive every post of one minute carries the same time, so a 10-second window
 * would pair them all and claim a synchrony the data cannot show.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Project } from '../content/project.ts';

const PRECISION_SECONDS = { second: 1, minute: 60, hour: 3600, day: 86_400 } as const;

export function checkCoordination(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of project.cases.values()) {
    const window = entry.data.coordination?.window;
    if (window === undefined) continue;
    const coarsest = entry.data.datasets
      .map((id) => project.datasets.get(`${entry.id}/${id}`))
      .filter((d) => d !== undefined)
      .sort((a, b) => PRECISION_SECONDS[b.manifest.collection.precision] - PRECISION_SECONDS[a.manifest.collection.precision])[0];
    if (coarsest === undefined) continue;
    const { precision } = coarsest.manifest.collection;
    const seconds = PRECISION_SECONDS[precision];
    if (window >= seconds) continue;
    out.push(
      diagnostic({
        file: entry.file,
        ...(entry.locate(['coordination', 'window']) ?? {}),
        ruleId: 'coordination/window-below-precision',
        message: `Unexpected coordination window \`${window}\` s, shorter than the ${precision} precision of dataset \`${coarsest.id}\`; expected at least ${seconds} s.`,
        hint: `Set \`window: ${seconds}\` or more: posts of one ${precision} share one time in \`${coarsest.file}\`, so a shorter window cannot tell them apart.`,
      }),
    );
  }
  return out;
}
