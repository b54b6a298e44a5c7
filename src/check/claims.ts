/** A fact-check must point at a finding of the report, and at a post of the data when it names one. */
import type { ReportModel } from '../aggregate/model.ts';
import type { ContentEntry } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Case } from '../schema/index.ts';

export function checkClaims(entry: ContentEntry<Case>, findings: string[], model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  entry.data.claims.forEach((claim, i) => {
    if (!findings.includes(claim.finding)) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['claims', i, 'finding']) ?? {}),
          ruleId: 'reference/finding',
          message: `Unexpected finding \`${claim.finding}\`, expected the id of a finding heading in this report (${findings.map((f) => `\`${f}\``).join(', ') || 'none yet'}).`,
          hint: 'Give the finding a permanent id in its heading: `## Title {#finding-id}`.',
        }),
      );
    }
    if (claim.appearance.post && !model.posts[claim.appearance.post]) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['claims', i, 'appearance', 'post']) ?? {}),
          ruleId: 'reference/post',
          message: `Unexpected post \`${claim.appearance.post}\`, expected the id of a post in the case's datasets.`,
        }),
      );
    }
  });
  return out;
}
