import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './feed.ts';
import { sitemap } from './sitemap.ts';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'author', 'url'].includes(name) });

describe('atomFeed(input)', () => {
  const input = {
    site: 'https://example.org/feed.xml',
    title: 'Casefile & <investigations>',
    id: 'https://example.org/',
    updated: '2024-06-03T00:00:00Z',
    entries: [
      {
        id: 'https://example.org/cases/nc/',
        title: 'Who pushed #RecognizeNewCaledonia',
        url: 'https://example.org/cases/nc/',
        updated: '2024-06-01T00:00:00Z',
        published: '2024-06-01T00:00:00Z',
        summary: 'Posts & <script>alert(1)</script>',
        authors: [{ name: 'Jane Doe' }, { name: 'RFE/RL Investigations' }],
      },
      {
        id: 'https://example.org/cases/nc/#correction-2024-06-03',
        title: 'Correction: the peak was on 16 May',
        url: 'https://example.org/cases/nc/corrections/?a=1&b=2',
        updated: '2024-06-03T00:00:00Z',
        summary: 'An earlier version said 17 May.',
        authors: [{ name: 'Jane Doe' }],
      },
    ],
  };
  const xml = atomFeed(input);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('reads back with its text intact and the newest entry first', () => {
    const { feed } = parser.parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe(input.title);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([input.entries[1]!.id, input.entries[0]!.id]);
    expect(feed.entry[1].summary['#text']).toBe('Posts & <script>alert(1)</script>');
    expect(feed.entry[0].link['@_href']).toBe('https://example.org/cases/nc/corrections/?a=1&b=2');
    expect(feed.entry[1].author.map((a: { name: string }) => a.name)).toEqual(['Jane Doe', 'RFE/RL Investigations']);
    expect(xml).toContain('&lt;script&gt;');
  });

  it('is the same whatever order the entries come in', () => {
    expect(atomFeed({ ...input, entries: [...input.entries].reverse() })).toBe(xml);
  });
});

describe('sitemap(urls)', () => {
  const xml = sitemap([
    { loc: 'https://example.org/cases/nc/?x=1&y=<2>', lastmod: '2024-06-03' },
    { loc: 'https://example.org/' },
  ]);

  it('is well-formed, sorted and escaped', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = parser.parse(xml);
    expect(urlset.url).toEqual([
      { loc: 'https://example.org/' },
      { loc: 'https://example.org/cases/nc/?x=1&y=<2>', lastmod: '2024-06-03' },
    ]);
  });
});

describe('sitemap(urls) of a case in two languages', () => {
  const en = 'https://example.org/cases/nc/';
  const fr = 'https://example.org/fr/cases/nc/';
  const alternates = [
    { hreflang: 'en', href: en },
    { hreflang: 'x-default', href: en },
    { hreflang: 'fr', href: fr },
  ];
  const xml = sitemap([{ loc: fr, alternates }, { loc: en, alternates }]);

  it('names every language version from each page, both ways, with the xhtml namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    for (const loc of [en, fr]) {
      const url = xml.split('\n').find((line) => line.includes(`<loc>${loc}</loc>`))!;
      expect([...url.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
        `en ${en}`,
        `x-default ${en}`,
        `fr ${fr}`,
      ]);
    }
  });

  it('leaves the namespace out of a site in one language', () => {
    expect(sitemap([{ loc: en }])).not.toContain('xhtml');
  });
});
