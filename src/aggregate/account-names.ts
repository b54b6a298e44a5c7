/**
 * Who an account is on the page: the one place that decides labels, page ids and
 * pseudonymisation, so no page, chart or download can name a private individual.
 * The check reads it too (references in the prose, look-alike handles), so it lives below both.
 */
import type { AccountProfile, AccountSummary } from './model.ts';
import type { ContentEntry } from '../content/project.ts';
import type { SiteUrls } from '../content/urls.ts';
import type { Account } from '../schema/index.ts';
import { fileSafeId } from '../schema/site-path.ts';
import { projectLanguage } from '../locale/intl.ts';

export interface AccountLabel {
  /** What readers see: display name and handle, or the pseudonym of a private individual. */
  label: string;
  handle: string | null;
  /** Page of the account when it has one. */
  href?: string;
  pseudonymised: boolean;
  /**
   * The language of the label's words, when it has words of the project's own: a dossier's display name or
   * pseudonym, written in the project's language, or the stand-in for a nameless account. A handle or a name
   * from the data has none. A page in another language marks the label with it, so a screen reader reads
   * "Account linked to …" in English on a French page.
   */
  lang?: string;
}

/**
 * The language to mark a name with on a page in `locale`: its own, when it has one (AccountLabel.lang) and
 * the page is in another; else none, as the page's language already holds for it.
 */
export function markedLanguage(name: { lang?: string }, locale: string): string | undefined {
  return name.lang !== undefined && name.lang !== locale ? name.lang : undefined;
}

/** What names a dataset account for the page-id rules: its platform, the platform's id, its handle and matched dossier. */
export type AccountRef = Pick<AccountProfile, 'platform' | 'handle' | 'authorId' | 'dossierId'>;

/** An account's identity: the platform and the platform's id for it, never its handle or a slug of it. */
export function accountIdentity(account: Pick<AccountProfile, 'platform' | 'authorId'>): string {
  return `${account.platform}/${account.authorId}`;
}

/** A handle that reads as itself in an address: ASCII letters, digits, `_` and inner `.`. */
const PLAIN_HANDLE = /^[A-Za-z0-9_][A-Za-z0-9_.]{0,63}$/;

/**
 * Page ids of a case's accounts, unique by construction: a dossier's id; else `<platform>/<handle>` (lower case)
 * when the handle is plain ASCII and no other account or dossier would get the same address; else
 * `<platform>/id-<platform id>` (the id written file-safe, so `u.x` and `u-x` stay apart). Handles in other
 * scripts, with invisible characters or look-alike letters therefore never share or take over an address.
 */
export function accountPageIds(accounts: readonly AccountRef[], dossierIds: Iterable<string>): (account: AccountRef) => string {
  const claims = new Map<string, Set<string>>();
  // Stryker disable next-line StringLiteral: equivalent, only the number of claims on an address counts
  for (const id of dossierIds) claims.set(id, new Set([`dossier:${id}`]));
  for (const a of accounts) {
    if (a.dossierId || a.handle === null || !PLAIN_HANDLE.test(a.handle)) continue;
    const page = `${a.platform}/${a.handle.toLowerCase()}`;
    const set = claims.get(page) ?? new Set<string>();
    set.add(accountIdentity(a));
    claims.set(page, set);
  }
  return (a) => {
    if (a.dossierId) return a.dossierId;
    if (a.handle !== null && PLAIN_HANDLE.test(a.handle)) {
      const page = `${a.platform}/${a.handle.toLowerCase()}`;
      if (claims.get(page)?.size === 1) return page;
    }
    return `${a.platform}/id-${fileSafeId(a.authorId)}`;
  };
}

export function dossierLabel(dossier: ContentEntry<Account>): Omit<AccountLabel, 'href'> {
  const a = dossier.data;
  if (a.subject === 'private') return { label: a.pseudonym!, handle: null, pseudonymised: true, lang: projectLanguage };
  return { label: a.handle ? `${a.displayName} (@${a.handle})` : a.displayName, handle: a.handle, pseudonymised: false, lang: projectLanguage };
}

/** Dataset handles and names are anyone's writing: shown with every invisible or direction-changing character named. */
export function profileLabel(profile: Pick<AccountProfile, 'handle' | 'name' | 'authorId'>): Omit<AccountLabel, 'href'> {
  if (profile.handle) return { label: `@${visibleText(profile.handle)}`, handle: visibleText(profile.handle), pseudonymised: false };
  if (profile.name) return { label: visibleText(profile.name), handle: null, pseudonymised: false };
  return { label: `account ${profile.authorId.slice(0, 12)}`, handle: null, pseudonymised: true, lang: projectLanguage };
}

/**
 * `text` with bidi controls, zero-width and other invisible characters (and NUL and other controls) written as
 * `⟨U+202E⟩`: `admin` + U+202E + `gnp.exe` reads `@admin⟨U+202E⟩gnp.exe`, never "@adminexe.png", and a
 * zero-width look-alike of a dossier's handle shows where it differs.
 */
export function visibleText(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f]|\p{Cs}/gu,
    (ch) => `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** How a case names its accounts: the label of each (by author id and by dossier id) and who gets a page. */
export interface CaseAccounts {
  labels: Map<string, AccountLabel>;
  /** The page id of any account of the case (see `accountPageIds`). */
  pageId(account: AccountRef): string;
  /** Page ids of the accounts with a page in this case: every dossier account in the data and the `topAccounts` most active. */
  pageIds: string[];
}

/**
 * Labels and pages of a case's accounts. `accounts` are the model's, most active first; dossiers without
 * posts in the case still resolve for `:account[…]`.
 */
export function caseAccounts(
  accounts: readonly AccountSummary[],
  dossiers: ReadonlyMap<string, ContentEntry<Account>>,
  topAccounts: number,
  urls: SiteUrls,
): CaseAccounts {
  const labels = new Map<string, AccountLabel>();
  const pageIds: string[] = [];
  const pageId = accountPageIds(accounts, dossiers.keys());
  accounts.forEach((account, rank) => {
    const dossier = account.dossierId ? dossiers.get(account.dossierId) : undefined;
    const hasPage = dossier !== undefined || rank < topAccounts;
    const base = dossier ? dossierLabel(dossier) : profileLabel(account);
    const label: AccountLabel = hasPage ? { ...base, href: urls.account(pageId(account)) } : base;
    labels.set(account.authorId, label);
    if (hasPage) pageIds.push(pageId(account));
  });
  // Every dossier has a page, with or without posts in the case (a dossier account's page id is its dossier id).
  for (const d of dossiers.values()) labels.set(d.id, dossierPageLabel(d, urls));
  return { labels, pageId, pageIds };
}

/** A dossier's label, linking to its page (every dossier has one). */
export function dossierPageLabel(dossier: ContentEntry<Account>, urls: SiteUrls): AccountLabel {
  return { ...dossierLabel(dossier), href: urls.account(dossier.id) };
}
