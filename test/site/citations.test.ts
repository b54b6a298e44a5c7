/**
 * What a reference manager imports from the built example: the report's RIS, BibTeX and CSL-JSON files
 * read back with citation-js give the page's own title, the item type report and its organisational
 * author kept whole; the page's meta tags follow the rules of Zotero's Embedded Metadata translator.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parsePage, type SitePage } from './site-files.ts';

const { exampleBase: build } = inject('siteBuilds');
const caseDir = 'cases/new-caledonia-2024';
let page: SitePage;

beforeAll(async () => {
  expect(build.error, build.error).toBeUndefined();
  page = parsePage(`${caseDir}/index.html`, await readFile(path.join(build.dir, caseDir, 'index.html'), 'utf8'));
});

const meta = (name: string) => [...page.document.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
/** A CSL name as one string: a literal (organisation) or given and family. */
const nameOf = (a: Record<string, string>) => a['literal'] ?? [a['given'], a['family']].filter(Boolean).join(' ');

describe.each(['ris', 'bib', 'json'])('the report citation as .%s', (ext) => {
  it('reads back with the page title, the type report and the author as on the page', async () => {
    const text = await readFile(path.join(build.dir, caseDir, 'data/cite', `report.${ext}`), 'utf8');
    const [item, ...rest] = new Cite(ext === 'json' ? JSON.parse(text) : text).data as Record<string, unknown>[];
    expect(rest).toEqual([]);
    const heading = page.document.querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(item!['title']).toBe(heading);
    expect(item!['type']).toBe('report');
    const pageAuthors = [...page.document.querySelectorAll('.credits strong')].map((s) => s.textContent!.trim());
    expect(pageAuthors).toEqual(['Casefile example desk']);
    expect((item!['author'] as Record<string, string>[]).map(nameOf)).toEqual(pageAuthors);
    // An organisation stays one name: never split into a given name and a family name.
    expect((item!['author'] as Record<string, string>[])[0]).not.toHaveProperty('given');
    expect(item).not.toHaveProperty('accessed');
  });
});

describe('the report page as Zotero reads it', () => {
  it('names the report type and keeps the organisation out of the tags it splits into person names', () => {
    expect(meta('citation_technical_report_institution')).toEqual(['Casefile example']);
    expect(meta('DC.type')).toEqual(['report']);
    expect(meta('citation_author')).toEqual([]);
    expect(meta('DC.creator')).toEqual([]);
    expect(meta('citation_journal_title')).toEqual([]);
    const coins = new URLSearchParams(page.document.querySelector('span.Z3988')!.getAttribute('title')!);
    expect(coins.get('rft.genre')).toBe('report');
    expect(coins.getAll('rft.aucorp')).toEqual(['Casefile example desk']);
    expect(coins.get('rft.btitle')).toBe(meta('citation_title')[0]);
  });
});
