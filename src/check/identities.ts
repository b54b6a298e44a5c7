/**
 * Ids must be unique where files cannot guarantee it: two dossiers for the same account
 * (same platform id, or same handle) would split its profile in two.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Project } from '../content/project.ts';

export function checkIdentities(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const entry of project.accounts.values()) {
    const a = entry.data;
    const folder = entry.id.split('/')[0];
    if (folder !== a.platform) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['platform']) ?? {}),
          ruleId: 'account/platform-folder',
          message: `Unexpected platform \`${a.platform}\` in content/accounts/${folder}/, expected \`${folder}\`.`,
          hint: `Move the file to content/accounts/${a.platform}/ or correct \`platform\`.`,
        }),
      );
    }
    const keys: [string, (string | number)[]][] = [];
    if (a.platformId) keys.push([`${a.platform}:id:${a.platformId}`, ['platformId']]);
    if (a.handle) keys.push([`${a.platform}:handle:${a.handle.toLowerCase()}`, ['handle']]);
    for (const [key, at] of keys) {
      const other = seen.get(key);
      if (other) {
        out.push(
          diagnostic({
            file: entry.file,
            ...(entry.locate(at) ?? {}),
            ruleId: 'account/duplicate',
            message: `Unexpected second dossier for ${key.replace(/^[^:]+:(id|handle):/, '$1 ')}, expected one dossier per account (see ${other}).`,
            hint: 'Merge the two files into one.',
          }),
        );
      } else seen.set(key, entry.file);
    }
    const dates = a.status.map((s) => s.date);
    dates.forEach((d, i) => {
      if (i > 0 && d < dates[i - 1]!) {
        out.push(
          diagnostic({
            file: entry.file,
            ...(entry.locate(['status', i, 'date']) ?? {}),
            ruleId: 'account/status-order',
            message: `Unexpected status date \`${d}\` before the previous one (\`${dates[i - 1]}\`), expected status history oldest first.`,
            hint: 'Reorder the `status` list by date.',
          }),
        );
      }
    });
  }
  return out;
}
