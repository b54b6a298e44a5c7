/**
 * "Cite this" for a report or one finding of it: formatted references (APA, MLA, Chicago) and the
 * machine formats reference managers import (BibTeX, RIS, CSL-JSON), all from one CSL-JSON item.
 */
import { Cite, plugins } from '@citation-js/core';
import { parse as parseName } from '@citation-js/name';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { cslLocale, cslTemplates } from './csl-styles.ts';

export interface CiteAuthor {
  name: string;
  /** A newsroom, desk or agency: kept whole as a CSL `literal` instead of being split into given and family. */
  organization?: boolean;
}

export interface CiteThisInput {
  title: string;
  /** The report's title when citing a finding. */
  containerTitle?: string;
  authors: readonly CiteAuthor[];
  publisher: string;
  /** YYYY-MM-DD. */
  published: string;
  /** YYYY-MM-DD. */
  updated?: string;
  /** Permalink, with `#anchor` for a finding. */
  url: string;
  /** Build version, e.g. "a1b2c3d (2026-11-28)". */
  version: string;
  /** BCP 47 tag. */
  language: string;
  /** Item id; also the BibTeX key, so it should be a slug. */
  id: string;
}

export interface Citations {
  apa: string;
  mla: string;
  chicago: string;
  bibtex: string;
  ris: string;
  cslJson: string;
  html: { apa: string; mla: string; chicago: string };
}

type Style = keyof typeof cslTemplates;
const styles = Object.keys(cslTemplates) as Style[];

export function citeThis(input: CiteThisInput): Citations {
  const cite = new Cite([cslItem(input)]);
  const bibliography = (style: Style, format: 'text' | 'html') =>
    cite.format('bibliography', { template: cslTemplates[style], format, lang: cslLocale(input.language) }).trim();
  const text = Object.fromEntries(styles.map((s) => [s, bibliography(s, 'text')])) as Record<Style, string>;
  const html = Object.fromEntries(styles.map((s) => [s, bibliography(s, 'html')])) as Record<Style, string>;
  return {
    ...text,
    bibtex: standardMonth(bibtexWithIdKey(cite)),
    ris: risLines(cite.format('ris', { type: 'object' })),
    cslJson: JSON.stringify(cite.format('data', { format: 'object' }), null, 2),
    html,
  };
}

/** The CSL-JSON item every format is made from. */
export function cslItem(input: CiteThisInput): Record<string, unknown> {
  // No access date: the files are made at build time, and the build date is not the day a reader read the page.
  const note = [`Version ${input.version}`, input.updated && `updated ${input.updated}`].filter(Boolean).join('; ');
  return {
    id: input.id,
    // No CSL type fits an online investigation exactly; `report` keeps authors, publisher and dates in RIS and BibTeX.
    type: 'report',
    title: input.title,
    ...(input.containerTitle === undefined ? {} : { 'container-title': input.containerTitle }),
    author: input.authors.map(cslName),
    publisher: input.publisher,
    issued: cslDate(input.published),
    URL: input.url,
    version: input.version,
    // BibTeX has no version field; the note carries it there.
    note,
    language: input.language,
  };
}

function cslName(author: CiteAuthor): Record<string, string> {
  if (author.organization) return { literal: author.name };
  const parsed = parseName(author.name);
  return parsed.family ? { ...parsed } : { literal: author.name };
}

function cslDate(date: string): { 'date-parts': [[number, number, number]] } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Unexpected date \`${date}\`, expected YYYY-MM-DD.`);
  return { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] };
}

/** Keyed by the item id rather than citation-js's author-year label; the shared config is restored at once. */
function bibtexWithIdKey(cite: Cite): string {
  const config = plugins.config.get('@bibtex').format;
  const previous = config.useIdAsLabel;
  config.useIdAsLabel = true;
  try {
    return cite.format('bibtex').trim();
  } finally {
    config.useIdAsLabel = previous;
  }
}

type RisRecord = Record<string, string | string[]>;

/**
 * RIS one tag a line, never wrapped: citation-js folds long values at 70 characters, which Zotero and
 * citation-js read back with a space inside a word ("trac ed"). `TY` first and `ER` last, as the format wants.
 */
function risLines(records: readonly RisRecord[]): string {
  return records
    .map((record) => {
      const { TY, ...rest } = record;
      const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ')}`;
      const body = Object.entries(rest).flatMap(([tag, value]) => (Array.isArray(value) ? value : [value]).map((v) => line(tag, v)));
      return [line('TY', String(TY)), ...body, 'ER  - '].join('\n');
    })
    .join('\n\n');
}

/** BibTeX's standard month field is a three-letter macro (`month = nov`); citation-js writes `{nov 28}`, which styles print as is. */
function standardMonth(bibtex: string): string {
  return bibtex.replace(/^(\s*)month = \{([a-z]{3})(?: \d{1,2})?\},$/gm, '$1month = $2,');
}
