/**
 * The site as the views are made from it: plain, precomputed data (no functions, Maps or content entries;
 * `views.test.ts` holds it to a JSON round trip and `structuredClone`). The address builder and the privacy
 * decision are kept as the data they are made from (`addresses`, `privatePeople`), and applied through
 * `siteUrls` and `sitePrivacy` while the views and the release's files are made, never by a page.
 */
import type { ClickHouseProvenance } from '../engines/clickhouse/engine.ts';
import type { AccountLabel } from '../aggregate/account-names.ts';
import type { AccountProfile, ReportModel } from '../aggregate/model.ts';
import type { ChartOutput } from '../charts/index.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RenderResult } from '../markdown/types.ts';
import type { Account, Case, Entity, Manifest, Source } from '../schema/index.ts';
import type { PrivateAccount } from '../aggregate/pseudonymise.ts';

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

/** A dataset of a case: its folder and its manifest (with the hashes of the files as found). */
export interface SiteDataset {
  id: string;
  /** Absolute folder of the dataset. */
  dir: string;
  manifest: Manifest;
}

export interface SiteCase {
  id: string;
  /**
   * The language prefix of a translation's pages (`fr`); unset for the original. Its addresses are
   * `siteUrls(site, prefix)`: a translation's case pages under its language (`/fr/cases/…`), the original's at the root.
   */
  prefix?: string;
  /** Every language version of the case, the original first, this one included. */
  versions: CaseVersion[];
  data: Case;
  model: ReportModel;
  /** Where a warehouse counted the posts (server, table, rows, content hash), when one did. */
  engine?: ClickHouseProvenance;
  /** The report body rendered (notes, figures, charts, findings). */
  report: RenderResult;
  datasets: SiteDataset[];
  /** Latest of `updated`, the latest correction and `published`. */
  updated: string;
  /** True when any dataset of the case is synthetic: the report shows a banner. */
  synthetic: boolean;
  /** Page ids of the accounts that get a page for this case (dossiers and the top N). */
  accountPages: string[];
  /** Every chart of the case (in the report and on its hashtag and account pages), by id, in the order drawn. */
  charts: Record<string, SiteChart>;
}

export interface SiteAccount {
  /** `<platform>/<name>`: see `accountPageIds`. */
  pageId: string;
  /** Whose page it is: `dossier:<id>`, or the dataset account's `accountIdentity`. */
  identity: string;
  label: AccountLabel;
  dossier?: { id: string; data: Account };
  /** The dossier body rendered, with its notes. */
  dossierHtml?: RenderResult;
  /** One section per case the account appears in. */
  cases: { caseId: string; profile: AccountProfile; heatmapChartId: string }[];
}

/** An entity with its description rendered (with its notes). */
export interface SiteEntity {
  id: string;
  data: Entity;
  body: RenderResult;
}

/** A source with its notes rendered (an empty body renders to nothing). */
export interface SiteSource {
  id: string;
  data: Source;
  body: RenderResult;
}

/** What the site's addresses are made from (`createUrls`, src/content/urls.ts): its base path and its host. */
export interface SiteAddresses {
  base: string;
  /** The address of the host's root (`https://example.org/`): what site paths resolve against. */
  origin: string;
}

export interface Site {
  root: string;
  addresses: SiteAddresses;
  version: SiteVersion;
  /** Published cases (and drafts when previews include them), newest first. */
  cases: SiteCase[];
  /** The cases' translations, each its own page set under its language, in the order of `cases`. */
  translations: SiteCase[];
  /**
   * Who is private, with every id, handle and name the data shows for them: the site's one privacy decision
   * (`decidePrivacy`), read by every page, card and released file through `sitePrivacy` (src/site/privacy.ts).
   */
  privatePeople: PrivateAccount[];
  /** Every account page, by page id. */
  accounts: SiteAccount[];
  /** In the project's order. */
  entities: SiteEntity[];
  sources: SiteSource[];
  /**
   * How each account is shown anywhere in a case, by case id, then by dossier id or dataset author id
   * (read through `accountLabel`, src/site/account-label.ts).
   */
  accountLabels: Record<string, Record<string, AccountLabel>>;
  /**
   * Under `astro dev` only: what the check found. The preview shows the pages it can, with these in a
   * banner on every page; a build never renders with errors.
   */
  previewProblems?: Diagnostic[];
}
