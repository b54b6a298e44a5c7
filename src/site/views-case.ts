/**
 * The views of a case's own pages (report, sources, methodology, corrections, accounts table, data) and the
 * case's part of every page's layout (its navigation, language versions, licence, synthetic-data banner).
 * Computed once per language version of a case; src/pages/[...lang]/cases/[case]/ lays them out.
 */
import type { AccountLabel } from '../aggregate/account-names.ts';
import type { DatasetSummary, HashtagTimeline, KindCounts } from '../aggregate/model.ts';
import { accountsCsvName, checksumsName, pdfFile } from '../content/urls.ts';
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { RenderResult } from '../markdown/types.ts';
import type { Case, Correction, Manifest, Source } from '../schema/index.ts';
import { accountLabel } from './account-label.ts';
import { byId, siteUrls } from './addresses.ts';
import { accountsTableRows } from './accounts-table.ts';
import { caseCitations, type CitationSet } from './citations.ts';
import { dataPageMetadata, reportMetadata, type PageMetadata, type ReleasedFiles } from './page-metadata.ts';
import { splitAtFindings } from './report-sections.ts';
import { generatedIndex } from './release-files.ts';
import type { CaseVersion, Site, SiteCase } from './types.ts';

export type CaseSection = 'sources' | 'methodology' | 'data' | 'corrections' | 'accounts';

/** What the layout shows of the case a page belongs to. */
export interface CaseChromeView {
  id: string;
  title: string;
  /** The content's language (BCP 47); the page's own words are in it when it has a catalogue. */
  language: string;
  licence: string;
  reportHref: string;
  sectionHrefs: Record<CaseSection, string>;
  /** One page per tracked hashtag, in the case's order. */
  hashtags: { tag: string; href: string }[];
  /** The search page of the case's language: a translation searches its own language's index. */
  searchHref: string;
  /** Every language version of the case, the original first, this one included. */
  versions: CaseVersion[];
  /** True when any dataset of the case is synthetic: its pages show a banner. */
  synthetic: boolean;
  /** The manifests' own words on how the data was made up, shown by the report's banner. */
  syntheticExplanations: string[];
}

/** "Cite this" for the report or one finding, with its three files. */
export interface CitationView extends CitationSet {
  /** A finding's citation (false: the whole report's). */
  finding: boolean;
  files: { bib: string; ris: string; json: string };
}

export interface KeyFiguresView {
  /** The report's first finding, the lead of its first screen. */
  lead?: { id: string; title: string };
  hashtags: { tag: string; href: string; total: number; peakDay: HashtagTimeline['peakDay']; accounts: number; top10Share: number }[];
  posts: number;
  accounts: number;
  period: Case['period'];
  /** The zone the figures were computed in. */
  timeZone: string;
  methodologyHref: string;
}

export interface ReportView {
  title: string;
  summary: string;
  draft: boolean;
  authors: Case['authors'];
  publisher: Case['publisher'];
  published: string;
  /** Latest of `updated`, the latest correction and `published`. */
  updated: string;
  /** The rendered report cut after each finding's heading, where that finding's "cite this" goes. */
  segments: { html: string; finding?: { id: string; title: string; citation: CitationView } }[];
  headings: RenderResult['headings'];
  /** Newest first. */
  corrections: Correction[];
  correctionsHref: string;
  citation: CitationView;
  keyFigures: KeyFiguresView;
  /** The report's PDF edition, when the build prints one. */
  pdfHref?: string;
  metadata: PageMetadata;
  /** The site's version, printed on paper with the permalink. */
  version: string;
}

export interface CaseSourcesView {
  /** Sources in the order the report first cites them, each with the numbers of the notes that cite it. */
  entries: { id: string; source: Source; notes: number[]; siteHref: string }[];
  reportHref: string;
}

export interface MethodologyView {
  datasets: { id: string; manifest: Manifest; posts: number }[];
  summary: DatasetSummary;
  /** Each figure of the report once, in the order it first appears. */
  figures: RenderResult['figures'];
  timeZone: string;
  /** Where a warehouse counted the posts (server, table, version, rows, content hash, query), when one did. */
  engine?: ClickHouseProvenance;
}

export interface CorrectionsView {
  published: string;
  /** Numbered in the order they were written (a stable anchor for the feed), newest first. */
  corrections: { date: string; text: string; anchor: string }[];
  reportHref: string;
}

export interface AccountsTableView {
  /** Every account of the case; the table lists `rows` of them. */
  total: number;
  rows: { account: AccountLabel; total: number; byKind: KindCounts; first: number; last: number }[];
  /** Accounts left out of the table (in the CSV only). */
  left: number;
  csvHref: string;
  timeZone: string;
}

/** A dataset file of the case as the data page lists it. */
export interface DataFileView {
  name: string;
  /** Present when the file is released (not withheld). */
  href?: string;
  released?: { sha256: string; bytes: number };
  /** As collected, pinned by the manifest. */
  collectedSha256: string;
  release: 'copy' | 'pseudonymise' | 'withhold';
  title: string;
  licence: string;
}

export interface CaseDataView {
  caseId: string;
  files: DataFileView[];
}

export interface DataPageView extends CaseDataView {
  checksumsHref: string;
  accountsCsvHref: string;
  accountsTableHref: string;
  methodologyHref: string;
  /** Every chart of the case's pages, with the addresses and sizes of the files of the numbers it plots. */
  charts: { id: string; caption: string; csvHref: string; jsonHref: string; csvBytes?: number; jsonBytes?: number }[];
  /** The size of the accounts table's CSV. */
  accountsCsvBytes?: number;
  licence: string;
  metadata: PageMetadata;
}

/** Every page of one language version of a case. */
export interface CaseViews {
  /** The language prefix of a translation's pages (`fr`); unset for the original. */
  prefix?: string;
  chrome: CaseChromeView;
  report: ReportView;
  sources: CaseSourcesView;
  methodology: MethodologyView;
  corrections: CorrectionsView;
  accounts: AccountsTableView;
  data: DataPageView;
}

export interface CaseViewOptions {
  /** The build prints each report to a PDF edition, which the report links. */
  pdf: boolean;
}

export function caseChromeView(site: Site, siteCase: SiteCase): CaseChromeView {
  const { id, data } = siteCase;
  const urls = siteUrls(site, siteCase.prefix);
  return {
    id,
    title: data.title,
    language: data.language,
    licence: data.licence,
    reportHref: urls.caseReport(id),
    sectionHrefs: {
      accounts: urls.caseSection(id, 'accounts'),
      sources: urls.caseSection(id, 'sources'),
      methodology: urls.caseSection(id, 'methodology'),
      data: urls.caseSection(id, 'data'),
      corrections: urls.caseSection(id, 'corrections'),
    },
    hashtags: data.hashtags.map((h) => ({ tag: h.tag, href: urls.hashtag(id, h.tag) })),
    searchHref: urls.asset(siteCase.prefix ? `${siteCase.prefix}/search/` : 'search/'),
    versions: siteCase.versions,
    synthetic: siteCase.synthetic,
    syntheticExplanations: siteCase.datasets.flatMap((d) => (d.manifest.synthetic && d.manifest.syntheticExplanation ? [d.manifest.syntheticExplanation] : [])),
  };
}

/** `released`: the case's dataset files as released, hashed once for every language version. */
export function caseViews(site: Site, siteCase: SiteCase, released: CaseDataView, options: CaseViewOptions, chrome = caseChromeView(site, siteCase)): CaseViews {
  return {
    ...(siteCase.prefix !== undefined ? { prefix: siteCase.prefix } : {}),
    chrome,
    report: reportView(site, siteCase, released, options),
    sources: sourcesView(site, siteCase),
    methodology: methodologyView(siteCase),
    corrections: correctionsView(site, siteCase),
    accounts: accountsTableView(site, siteCase),
    data: dataPageView(site, siteCase, released),
  };
}

/** `{ [key]: value }`, or nothing when the value is unknown: a view holds no undefined (it would not survive JSON). */
const optional = <K extends string>(key: K, value: number | undefined): { [P in K]?: number } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: number }));

const newestFirst = <T extends { date: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

function reportView(site: Site, siteCase: SiteCase, released: ReleasedFiles, options: CaseViewOptions): ReportView {
  const { data, report, model } = siteCase;
  const urls = siteUrls(site, siteCase.prefix);
  const origin = site.addresses.origin;
  const [citation, ...findingCitations] = caseCitations(site, siteCase, origin).map(
    (c, i): CitationView => ({
      ...c,
      finding: i > 0,
      files: {
        // In the data folder of this language version: the files cite the version's own title and address.
        bib: urls.citationFile(siteCase.id, `${c.id}.bib`),
        ris: urls.citationFile(siteCase.id, `${c.id}.ris`),
        json: urls.citationFile(siteCase.id, `${c.id}.json`),
      },
    }),
  );
  const citationOf = new Map(report.findings.map((f, i) => [f.id, findingCitations[i]!]));
  const pdfHref = options.pdf ? urls.asset(pdfFile(siteCase.id)) : undefined;
  const lead = report.findings[0];
  return {
    title: data.title,
    summary: data.summary,
    draft: data.status === 'draft',
    authors: data.authors,
    publisher: data.publisher,
    published: data.published,
    updated: siteCase.updated,
    segments: splitAtFindings(report.html, report.findings).map((s) => ({
      html: s.html,
      ...(s.finding ? { finding: { id: s.finding.id, title: s.finding.title, citation: citationOf.get(s.finding.id)! } } : {}),
    })),
    headings: report.headings,
    corrections: newestFirst(data.corrections),
    correctionsHref: urls.caseSection(siteCase.id, 'corrections'),
    citation: citation!,
    keyFigures: {
      ...(lead ? { lead: { id: lead.id, title: lead.title } } : {}),
      hashtags: data.hashtags.flatMap((h) => {
        const timeline = model.timelines[h.tag];
        return timeline
          ? [{ tag: h.tag, href: urls.hashtag(siteCase.id, h.tag), total: timeline.total, peakDay: timeline.peakDay, accounts: timeline.accounts, top10Share: timeline.top10Share }]
          : [];
      }),
      posts: model.summary.total,
      accounts: model.summary.accounts,
      period: data.period,
      timeZone: model.timeZone,
      methodologyHref: urls.caseSection(siteCase.id, 'methodology'),
    },
    ...(pdfHref ? { pdfHref } : {}),
    metadata: reportMetadata(site, siteCase, released, origin, pdfHref),
    version: site.version.label,
  };
}

function sourcesView(site: Site, siteCase: SiteCase): CaseSourcesView {
  const notesBySource = new Map<string, number[]>();
  for (const note of siteCase.report.notes) {
    const numbers = notesBySource.get(note.sourceId) ?? [];
    if (!numbers.includes(note.number)) numbers.push(note.number);
    notesBySource.set(note.sourceId, numbers);
  }
  return {
    entries: [...notesBySource].flatMap(([id, notes]) => {
      const entry = byId(site.sources, id);
      return entry ? [{ id, source: entry.data, notes, siteHref: siteUrls(site).source(id) }] : [];
    }),
    reportHref: siteUrls(site, siteCase.prefix).caseReport(siteCase.id),
  };
}

function methodologyView(siteCase: SiteCase): MethodologyView {
  const { summary } = siteCase.model;
  return {
    datasets: siteCase.datasets.map((d) => ({ id: d.id, manifest: d.manifest, posts: summary.datasets.find((s) => s.id === d.id)?.posts ?? 0 })),
    summary,
    // The same figure may appear more than once in the prose; the appendix explains each one once.
    figures: [...new Map(siteCase.report.figures.map((f) => [f.key, f])).values()],
    timeZone: siteCase.data.timeZone,
    ...(siteCase.engine ? { engine: siteCase.engine } : {}),
  };
}

function correctionsView(site: Site, siteCase: SiteCase): CorrectionsView {
  const { data } = siteCase;
  return {
    published: data.published,
    corrections: newestFirst(data.corrections.map((c, i) => ({ date: c.date, text: c.text, anchor: `correction-${i + 1}` }))),
    reportHref: siteUrls(site, siteCase.prefix).caseReport(siteCase.id),
  };
}

function accountsTableView(site: Site, siteCase: SiteCase): AccountsTableView {
  const { model } = siteCase;
  const label = (authorId: string) => accountLabel(site, siteCase.id, authorId);
  const { rows, left } = accountsTableRows(model.accounts, (p) => label(p.authorId).href !== undefined);
  return {
    total: model.accounts.length,
    rows: rows.map((p) => ({ account: label(p.authorId), total: p.total, byKind: p.byKind, first: p.first, last: p.last })),
    left,
    csvHref: siteUrls(site).dataFile(siteCase.id, accountsCsvName),
    timeZone: siteCase.data.timeZone,
  };
}

function dataPageView(site: Site, siteCase: SiteCase, released: CaseDataView): DataPageView {
  const { id } = siteCase;
  const urls = siteUrls(site, siteCase.prefix);
  // The files are the original's, at one address for every language version (the release writes the original's).
  const original = site.cases.find((c) => c.id === id) ?? siteCase;
  const bytes = new Map(generatedIndex(site, original).map((f) => [f.name, f.bytes]));
  const accountsCsvBytes = bytes.get(accountsCsvName);
  return {
    ...released,
    checksumsHref: urls.dataFile(id, checksumsName),
    accountsCsvHref: urls.dataFile(id, accountsCsvName),
    accountsTableHref: urls.caseSection(id, 'accounts'),
    methodologyHref: urls.caseSection(id, 'methodology'),
    charts: Object.values(siteCase.charts).map((chart) => ({
      id: chart.id,
      caption: chart.caption,
      csvHref: urls.chartData(id, chart.id, 'csv'),
      jsonHref: urls.chartData(id, chart.id, 'json'),
      ...optional('csvBytes', bytes.get(`${chart.id}.csv`)),
      ...optional('jsonBytes', bytes.get(`${chart.id}.json`)),
    })),
    ...optional('accountsCsvBytes', accountsCsvBytes),
    licence: siteCase.data.licence,
    metadata: dataPageMetadata(site, siteCase, released, site.addresses.origin),
  };
}
