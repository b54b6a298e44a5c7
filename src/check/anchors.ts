/**
 * Locked finding ids, at check time: a finding whose `{#id}` is in anchors.lock.json must keep it (or have
 * an alias), so renaming a published heading fails `npm run check`, at the renamed heading, rather than
 * only the build. The build compares every page with the lock again (src/build/permanence-stage.ts).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LOCK_FILE, type AnchorsLock, type Redirect } from '../cite/anchors-lock.ts';
import type { CheckedCase } from './checked.ts';

export function checkLockedFindings(cases: readonly CheckedCase[], lock: AnchorsLock, redirects: readonly Redirect[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const redirected = new Set(redirects.map((r) => r.from));
  // A translation's report is a published page of its own (`/fr/cases/<case>/`), with the same finding ids.
  const reports = cases.flatMap((c) => [
    { page: `/cases/${c.id}/`, entry: c.entry, prose: c.prose },
    ...c.translations.map((t) => ({ page: `/${t.language}/cases/${c.id}/`, entry: t.entry, prose: t.prose })),
  ]);
  for (const c of reports) {
    const page = c.page;
    const locked = lock.pages[page];
    if (!locked || redirected.has(page)) continue;
    const present = new Set([...c.prose.findings.map((f) => f.id), ...Object.keys(lock.aliases[page] ?? {})]);
    // Findings not in the lock yet: a renamed one is among them.
    const unlocked = c.prose.findings.filter((f) => !locked.includes(f.id));
    for (const anchor of locked) {
      if (anchor === 'main' || present.has(anchor)) continue;
      const renamed = unlocked.length === 1 ? unlocked[0] : undefined;
      const alias = `"${anchor}": "${renamed?.id ?? '<new-id>'}"`;
      out.push(
        diagnostic({
          file: c.entry.file,
          start: { line: renamed?.line ?? c.entry.bodyLineOffset + 1, column: 1 },
          ruleId: 'anchors/removed',
          message: `Unexpected missing finding id \`${anchor}\`, expected every id in ${LOCK_FILE} to stay on ${page} (it was published, and links and citations point at it).`,
          actual: anchor,
          expected: 'the locked id, or an alias for it',
          hint: `Give the finding its id back ({#${anchor}}), or keep the new id and add ${alias} under aliases["${page}"] in ${LOCK_FILE}.`,
        }),
      );
    }
  }
  return out;
}
