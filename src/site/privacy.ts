/**
 * The one privacy decision of a site: which people are private, and how each of their ids, names, posts and
 * addresses is published. It is taken once, when the site is assembled, from the dossiers and from what every
 * case's data shows of each private person (a person may post under other platform ids or handles in another
 * case): evidence cards, pages, checks and the release all read this one decision, so a post gets the same
 * stand-in id wherever it shows.
 */
import { createPseudonymiser, privateAccounts, type PrivateAccount, type Pseudonymiser, type SeenAuthor } from './pseudonymise.ts';
import type { Account } from '../schema/index.ts';
import type { Site } from './types.ts';

export interface SitePrivacy extends Pseudonymiser {
  /** The private people, with every platform id, handle and name the data shows for them. */
  people: readonly PrivateAccount[];
}

export function decidePrivacy(dossiers: Iterable<{ id: string; data: Account }>, seen: Iterable<SeenAuthor>): SitePrivacy {
  const people = privateAccounts(dossiers, seen);
  return { ...createPseudonymiser(people), people };
}

export function sitePrivacy(site: Site): SitePrivacy {
  return site.privacy;
}
