import { describe, expect, it } from 'vitest';
import { coinsTitle, dublinCoreTags, highwireTags, ogLocale, openGraphTags, type PageMetadataInput } from './metadata.ts';

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

/**
 * The item type Zotero's Embedded Metadata translator gives a page, by its rules: a Highwire type tag
 * sets it (`citation_technical_report_institution` is a report), an exact `DC.type` item type wins over
 * that, and a page with only `citation_title` falls back to a journal article.
 */
function zoteroItemType(tags: ReturnType<typeof highwireTags>): string | undefined {
  const names = tags.map((t) => ('name' in t ? t.name : t.property));
  const dcType = content(tags, 'DC.type')[0]?.toLowerCase().replace(/\s/g, '');
  if (dcType && ['report', 'book', 'thesis', 'patent'].includes(dcType)) return dcType;
  if (names.includes('citation_journal_title')) return 'journalArticle';
  if (names.includes('citation_technical_report_institution')) return 'report';
  if (names.includes('citation_title')) return 'journalArticle';
  return undefined;
}

describe('highwireTags(page)', () => {
  const tags = highwireTags(page);
  it('writes a citation_author per person, a slash-separated date and the institution', () => {
    expect(content(tags, 'citation_author')).toEqual(['Jane Doe']);
    expect(content(tags, 'citation_publication_date')).toEqual(['2024/06/01']);
    expect(content(tags, 'citation_title')).toEqual([page.title]);
    expect(content(tags, 'citation_public_url')).toEqual([page.url]);
    expect(content(tags, 'citation_language')).toEqual(['en-GB']);
    expect(content(tags, 'citation_technical_report_institution')).toEqual(['RFE/RL']);
    expect(content(tags, 'citation_pdf_url')).toEqual([]);
    expect(content(highwireTags({ ...page, pdfUrl: 'https://example.org/x.pdf' }), 'citation_pdf_url')).toEqual(['https://example.org/x.pdf']);
  });
});

describe('the tags as Zotero reads them', () => {
  const tags = [...highwireTags(page), ...dublinCoreTags(page), ...openGraphTags(page)];
  it('gives the item type report, not the journal article it falls back to', () => {
    expect(zoteroItemType(tags)).toBe('report');
    expect(zoteroItemType(highwireTags(page))).toBe('report');
    expect(zoteroItemType(tags.filter((t) => !('name' in t) || !['citation_technical_report_institution', 'DC.type'].includes(t.name)))).toBe('journalArticle');
  });

  it('never puts an organisation where Zotero splits names into given and family', () => {
    for (const key of ['citation_author', 'citation_authors', 'DC.creator', 'DC.contributor']) {
      expect(content(tags, key)).not.toContain('RFE/RL Investigations');
    }
  });

  it('keeps the organisation whole in the COinS, as a corporate author of a report', () => {
    const openUrl = new URLSearchParams(coinsTitle(page));
    expect(openUrl.get('rft.genre')).toBe('report');
    expect(openUrl.get('rft_val_fmt')).toBe('info:ofi/fmt:kev:mtx:book');
    expect(openUrl.getAll('rft.aucorp')).toEqual(['RFE/RL Investigations']);
    expect(openUrl.getAll('rft.au')).toEqual(['Jane Doe']);
    expect(openUrl.get('rft.btitle')).toBe(page.title);
    expect(openUrl.get('rft.pub')).toBe('RFE/RL');
    expect(openUrl.get('rft.date')).toBe('2024-06-01');
  });
});

describe('dublinCoreTags(page)', () => {
  it('writes people as creators, identifier and rights; DCTERMS.modified only once updated', () => {
    const tags = dublinCoreTags(page);
    expect(content(tags, 'DC.creator')).toEqual(['Jane Doe']);
    expect(content(tags, 'DC.publisher')).toEqual(['RFE/RL']);
    expect(content(tags, 'DC.identifier')).toEqual([page.url]);
    expect(content(tags, 'DC.rights')).toEqual(['https://spdx.org/licenses/CC-BY-4.0.html']);
    expect(content(tags, 'DCTERMS.modified')).toEqual([]);
    expect(content(dublinCoreTags({ ...page, updated: '2024-06-03' }), 'DCTERMS.modified')).toEqual(['2024-06-03']);
  });
});

describe('ogLocale(language)', () => {
  it('writes ll_CC, with the likeliest region for a bare language', () => {
    expect(ogLocale('en')).toBe('en_US');
    expect(ogLocale('en-GB')).toBe('en_GB');
    expect(ogLocale('fr')).toBe('fr_FR');
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
