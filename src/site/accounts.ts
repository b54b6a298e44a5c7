/**
 * Who an account is on the page: the one place that decides labels, page ids and
 * pseudonymisation, so no page, chart or download can name a private individual.
 */
import type { AccountProfile } from '../aggregate/model.ts';
import type { ContentEntry } from '../content/project.ts';
import type { Account } from '../schema/index.ts';
import type { AccountLabel } from './types.ts';

/** Page id for an account: its dossier id, else platform and lower-cased handle, else its platform id. */
export function accountPageId(profile: Pick<AccountProfile, 'platform' | 'handle' | 'authorId' | 'dossierId'>): string {
  if (profile.dossierId) return profile.dossierId;
  if (profile.handle) return `${profile.platform}/${slug(profile.handle)}`;
  return `${profile.platform}/id-${slug(profile.authorId).slice(0, 64)}`;
}

export function dossierLabel(dossier: ContentEntry<Account>): Omit<AccountLabel, 'href'> {
  const a = dossier.data;
  if (a.subject === 'private') return { label: a.pseudonym!, handle: null, pseudonymised: true };
  return { label: a.handle ? `${a.displayName} (@${a.handle})` : a.displayName, handle: a.handle, pseudonymised: false };
}

export function profileLabel(profile: Pick<AccountProfile, 'handle' | 'name' | 'authorId'>): Omit<AccountLabel, 'href'> {
  if (profile.handle) return { label: `@${profile.handle}`, handle: profile.handle, pseudonymised: false };
  if (profile.name) return { label: profile.name, handle: null, pseudonymised: false };
  return { label: `account ${profile.authorId.slice(0, 12)}`, handle: null, pseudonymised: true };
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'account';
}
