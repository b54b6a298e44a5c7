/**
 * What `--strict` (and so `npm run verify`) asks of a report on top of the check: every figure states the
 * value it was written for (`expect=`), so a data change can never silently change the text; every
 * section heading (`##`) carries a permanent `{#id}`, so readers can cite it and the address never changes.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CheckedCase } from './checked.ts';

export function checkStrict(cases: readonly CheckedCase[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of cases) {
    for (const f of c.prose.figures) {
      if (f.expect !== undefined) continue;
      out.push(
        diagnostic({
          file: c.entry.file,
          start: { line: f.line, column: f.column },
          ruleId: 'strict/figure-expect',
          message: `Unexpected figure without \`expect=\` (${f.description}), expected the value the text was written for.`,
          actual: f.formatted,
          hint: `Add expect=${f.formatted.replace(/,/g, '')} inside the braces if ${f.formatted} is what the text means.`,
        }),
      );
    }
    const findings = new Set(c.prose.findings.map((f) => f.id));
    for (const h of c.prose.headings) {
      if (h.depth !== 2 || findings.has(h.id)) continue;
      out.push(
        diagnostic({
          file: c.entry.file,
          start: { line: h.line ?? c.entry.bodyLineOffset + 1, column: 1 },
          ruleId: 'strict/finding-id',
          message: `Unexpected section heading without a permanent id ("${h.text}"), expected \`## ${h.text} {#an-id}\`.`,
          hint: `Add {#${h.id}} at the end of the heading: it becomes the finding's permanent address.`,
        }),
      );
    }
  }
  return out;
}
