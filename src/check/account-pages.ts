/**
 * One page per account. Pages go to every dossier and, per case, to the dossier accounts in its data and its
 * most active accounts (`caseAccounts`); the first case to claim a page id keeps it. Two accounts that would
 * share one page (a dossier named like another account's id form, or one handle held by different accounts
 * in two cases) are an error at the dossier, or at the later case, never a merged page.
 */
import { accountIdentity, dossierPageLabel } from '../aggregate/account-names.ts';
import type { ContentEntry, Project } from '../content/project.ts';
import type { SiteUrls } from '../content/urls.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Account } from '../schema/index.ts';
import type { CheckedAccountPage, CheckedCase } from './checked.ts';

export function checkAccountPages(
  cases: readonly CheckedCase[],
  project: Project,
  urls: SiteUrls,
): { accountPages: Map<string, CheckedAccountPage>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pages = new Map<string, CheckedAccountPage>();
  for (const c of cases) {
    const withPage = new Set(c.accounts.pageIds);
    for (const profile of c.model.profiles) {
      const pageId = c.accounts.pageId(profile);
      if (!withPage.has(pageId)) continue;
      const owner = profile.dossierId ? `dossier:${profile.dossierId}` : accountIdentity(profile);
      const existing = pages.get(pageId);
      if (existing && existing.identity !== owner) {
        diagnostics.push(pageCollision(pageId, existing, owner, c.entry.file, project.accounts));
        continue;
      }
      const dossier = profile.dossierId ? project.accounts.get(profile.dossierId) : undefined;
      const page = existing ?? { pageId, identity: owner, label: c.accounts.labels.get(profile.authorId)!, ...(dossier ? { dossier } : {}), cases: [] };
      page.cases.push({ caseId: c.id, authorId: profile.authorId });
      pages.set(pageId, page);
    }
  }
  // Every dossier has a page, with or without posts in a dataset.
  for (const d of project.accounts.values()) {
    const existing = pages.get(d.id);
    if (existing && existing.identity !== `dossier:${d.id}`) diagnostics.push(pageCollision(d.id, existing, `dossier:${d.id}`, d.file, project.accounts));
    if (!existing) pages.set(d.id, { pageId: d.id, identity: `dossier:${d.id}`, label: dossierPageLabel(d, urls), dossier: d, cases: [] });
  }
  return { accountPages: new Map([...pages.keys()].sort().map((id) => [id, pages.get(id)!])), diagnostics };
}

/** Reported at the dossier of the two when there is one, else at `file` (the later case). */
function pageCollision(pageId: string, existing: CheckedAccountPage, identity: string, file: string, dossiers: Map<string, ContentEntry<Account>>): Diagnostic {
  const dossierId = [existing.identity, identity].find((i) => i.startsWith('dossier:'))?.slice('dossier:'.length);
  const dossier = dossierId === undefined ? undefined : dossiers.get(dossierId);
  const who = (i: string) => (i.startsWith('dossier:') ? `the dossier \`${i.slice(8)}\`` : `the dataset account \`${i}\``);
  return diagnostic({
    file: dossier?.file ?? file,
    ruleId: 'account/page-collision',
    message: `Unexpected second account on the page \`/accounts/${pageId}/\` (${who(identity)}, already ${who(existing.identity)}), expected one page per account.`,
    hint: dossier
      ? 'Rename the dossier file, or give it the `platformId` of the dataset account if they are the same account.'
      : 'Add a dossier with the `platformId` of one of the two accounts, so its page is named by the dossier.',
  });
}
