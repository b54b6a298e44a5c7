/**
 * The one privacy decision of a site: which people are private, and how each of their ids, names, posts and
 * addresses is published. The release and every page ask this module, never the dossiers directly.
 */
import { createPseudonymiser, privateAccounts, type Pseudonymiser } from '../release/pseudonymise.ts';
import type { Site } from './types.ts';

const pseudonymisers = new WeakMap<Site, Pseudonymiser>();

/**
 * One per site: the private dossiers are the same for every case, and each case's data adds the ids,
 * handles and names it shows for them.
 */
export function sitePrivacy(site: Site): Pseudonymiser {
  let p = pseudonymisers.get(site);
  if (!p) {
    p = createPseudonymiser(privateAccounts(site.project.accounts.values(), site.cases.flatMap((c) => c.model.accounts)));
    pseudonymisers.set(site, p);
  }
  return p;
}
