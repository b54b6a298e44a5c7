/**
 * The case's tracked hashtags and their aliases, folded as ingest folds them (foldTag), each mapped to
 * the tag as the case spells it. A tag wins over another tag's alias of the same spelling, as in ingest,
 * so the prose and the data always mean the same tag.
 */
import { foldTag } from '../ingest/normalise-post.ts';
import type { Case } from '../schema/index.ts';

export function trackedTags(caseData: Pick<Case, 'hashtags'>): Map<string, string> {
  const tags = new Map<string, string>();
  for (const { tag, aliases } of caseData.hashtags) for (const alias of aliases) tags.set(foldTag(alias), tag);
  for (const { tag } of caseData.hashtags) tags.set(foldTag(tag), tag);
  return tags;
}
