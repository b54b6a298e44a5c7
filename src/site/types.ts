/**
 * The site as pages receive it: plain, precomputed data. Pages only present this;
 * every number, chart and label in it was computed before any page renders.
 */
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { AccountLabel } from '../aggregate/account-names.ts';
import type { AccountProfile, ReportModel } from '../aggregate/model.ts';
import type { ChartOutput } from '../charts/index.ts';
import type { ContentEntry, DatasetEntry } from '../content/project.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RenderResult } from '../markdown/types.ts';
import type { Account, Case, Entity, Source } from '../schema/index.ts';
import type { SitePrivacy } from '../aggregate/pseudonymise.ts';
import type { SiteUrls } from '../content/urls.ts';

export interface SiteVersion {
  commit: string | null;
  date: string | null;
  /** e.g. "a1b2c3d, 2026-11-28". */
  label: string;
}

export interface SiteChart {
  id: string;
  caption: string;
  output: ChartOutput;
}

/** One language version of a case, for `hreflang` alternates and the language switcher. */
export interface CaseVersion {
  /** BCP 47, the version's `language`. */
  language: string;
  /** Its report's address; its other pages are at the same paths below it. */
  href: string;
  /** The original, at the root: the `x-default` of every version. */
  original: boolean;
}

export interface SiteCase {
  id: string;
  /**
   * The addresses as this version links them: a translation's case pages under its language (`/fr/cases/…`),
   * the original's at the root.
   */
  urls: SiteUrls;
  /** The language prefix of a translation's pages (`fr`); unset for the original. */
  prefix?: string;
  /** Every language version of the case, the original first, this one included. */
  versions: CaseVersion[];
  entry: ContentEntry<Case>;
  data: Case;
  model: ReportModel;
  /** Where a warehouse counted the posts (server, table, rows, content hash), when one did. */
  engine?: ClickHouseProvenance;
  /** The report body rendered (notes, figures, charts, findings). */
  report: RenderResult;
  datasets: DatasetEntry[];
  /** Latest of `updated`, the latest correction and `published`. */
  updated: string;
  /** True when any dataset of the case is synthetic: the report shows a banner. */
  synthetic: boolean;
  /** Page ids of the accounts that get a page for this case (dossiers and the top N). */
  accountPages: string[];
  /** Every chart of the case (in the report and on its hashtag and account pages), by id. */
  charts: Map<string, SiteChart>;
}

export interface SiteAccount {
  /** `<platform>/<name>`: see `accountPageIds`. */
  pageId: string;
  /** Whose page it is: `dossier:<id>`, or the dataset account's `accountIdentity`. */
  identity: string;
  label: AccountLabel;
  dossier?: ContentEntry<Account>;
  /** The dossier body rendered, with its notes. */
  dossierHtml?: RenderResult;
  /** One section per case the account appears in. */
  cases: { caseId: string; profile: AccountProfile; heatmapChartId: string }[];
}

export interface Site {
  root: string;
  urls: SiteUrls;
  version: SiteVersion;
  /** Published cases (and drafts when previews include them), newest first. */
  cases: SiteCase[];
  /** The cases' translations, each its own page set under its language, in the order of `cases`. */
  translations: SiteCase[];
  /** Who is private and how they are published: one decision, read by every page, card and released file. */
  privacy: SitePrivacy;
  accounts: Map<string, SiteAccount>;
  entities: Map<string, ContentEntry<Entity>>;
  /** Entity descriptions rendered (with their notes), by entity id. */
  entityHtml: Map<string, RenderResult>;
  sources: Map<string, ContentEntry<Source>>;
  /** Source notes rendered, by source id (empty bodies render to nothing). */
  sourceHtml: Map<string, RenderResult>;
  /**
   * How each account is shown anywhere in a case, by case id, then by dossier id or dataset author id
   * (read through `accountLabel`, src/site/account-label.ts).
   */
  accountLabels: ReadonlyMap<string, ReadonlyMap<string, AccountLabel>>;
  /**
   * Under `astro dev` only: what the check found. The preview shows the pages it can, with these in a
   * banner on every page; a build never renders with errors.
   */
  previewProblems?: Diagnostic[];
}
