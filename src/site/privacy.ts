/**
 * Where the views and the release's files read the site's one privacy decision (which people are private, and how each of
 * their ids, names, posts and addresses is published). The decision itself is taken in
 * src/aggregate/pseudonymise.ts, below every stage that reads it; the site holds it as data (`privatePeople`).
 */
import { createPseudonymiser, type PrivateAccount, type SitePrivacy } from '../aggregate/pseudonymise.ts';
import type { Site } from './types.ts';

const made = new WeakMap<readonly PrivateAccount[], SitePrivacy>();

/** The privacy decision taken when the site was assembled (decidePrivacy), made into its functions once per site. */
export function sitePrivacy(site: Pick<Site, 'privatePeople'>): SitePrivacy {
  const people = site.privatePeople;
  let privacy = made.get(people);
  if (!privacy) {
    privacy = { ...createPseudonymiser(people), people };
    made.set(people, privacy);
  }
  return privacy;
}
