/**
 * How an account is shown anywhere in a case: the label the check decided (src/aggregate/account-names.ts),
 * looked up in the site's data by dossier id or dataset author id; an id the case never names shows as itself.
 */
import { profileLabel, type AccountLabel } from '../aggregate/account-names.ts';
import type { Site } from './types.ts';

export function accountLabel(site: Pick<Site, 'accountLabels'>, caseId: string, idOrAuthorId: string): AccountLabel {
  const labels = Object.hasOwn(site.accountLabels, caseId) ? site.accountLabels[caseId]! : undefined;
  // Own keys only: an author id such as `constructor` is not the object's.
  const known = labels && Object.hasOwn(labels, idOrAuthorId) ? labels[idOrAuthorId] : undefined;
  return known ?? { ...profileLabel({ handle: null, authorId: idOrAuthorId }) };
}
