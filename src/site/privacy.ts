/**
 * Where pages and the release read the site's one privacy decision (which people are private, and how each of
 * their ids, names, posts and addresses is published). The decision itself is taken in
 * src/aggregate/pseudonymise.ts, below every stage that reads it.
 */
import type { SitePrivacy } from '../aggregate/pseudonymise.ts';
import type { Site } from './types.ts';

/** The privacy decision taken when the site was assembled (decidePrivacy, src/aggregate/pseudonymise.ts). */
export function sitePrivacy(site: Site): SitePrivacy {
  return site.privacy;
}
