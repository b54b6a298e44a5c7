import { describe, expect, it } from 'vitest';
import { dublinCoreTags, highwireTags, openGraphTags, type PageMetadataInput } from './metadata.ts';

const page: PageMetadataInput = {
  title: 'Who pushed #RecognizeNewCaledonia',
  summary: 'A hashtag campaign traced to accounts tied to a ruling party.',
  authors: [{ name: 'Jane Doe' }, { name: 'RFE/RL Investigations', organization: true }],
  publisher: 'RFE/RL',
  published: '2024-06-01',
  url: 'https://example.org/cases/new-caledonia/',
  language: 'en-GB',
  licence: 'CC-BY-4.0',
  siteName: 'Casefile',
};

const content = (tags: ReturnType<typeof highwireTags>, key: string) =>
  tags.filter((t) => ('name' in t ? t.name : t.property) === key).map((t) => t.content);

describe('highwireTags(page)', () => {
  const tags = highwireTags(page);
  it('writes one citation_author per author and a slash-separated date', () => {
    expect(content(tags, 'citation_author')).toEqual(['Jane Doe', 'RFE/RL Investigations']);
    expect(content(tags, 'citation_publication_date')).toEqual(['2024/06/01']);
    expect(content(tags, 'citation_title')).toEqual([page.title]);
    expect(content(tags, 'citation_public_url')).toEqual([page.url]);
    expect(content(tags, 'citation_language')).toEqual(['en-GB']);
  });
});

describe('dublinCoreTags(page)', () => {
  it('writes creators, identifier and rights; DCTERMS.modified only once updated', () => {
    const tags = dublinCoreTags(page);
    expect(content(tags, 'DC.creator')).toEqual(['Jane Doe', 'RFE/RL Investigations']);
    expect(content(tags, 'DC.identifier')).toEqual([page.url]);
    expect(content(tags, 'DC.rights')).toEqual(['https://spdx.org/licenses/CC-BY-4.0.html']);
    expect(content(tags, 'DCTERMS.modified')).toEqual([]);
    expect(content(dublinCoreTags({ ...page, updated: '2024-06-03' }), 'DCTERMS.modified')).toEqual(['2024-06-03']);
  });
});

describe('openGraphTags(page)', () => {
  it('uses property attributes and the ll_CC locale', () => {
    const tags = openGraphTags(page);
    expect(tags.every((t) => 'property' in t)).toBe(true);
    expect(content(tags, 'og:locale')).toEqual(['en_GB']);
    expect(content(tags, 'og:url')).toEqual([page.url]);
  });
});
