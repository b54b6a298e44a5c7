/** Atom 1.0 feed of cases and corrections. Dates are inputs, never the clock, so the same content gives the same bytes. */
import { escapeXml } from './xml-escape.ts';

export interface FeedEntry {
  /** Permanent IRI of the entry, e.g. the case URL or the case URL with `#correction-2024-06-03`. */
  id: string;
  title: string;
  url: string;
  /** RFC 3339, e.g. 2024-06-03T00:00:00Z. */
  updated: string;
  published?: string;
  summary: string;
  authors: readonly { name: string }[];
  /** BCP 47 language of the entry's title and summary (`xml:lang`). */
  language?: string;
}

export interface FeedInput {
  /** Absolute URL of the feed itself. */
  site: string;
  title: string;
  id: string;
  /** RFC 3339; the latest entry's `updated`, passed in. */
  updated: string;
  entries: readonly FeedEntry[];
}

export function atomFeed(input: FeedInput): string {
  const e = escapeXml;
  const entries = [...input.entries].sort((a, b) => (a.updated > b.updated ? -1 : a.updated < b.updated ? 1 : a.id < b.id ? -1 : 1));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${e(input.id)}</id>`,
    `  <title>${e(input.title)}</title>`,
    `  <updated>${e(input.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${e(input.site)}"/>`,
    ...entries.flatMap((entry) => [
      entry.language ? `  <entry xml:lang="${e(entry.language)}">` : '  <entry>',
      `    <id>${e(entry.id)}</id>`,
      `    <title>${e(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(entry.url)}"/>`,
      `    <updated>${e(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${e(entry.published)}</published>`] : []),
      ...entry.authors.map((a) => `    <author><name>${e(a.name)}</name></author>`),
      `    <summary type="text">${e(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
