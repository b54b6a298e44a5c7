/**
 * "Cite this" for a report and each of its findings: formatted references and the files
 * (BibTeX, RIS, CSL-JSON) produced by citation-js from one CSL item, with the permalink and the
 * version, so the same commit cites the same way. No access date: readers add the day they read it.
 */
import { citeThis, type Citations } from '../cite/cite-this.ts';
import type { Site, SiteCase } from './types.ts';
import { siteUrls } from './addresses.ts';

export interface CitationSet {
  /** `report` or the finding id; also the download file name. */
  id: string;
  title: string;
  permalink: string;
  formats: Citations;
}

const memo = new WeakMap<SiteCase, Map<string, CitationSet>>();

export function citationFor(site: Site, siteCase: SiteCase, origin: string, findingId?: string): CitationSet {
  const perCase = memo.get(siteCase) ?? new Map<string, CitationSet>();
  memo.set(siteCase, perCase);
  const key = findingId ?? 'report';
  const known = perCase.get(key);
  if (known) return known;

  const { data } = siteCase;
  const finding = findingId ? siteCase.report.findings.find((f) => f.id === findingId) : undefined;
  if (findingId && !finding) throw new Error(`Case ${siteCase.id} has no finding ${findingId}.`);
  const page = new URL(siteUrls(site, siteCase.prefix).caseReport(siteCase.id), origin).href;
  const permalink = finding ? `${page}#${finding.id}` : page;
  const set: CitationSet = {
    id: key,
    title: finding?.title ?? data.title,
    permalink,
    formats: citeThis({
      id: siteCase.prefix ? `${siteCase.id}-${siteCase.prefix}-${key}` : `${siteCase.id}-${key}`,
      title: finding?.title ?? data.title,
      ...(finding ? { containerTitle: data.title } : {}),
      authors: data.authors.map((a) => ({ name: a.name, organization: a.organization })),
      publisher: data.publisher.name,
      published: data.published,
      ...(siteCase.updated !== data.published ? { updated: siteCase.updated } : {}),
      url: permalink,
      version: site.version.label,
      language: data.language,
    }),
  };
  perCase.set(key, set);
  return set;
}

/** Every citation a case offers: the report, then each finding in order. */
export function caseCitations(site: Site, siteCase: SiteCase, origin: string): CitationSet[] {
  return [undefined, ...siteCase.report.findings.map((f) => f.id)].map((id) => citationFor(site, siteCase, origin, id));
}
