/** The case's tracked hashtags and their aliases, lower-cased, each mapped to the tag as the case spells it. */
import type { Case } from '../schema/index.ts';

export function trackedTags(caseData: Case): Map<string, string> {
  const tags = new Map<string, string>();
  for (const { tag, aliases } of caseData.hashtags) {
    tags.set(tag.toLowerCase(), tag);
    for (const alias of aliases) tags.set(alias.toLowerCase(), tag);
  }
  return tags;
}
