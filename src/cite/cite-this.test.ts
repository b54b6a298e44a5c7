import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import { citeThis, type CiteThisInput } from './cite-this.ts';

const finding: CiteThisInput = {
  id: 'new-caledonia-montage',
  title: 'A montage & <script> first posted in Nouméa',
  containerTitle: 'Who pushed #RecognizeNewCaledonia',
  authors: [{ name: 'Jane van der Doe' }, { name: 'RFE/RL Investigations', organization: true }],
  publisher: 'RFE/RL',
  published: '2024-06-01',
  updated: '2024-06-03',
  url: 'https://example.org/cases/new-caledonia/#montage',
  version: 'a1b2c3d (2026-11-28)',
  language: 'en',
};

describe('citeThis(finding)', () => {
  const cited = citeThis(finding);

  it('writes BibTeX that an independent parser reads back field for field', () => {
    const library = parseBibtex(cited.bibtex);
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    const { fields } = library.entries[0]!;
    // The parser decodes `{\' e}` to a combining accent.
    expect(fields.title?.normalize('NFC')).toBe(finding.title);
    expect(fields.author).toEqual([
      { lastName: 'Doe', firstName: 'Jane', prefix: 'van der' },
      { name: 'RFE/RL Investigations' },
    ]);
    expect(fields.year).toBe('2024');
    // The standard month macro, not `{jun 1}`, which styles print as written.
    expect(cited.bibtex).toMatch(/^\tmonth = jun,$/m);
    expect(fields.month).toBe('6');
    expect(fields.url).toBe(finding.url);
    expect(fields.note).toContain('a1b2c3d (2026-11-28)');
    // The build date is not the day a reader read the page: no access date in a downloaded citation.
    expect(cited.bibtex).not.toMatch(/accessed|urldate/);
  });

  it('writes RIS that astrocite-ris (not citation-js) reads back', () => {
    const [item, ...rest] = parseRis(cited.ris);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      title: finding.title,
      URL: finding.url,
      publisher: 'RFE/RL',
      language: 'en',
      issued: { 'date-parts': [['2024']] },
      author: [{ family: 'Doe', given: 'Jane' }, { family: 'RFE/RL Investigations' }],
    });
    expect(item).not.toHaveProperty('accessed');
    expect(cited.ris).toMatch(/^DA {2}- 2024\/6\/1\/$/m);
    expect(cited.ris.endsWith('ER  - ')).toBe(true);
  });

  it('never wraps a RIS line, however long the title', () => {
    const long = citeThis({ ...finding, title: `${'A very long finding title '.repeat(6)}traced to officials` });
    const lines = long.ris.split('\n');
    expect(lines.every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    expect(lines).toContain(`TI  - ${'A very long finding title '.repeat(6)}traced to officials`);
    expect(lines[0]).toBe('TY  - RPRT');
  });

  it('writes CSL-JSON with the fields a CSL processor needs', () => {
    const items = JSON.parse(cited.cslJson) as Record<string, unknown>[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: finding.id,
      type: 'report',
      title: finding.title,
      'container-title': finding.containerTitle,
      author: [{ family: 'Doe', given: 'Jane', 'non-dropping-particle': 'van der' }, { literal: 'RFE/RL Investigations' }],
      issued: { 'date-parts': [[2024, 6, 1]] },
      URL: finding.url,
      version: finding.version,
      language: 'en',
    });
  });

  it('formats APA, MLA and Chicago with the anchored permalink', () => {
    expect(cited.apa).toBe(
      'van der Doe, J. & RFE/RL Investigations. (2024). A montage & <script> first posted in Nouméa. ' +
        'In Who pushed #RecognizeNewCaledonia (a1b2c3d (2026-11-28)). RFE/RL. https://example.org/cases/new-caledonia/#montage',
    );
    expect(cited.mla).toBe(
      'van der Doe, Jane and RFE/RL Investigations. “A Montage & <script> First Posted in Nouméa.” ' +
        'Who Pushed #RecognizeNewCaledonia, a1b2c3d (2026-11-28), RFE/RL, 1 June 2024, https://example.org/cases/new-caledonia/#montage.',
    );
    expect(cited.chicago).toMatch(/^Doe, Jane van der and RFE\/RL Investigations\. 2024\. “A Montage/);
    expect(cited.chicago).toContain(finding.url);
  });

  it('cites a case in its own language, with the CSL project’s terms, quotation marks and dates for it', () => {
    const inLanguage = (language: string) => citeThis({ ...finding, title: 'Le photomontage', containerTitle: 'Qui a poussé #RecognizeNewCaledonia', language });
    const fr = inLanguage('fr');
    expect(fr.mla).toBe(
      'van der\u00a0Doe, Jane et RFE/RL Investigations. «\u00a0Le photomontage\u00a0». Qui a poussé #RecognizeNewCaledonia, a1b2c3d (2026-11-28), RFE/RL, 1 juin 2024, '
        + 'https://example.org/cases/new-caledonia/#montage.',
    );
    expect(fr.chicago).toMatch(/^Doe, Jane van der et RFE\/RL Investigations\. 2024\. «\u00a0Le photomontage\u00a0»\./u);
    // A region's language is the language's (fr-CA cites as French), and the CSL-JSON says which it is.
    expect(inLanguage('fr-CA').mla).toBe(fr.mla);
    expect(JSON.parse(fr.cslJson)[0].language).toBe('fr');
    expect(inLanguage('ru').mla).toMatch(/^van der\u00a0Doe, Jane и RFE\/RL Investigations\. «Le photomontage»\./u);
    expect(inLanguage('ar').mla).toMatch(/^van der Doe, Jane و RFE\/RL Investigations\. "Le photomontage"\..*1.يونيو،.2024/u);
    // CSL has no Azerbaijani locale: its terms are the English ones, never a blank.
    expect(inLanguage('az').mla).toMatch(/^van der Doe, Jane and RFE\/RL Investigations\. “Le photomontage\.”/u);
  });

  it('escapes the HTML forms', () => {
    for (const html of Object.values(cited.html)) {
      expect(html).toContain('&#60;script&#62;');
      expect(html).not.toContain('<script>');
      expect(html).toContain(finding.url);
    }
  });

  it('is deterministic', () => {
    expect(citeThis(finding)).toEqual(cited);
  });

  it('cites a whole report without a container', () => {
    const report = citeThis({ ...finding, containerTitle: undefined, url: 'https://example.org/cases/new-caledonia/' });
    expect(JSON.parse(report.cslJson)[0]).not.toHaveProperty('container-title');
    expect(report.apa).not.toContain(' In ');
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => citeThis({ ...finding, published: '1 June 2024' })).toThrow(/expected YYYY-MM-DD/);
  });
});
