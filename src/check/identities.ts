/**
 * Ids must be unique where files cannot guarantee it: two dossiers for the same account
 * (same platform id, or same handle) would split its profile in two.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ContentEntry, Project } from '../content/project.ts';
import type { Account } from '../schema/index.ts';
import type { PrivateAccount } from '../aggregate/pseudonymise.ts';

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

/**
 * A private person's dossier id becomes the page URL, the sitemap entry, the anchors-lock entry and the
 * released pseudonym's stand-in id, so it must not carry a handle or platform id it is meant to hide: the
 * dossier's own, or those the data shows for the person (a dossier may record `handle: null`).
 */
export function checkRevealingIds(project: Project, people: readonly PrivateAccount[]): Diagnostic[] {
  return people.flatMap((person) => {
    const entry = project.accounts.get(person.dossierId);
    return entry ? revealingId(entry, person) : [];
  });
}

function revealingId(entry: ContentEntry<Account>, person: PrivateAccount): Diagnostic[] {
  const a = entry.data;
  const id = entry.id.toLowerCase();
  const revealed: { field: 'handle' | 'platformId'; value: string }[] = [
    ...person.handles.filter((h) => id.includes(h.toLowerCase())).map((value) => ({ field: 'handle' as const, value })),
    ...person.platformIds.filter((p) => id.includes(p.toLowerCase())).map((value) => ({ field: 'platformId' as const, value })),
  ];
  return revealed.map(({ field, value }) => {
    const recorded = field === 'handle' ? a.handle : a.platformId;
    const fromData = recorded?.toLowerCase() !== value.toLowerCase();
    return diagnostic({
      file: entry.file,
      // At the field (`handle: null` when only the data shows the handle), or at the platform the file starts with.
      ...(entry.locate([field]) ?? entry.locate(['platform']) ?? {}),
      ruleId: 'privacy/revealing-id',
      message: `Unexpected ${field === 'handle' ? 'handle' : 'platform id'} \`${value}\`${fromData ? ' (as the data shows it for this person)' : ''} in the id \`${entry.id}\` of a private individual's dossier, expected an id that does not identify the person.`,
      actual: entry.id,
      hint: `Pick a pseudonymous file name, such as content/accounts/${a.platform}/member-a.md: the id names the page, the sitemap and the released data.`,
    });
  });
}
