import { describe, expect, it } from 'vitest';
import { tagNormaliser } from '../ingest/normalise-post.ts';
import { trackedTags } from './tracked-tags.ts';

describe('trackedTags(caseData)', () => {
  it('trackedTags(caseData) names the same tag as ingest for every spelling: a tag wins over another tag\'s alias', () => {
    const hashtags = [{ tag: 'Kanaky', aliases: [] }, { tag: 'KanakyNow', aliases: ['kanaky', 'Kanaky_Now'] }];
    const tags = trackedTags({ hashtags });
    const ingest = tagNormaliser(hashtags);
    expect(new Map(tags)).toEqual(new Map([['kanaky', 'Kanaky'], ['kanaky_now', 'KanakyNow'], ['kanakynow', 'KanakyNow']]));
    for (const [folded, tag] of tags) expect(ingest(folded)).toBe(tag);
  });
});
